using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Maap.Cli.Output;

/// <summary>Writes one JSON document to the console (reflection-free: the command writes its own shape).</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
