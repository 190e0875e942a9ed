using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Maap.Cli.Output;

/// <summary>Writes one JSON document to the console (reflection-free: the command writes its own shape).</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Prints names one per line, or as a JSON array of strings.</summary>
    public static void WriteNames(CliContext context, IEnumerable<string> names)
    {
        if (context.Json)
        {
            Write(context.Console.Out, json =>
            {
                json.WriteStartArray();
                foreach (var name in names)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
            });
            return;
        }

        foreach (var name in names)
        {
            context.Console.Out.WriteLine(name);
        }
    }

    public static void Write(TextWriter writer, Action<Utf8JsonWriter> write) => Write(writer, write, Options);

    /// <summary>Writes one JSON value on one line (JSON Lines), for commands that report as they go.</summary>
    public static void WriteLine(TextWriter writer, Action<Utf8JsonWriter> write) => Write(writer, write, LineOptions);

    private static void Write(TextWriter writer, Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            write(json);
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
