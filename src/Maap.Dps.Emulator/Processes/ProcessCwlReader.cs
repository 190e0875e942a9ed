using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Maap.Dps.Emulator.Processes;

/// <summary>
/// Reads a deployed CWL document as MAAP's deploy handler does (<c>maap-ogc-spec.md</c> §6.1–6.2): the metadata by
/// MAAP's regular expressions over the text, the Workflow and the tool from the parsed YAML, and the Workflow inputs
/// as hysds-io params. Refuses what §3.2 refuses, with its messages (status 400). cwltool is not run: a document
/// cwltool would reject for reasons other than these may be accepted.
/// </summary>
internal static partial class ProcessCwlReader
{
    public const string NoWorkflow = "A valid Workflow object must be defined in the CWL file.";
    public const string MissingMetadata = "Required metadata missing: s:version and a top-level id are required.";
    public const string EmptyVersion = "Required metadata missing: s:version must have a non-empty value.";
    public const string VersionWithColon = "Process version cannot contain a :";

    public static ProcessCwl Read(string text)
    {
        JsonNode? root;
        try
        {
            root = YamlToJson.Parse(text);
        }
        catch (FormatException e)
        {
            throw Invalid(e.Message);
        }

        if (root is not JsonObject document)
        {
            throw Invalid("the document is not a CWL object");
        }

        var objects = document["$graph"] is JsonArray graph ? graph.OfType<JsonObject>().ToList() : [document];
        var workflow = objects.FirstOrDefault(o => Text(o["class"]) == "Workflow");
        if (Text(document["cwlVersion"]) != "v1.2" || workflow is null)
        {
            // MAAP looks for a cwl_v1_2.Workflow instance, so v1.0 and v1.1 documents fail the same way.
            throw new ProcessRequestException(400, NoWorkflow);
        }

        var id = FragmentName(Text(workflow["id"]));
        var versionMatch = VersionLine().Match(text);
        if (string.IsNullOrEmpty(id) || !versionMatch.Success)
        {
            throw new ProcessRequestException(400, MissingMetadata);
        }

        var version = versionMatch.Groups[1].Value.Trim('\'', '"');
        if (version.Length == 0)
        {
            throw new ProcessRequestException(400, EmptyVersion);
        }

        if (version.Contains(':', StringComparison.Ordinal))
        {
            throw new ProcessRequestException(400, VersionWithColon);
        }

        if (!SafeName().IsMatch(id) || !SafeName().IsMatch(version))
        {
            // An emulator rule: the id and version name folders and job types here, so they stay path-safe.
            throw Invalid($"the MAAP DPS emulator accepts only letters, digits, '.', '_' and '-' in the process id and s:version ('{id}:{version}')");
        }

        var tool = FindTool(workflow, objects);
        var requirements = Requirements(tool?["requirements"]);
        var resources = requirements.FirstOrDefault(r => Text(r["class"]) == "ResourceRequirement");
        var docker = requirements.Concat(Requirements(tool?["hints"])).FirstOrDefault(r => Text(r["class"]) == "DockerRequirement");
        return new ProcessCwl
        {
            Id = id,
            Version = version,
            Title = Text(workflow["label"]),
            Description = Text(workflow["doc"]),
            Keywords = KeywordsLine().Match(text) is { Success: true } k ? k.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal) : null,
            Author = AuthorName().Match(text) is { Success: true } a ? a.Groups[1].Value : null,
            GithubUrl = CodeRepositoryLine().Match(text) is { Success: true } r ? r.Groups[1].Value : null,
            GitCommitHash = CommitHashLine().Match(text) is { Success: true } c ? c.Groups[1].Value : null,
            CodeRepository = ScalarText(document["s:codeRepository"]) ?? (CodeRepositoryLine().Match(text) is { Success: true } r2 ? r2.Groups[1].Value : null),
            CommitHash = ScalarText(document["s:commitHash"]),
            RamMin = Integer(resources?["ramMin"]),
            CoresMin = Integer(resources?["coresMin"]),
            OutdirMax = Integer(resources?["outdirMax"]),
            DockerPull = Text(docker?["dockerPull"]),
            BaseCommand = tool?["baseCommand"] switch
            {
                JsonArray words => [.. words.Select(w => ScalarText(w) ?? string.Empty)],
                JsonValue word when ScalarText(word) is { } one => [one],
                _ => [],
            },
            Arguments = Arguments(tool?["arguments"]),
            ToolInputs = NormalisedInputs(tool?["inputs"]),
            HysdsIoParams = HysdsIoParams.FromWorkflowInputs(NormalisedInputs(workflow["inputs"])),
        };
    }

    /// <summary>MAAP's <c>CWL validation failed: …</c> 400.</summary>
    public static ProcessRequestException Invalid(string reason) => new(400, "CWL validation failed: " + reason);

    /// <summary>The tool the Workflow's first step runs (<c>run: '#main'</c>), or null when there is none.</summary>
    private static JsonObject? FindTool(JsonObject workflow, List<JsonObject> objects)
    {
        var steps = workflow["steps"] switch
        {
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>().ToList(),
            JsonArray list => list.OfType<JsonObject>().ToList(),
            _ => [],
        };
        var run = steps.Count > 0 ? steps[0]["run"] : null;
        if (run is JsonObject)
        {
            // MAAP crashes on an inline tool (500); refusing it plainly is kinder and the emulator could not run it anyway.
            throw Invalid("the Workflow step's run must reference a CommandLineTool in $graph ('#main'), not inline it");
        }

        var target = FragmentName(Text(run));
        return objects.FirstOrDefault(o => Text(o["class"]) == "CommandLineTool" && target is not null && FragmentName(Text(o["id"])) == target);
    }

    /// <summary>Requirements or hints in either CWL form: a list of <c>{class: …}</c> or a map keyed by class.</summary>
    private static IEnumerable<JsonObject> Requirements(JsonNode? node) => node switch
    {
        JsonArray list => list.OfType<JsonObject>(),
        JsonObject map => map.Where(p => p.Value is JsonObject).Select(p =>
        {
            var copy = p.Value!.DeepClone().AsObject();
            copy["class"] = p.Key;
            return copy;
        }),
        _ => [],
    };

    /// <summary>Inputs in either CWL form (map or list with <c>id</c>), each as an object; a bare type becomes <c>{type}</c>.</summary>
    public static JsonObject NormalisedInputs(JsonNode? node)
    {
        var result = new JsonObject();
        IEnumerable<(string? Name, JsonNode? Value)> entries = node switch
        {
            JsonObject map => map.Select(p => ((string?)p.Key, p.Value)),
            JsonArray list => list.OfType<JsonObject>().Select(o => (FragmentName(Text(o["id"])), (JsonNode?)o)),
            _ => [],
        };
        foreach (var (name, value) in entries)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw Invalid("every input needs an id");
            }

            var input = value is JsonObject o ? o.DeepClone().AsObject() : new JsonObject { ["type"] = value?.DeepClone() };
            input.Remove("id");
            result[name] = input;
        }

        return result;
    }

    /// <summary>The last segment of a CWL id: <c>#main</c>, <c>file.cwl#main</c> and <c>#wf/x</c> give <c>main</c>, <c>main</c>, <c>x</c>.</summary>
    public static string? FragmentName(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var cut = Math.Max(id.LastIndexOf('#'), id.LastIndexOf('/'));
        return id[(cut + 1)..];
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A scalar as text (a number or boolean written as YAML would read back); null for null or non-scalars.</summary>
    private static string? ScalarText(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    private static long? Integer(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? v.TryGetValue<long>(out var l) ? l : (long)Math.Ceiling(v.GetValue<double>())
        : null;

    [GeneratedRegex(@"s:version:[ \t]*(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"s:keywords:\s*(.*)")]
    private static partial Regex KeywordsLine();

    [GeneratedRegex(@"s:author:.*?s:name:\s*(\S+)", RegexOptions.Singleline)]
    private static partial Regex AuthorName();

    [GeneratedRegex(@"s:codeRepository:\s*(\S+)")]
    private static partial Regex CodeRepositoryLine();

    [GeneratedRegex(@"s:commitHash:\s*(\S+)")]
    private static partial Regex CommitHashLine();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeName();
}
