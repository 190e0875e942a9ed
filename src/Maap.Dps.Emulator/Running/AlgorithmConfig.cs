using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// The JSON form of <c>algorithm_config.yaml</c> a registration posts (spec §12.1), read and checked as MAAP does.
/// Every refusal is a <see cref="RegistrationException"/> with the status and message MAAP would use.
/// </summary>
internal sealed partial class AlgorithmConfig
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "text", "number", " datetime", "date", "boolean", "enum", "email", "textarea", "region", "passthrough", "object",
    };

    private AlgorithmConfig(JsonObject json, string name, string version, string repositoryUrl, string runCommand, string queue)
    {
        Json = json;
        Name = name;
        Version = version;
        RepositoryUrl = repositoryUrl;
        RunCommand = runCommand;
        Queue = queue;
    }

    public JsonObject Json { get; }

    /// <summary>The algorithm name, white space removed as MAAP removes it.</summary>
    public string Name { get; }

    public string Version { get; }

    public string RepositoryUrl { get; }

    public string RunCommand { get; }

    /// <summary>The queue it names, or the default queue when it names none.</summary>
    public string Queue { get; }

    public string Description => OptionalString(Json, "algorithm_description") ?? string.Empty;

    public string DiskSpace => OptionalString(Json, "disk_space") ?? "10GB";

    /// <summary>Reads the body and checks its names and queue; the inputs are read later, by <see cref="Inputs"/>.</summary>
    public static AlgorithmConfig Parse(string body, IReadOnlyList<string> allowedQueues, string defaultQueue)
    {
        JsonObject config;
        // MAAP strips trailing commas with a regex before parsing; so do we.
        var json = TrailingComma().Replace(body, "$1");
        try
        {
            config = JsonNode.Parse(json)?.AsObject()
                     ?? throw new RegistrationException(500, "Failed to register algorithm: the body is not a JSON object.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new RegistrationException(500, $"Failed to register algorithm: {e.Message}");
        }

        if (HasDuplicateKeys(json))
        {
            // Which of two values counts would be the parser's choice; say so instead of registering either.
            throw new RegistrationException(400, "Failed to register algorithm: the configuration gives a key twice.");
        }

        var name = RequiredString(config, "algorithm_name");
        var version = RequiredString(config, "algorithm_version");
        var repositoryUrl = RequiredString(config, "repository_url");
        var runCommand = RequiredString(config, "run_command");
        name = string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
        if (!SafeSegment().IsMatch(name) || !SafeSegment().IsMatch(version))
        {
            throw new RegistrationException(500, $"Failed to register algorithm: '{name}:{version}' must use only letters, digits, '.', '_' and '-'.");
        }

        var queue = OptionalString(config, "queue");
        if (string.IsNullOrEmpty(queue))
        {
            queue = defaultQueue;
        }
        else if (!allowedQueues.Contains(queue, StringComparer.Ordinal))
        {
            throw new RegistrationException(400,
                $"User does not have permissions for resource {queue}.Please select from one of {PythonRepr.List(allowedQueues)}");
        }

        return new AlgorithmConfig(config, name, version, repositoryUrl, runCommand, queue);
    }

    /// <summary>The declared inputs, in category then declaration order; throws when one has no name.</summary>
    public List<AlgorithmParam> Inputs() => ParseInputs(Json["inputs"]);

    private static List<AlgorithmParam> ParseInputs(JsonNode? inputs)
    {
        var result = new List<AlgorithmParam>();
        if (inputs is not JsonObject categories)
        {
            return result;
        }

        foreach (var (category, items) in categories)
        {
            var destination = category switch
            {
                "file" => "localize",
                "positional" => "positional",
                "config" => "context",
                _ => null,
            };
            if (destination is null || items is not JsonArray array)
            {
                continue;
            }

            foreach (var item in array.OfType<JsonObject>())
            {
                var name = item["name"]?.GetValueKind() == JsonValueKind.String ? item["name"]!.GetValue<string>() : null;
                if (string.IsNullOrEmpty(name))
                {
                    throw new RegistrationException(500, "Failed to register algorithm: every input needs a name.");
                }

                var type = item["data_type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && KnownTypes.Contains(t.GetValue<string>())
                    ? t.GetValue<string>()
                    : "text";
                var hasDefault = item.TryGetPropertyValue("default", out var def) && def is not null;
                result.Add(new AlgorithmParam(name, destination, hasDefault ? def!.DeepClone() : null, type));
            }
        }

        return result;
    }

    private static string RequiredString(JsonObject config, string key) =>
        OptionalString(config, key) is { Length: > 0 } value
            ? value
            : throw new RegistrationException(500, $"Failed to register algorithm: '{key}' is required.");

    private static string? OptionalString(JsonObject config, string key) => config[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    [GeneratedRegex(@",(\s*[}\]])")]
    private static partial Regex TrailingComma();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,254}$")]
    private static partial Regex SafeSegment();

    private static bool HasDuplicateKeys(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return false;
        }
        catch (JsonException)
        {
            return true; // the text parsed once already, so the only new complaint is a repeated key
        }
    }
}
