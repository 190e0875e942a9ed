using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Processes;

/// <summary>
/// What MAAP extracts from a deployed CWL document (<c>maap-ogc-spec.md</c> §6.2), plus the tool's inputs and
/// command, which the emulator needs to run the process the way cwltool would.
/// </summary>
internal sealed record ProcessCwl
{
    /// <summary>The Workflow id (fragment basename): the process <c>id</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The <c>s:version</c> text: the process <c>version</c> and HySDS tag.</summary>
    public required string Version { get; init; }

    /// <summary>The Workflow <c>label</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The Workflow <c>doc</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>s:keywords</c> line with spaces removed, as MAAP's database keeps it, or null.</summary>
    public string? Keywords { get; init; }

    public string? Author { get; init; }

    /// <summary>The <c>s:codeRepository</c> token as MAAP's regex reads it (shown as <c>githubUrl</c>).</summary>
    public string? GithubUrl { get; init; }

    /// <summary>The <c>s:commitHash</c> token as MAAP's regex reads it (<c>null</c> in YAML is the string "null").</summary>
    public string? GitCommitHash { get; init; }

    /// <summary>The repository to fetch the code from: the YAML value of <c>s:codeRepository</c> (quotes resolved).</summary>
    public string? CodeRepository { get; init; }

    /// <summary>The YAML value of <c>s:commitHash</c>, or null when absent or null.</summary>
    public string? CommitHash { get; init; }

    public long? RamMin { get; init; }

    public long? CoresMin { get; init; }

    public long? OutdirMax { get; init; }

    /// <summary>The tool's <c>DockerRequirement.dockerPull</c>; recorded and shown, never pulled.</summary>
    public string? DockerPull { get; init; }

    /// <summary>The tool's <c>baseCommand</c> as MAAP stores it: the string, or a list's words joined by spaces.</summary>
    public string? BaseCommandText => BaseCommand.Count == 0 ? null : string.Join(' ', BaseCommand);

    /// <summary>The tool's <c>baseCommand</c> words (a string is one word, as cwltool takes it).</summary>
    public IReadOnlyList<string> BaseCommand { get; init; } = [];

    /// <summary>The tool's <c>arguments</c>, each as <c>{position, valueFrom, prefix?, separate?}</c> with literal text, in order.</summary>
    public JsonArray Arguments { get; init; } = [];

    /// <summary>The tool's inputs by id, each normalised to an object (<c>{type, inputBinding?, default?}</c>), in order.</summary>
    public JsonObject ToolInputs { get; init; } = [];

    /// <summary>The Workflow inputs as hysds-io params, in declaration order (what describe shows and execution checks).</summary>
    public JsonArray HysdsIoParams { get; init; } = [];
}
