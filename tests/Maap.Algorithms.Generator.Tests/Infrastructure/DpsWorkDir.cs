using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Maap.Algorithms.Generator.Tests.Infrastructure;

/// <summary>
/// Lays out a DPS work directory the way MAAP and HySDS would for a request (spec §3, §12.2): defaults filled in,
/// every value through <c>json.loads</c>, positional values on the command line (non-strings JSON-encoded),
/// everything in <c>_context.json</c>, file inputs downloaded into <c>input/</c>.
/// </summary>
internal sealed class DpsWorkDir : IDisposable
{
    private DpsWorkDir(string path, IReadOnlyList<string> arguments)
    {
        Path = path;
        Arguments = arguments;
    }

    public string Path { get; }

    public IReadOnlyList<string> Arguments { get; }

    public static DpsWorkDir Create(JobRequest request, IReadOnlyList<MaapInputMetadata> inputs, bool downloadFiles = true, Func<string, Task<string>>? secrets = null)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "maap-dps-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(path, "input"));
        var context = new JsonObject();
        var parameters = new JsonArray();
        var arguments = new List<string>();
        foreach (var input in inputs)
        {
            var sent = request.Inputs.FirstOrDefault(i => i.Name == input.Name)?.Value ?? input.DefaultValue ?? (input.Required ? null : string.Empty);
            if (sent is null)
            {
                throw new InvalidOperationException($"Parameter {input.Name} missing from inputs. No default set in algorithm spec.");
            }

            var value = JsonLoads(sent);
            context[input.Name] = value?.DeepClone();
            parameters.Add(new JsonObject
            {
                ["name"] = input.Name,
                ["destination"] = input.Kind switch { MaapInputKind.File => "localize", MaapInputKind.Config => "context", _ => "positional" },
                ["value"] = value?.DeepClone(),
            });
            if (input.Kind == MaapInputKind.Positional)
            {
                arguments.Add(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : PythonDumps(value));
            }

            if (input.Kind == MaapInputKind.File && downloadFiles && sent.Length > 0)
            {
                var name = System.IO.Path.GetFileName(new Uri(sent).AbsolutePath);
                File.WriteAllText(System.IO.Path.Combine(path, "input", name), "content of " + name);
            }
        }

        context["job_specification"] = new JsonObject { ["params"] = parameters };
        File.WriteAllText(System.IO.Path.Combine(path, "_context.json"), context.ToJsonString());
        File.WriteAllText(System.IO.Path.Combine(path, "_job.json"), new JsonObject
        {
            ["username"] = "jdoe",
            ["type"] = $"job-{request.AlgorithmId}:{request.Version}",
            ["tag"] = request.Tag ?? "maap-api-submit",
            ["job_info"] = new JsonObject { ["job_payload"] = new JsonObject { ["payload_task_id"] = "86fbac52-24b0-4963-8b67-59d0fc09946a" } },
        }.ToJsonString());
        return new DpsWorkDir(path, arguments);
    }

    public DpsJobContext Context(Func<string, CancellationToken, Task<string>>? fetchSecret = null) => new(Path, Arguments, fetchSecret);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>Python's <c>json.loads</c> where it succeeds, the raw string otherwise.</summary>
    private static JsonNode? JsonLoads(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>Python's <c>json.dumps</c> layout: <c>", "</c> between items.</summary>
    private static string PythonDumps(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            var text = new StringBuilder("[");
            for (var i = 0; i < array.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(PythonDumps(array[i]));
            }

            return text.Append(']').ToString();
        }

        return node?.ToJsonString() ?? "null";
    }
}
