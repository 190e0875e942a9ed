using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Processes;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>Deployed OGC processes as runnable algorithms: what a successful deployment registers.</summary>
internal sealed partial class AlgorithmCatalog
{
    /// <summary>
    /// Fetches the process's code into a fresh app directory and registers it as <paramref name="name"/>
    /// (<c>{id}_{deployerMemberId}</c>) so jobs of type <c>job-{name}:{version}</c> run it. A remote
    /// <c>s:codeRepository</c> is cloned with git (at <c>s:commitHash</c> when given); a local path or <c>file:</c>
    /// URL is copied; none leaves <c>/app</c> empty. The copy it replaces stays until no running job uses it.
    /// Throws <see cref="IOException"/> or <see cref="RegistrationException"/> saying why the code could not be had.
    /// </summary>
    public async Task<AlgorithmRecord> RegisterProcessAsync(ProcessCwl cwl, string name, string deployer, long nowMs, CancellationToken cancellationToken)
    {
        var appDir = Path.Combine(_paths.AppDirectory(name, cwl.Version), "r" + nowMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]);
        using var hold = _copies.Hold(name, cwl.Version, appDir);
        var repository = cwl.CodeRepository;
        if (repository is not null && GitCheckout.IsRemote(repository))
        {
            await GitCheckout.CloneAsync(repository, cwl.CommitHash, appDir, cancellationToken);
        }
        else if (repository is not null)
        {
            AppCheckout.CheckOut(repository, appDir);
        }
        else
        {
            Directory.CreateDirectory(appDir);
        }

        var parameters = new List<AlgorithmParam>();
        foreach (var param in cwl.HysdsIoParams.OfType<JsonObject>())
        {
            var input = param["name"]!.GetValue<string>();
            var toolInput = cwl.ToolInputs[input] as JsonObject;
            var hysdsType = param["type"]!.GetValue<string>();
            var destination = toolInput is null ? "context"
                : IsFileType(toolInput["type"]) ? "localize"
                : toolInput["inputBinding"] is JsonObject binding && binding.ContainsKey("position") ? "positional"
                : "context";
            // The CWL default itself, not hysds-io's JSON text of it, so the job's argv carries what cwltool would.
            parameters.Add(new AlgorithmParam(input, destination, param.ContainsKey("default") ? DefaultOf(cwl, input, param) : null, hysdsType)
            {
                Optional = param["optional"] is not null,
            });
        }

        var tool = new JsonObject
        {
            ["baseCommand"] = new JsonArray([.. cwl.BaseCommand.Select(w => (JsonNode?)JsonValue.Create(w))]),
            ["arguments"] = cwl.Arguments.DeepClone(),
            ["inputs"] = cwl.ToolInputs.DeepClone(),
        };
        var record = new AlgorithmRecord(
            name, cwl.Version, deployer, cwl.Description ?? string.Empty, cwl.CodeRepository ?? string.Empty, cwl.BaseCommandText ?? string.Empty,
            string.Empty, cwl.OutdirMax is { } gb ? gb.ToString(System.Globalization.CultureInfo.InvariantCulture) + "GB" : "10GB",
            parameters, appDir, "{}", nowMs, BuiltIn: false)
        {
            IsOgcProcess = true,
            CwlToolJson = tool.ToJsonString(),
        };
        _copies.Change(() => Save(record));
        return record;
    }

    private static JsonNode? DefaultOf(ProcessCwl cwl, string input, JsonObject param) =>
        cwl.ToolInputs[input]?["default"]?.DeepClone() ?? param["default"]?.DeepClone();

    private static bool IsFileType(JsonNode? type) => type switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>().TrimEnd('?') is "File" or "Directory",
        JsonArray union => union.Any(IsFileType),
        _ => false,
    };
}
