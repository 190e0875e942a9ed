using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Maap.Algorithms.Protocol.Ogc;

/// <summary>
/// Writes the body of <c>POST /api/ogc/processes/{processID}/execution</c> (OGC spec §3.7):
/// <c>{"inputs": {...}, "queue": ..., "dedup"?, "tag"?}</c>. A text input goes as a JSON string and a JSON input as its
/// value, so the job receives exactly what the request holds; <c>queue</c> is always sent, MAAP refuses a job without one.
/// </summary>
internal static class OgcExecuteWriter
{
    public static string Write(JobRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("inputs");
            foreach (var input in request.Inputs)
            {
                writer.WritePropertyName(input.Name);
                if (input.Kind == JobInputKind.Json)
                {
                    writer.WriteRawValue(input.Value, skipInputValidation: false);
                }
                else
                {
                    writer.WriteStringValue(input.Value);
                }
            }

            writer.WriteEndObject();
            writer.WriteString("queue", request.Queue);
            if (request.Dedup is { } dedup)
            {
                writer.WriteBoolean("dedup", dedup);
            }

            if (request.Tag is not null)
            {
                writer.WriteString("tag", request.Tag);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
