namespace Maap.Algorithms;

/// <summary>One deployed OGC process in full (<c>GET /api/ogc/processes/{processID}</c>), with its typed inputs.</summary>
public sealed class ProcessDescription
{
    /// <summary>MAAP's processID.</summary>
    public string ProcessId { get; init; } = string.Empty;

    /// <summary>The process id (the CWL Workflow id).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The process version (the CWL <c>s:version</c>).</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The keywords.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The author named in the CWL.</summary>
    public string? Author { get; init; }

    /// <summary>The MAAP username that deployed it.</summary>
    public string? DeployedBy { get; init; }

    /// <summary>The code repository (<c>s:codeRepository</c>).</summary>
    public string? GithubUrl { get; init; }

    /// <summary>The commit (<c>s:commitHash</c>); MAAP turns a YAML <c>null</c> there into the text <c>"null"</c>.</summary>
    public string? GitCommitHash { get; init; }

    /// <summary>Where the CWL was fetched from; null when it was deployed from CWL text.</summary>
    public string? CwlLink { get; init; }

    /// <summary>The tool's <c>ramMin</c>, for information: MAAP schedules by the queue the job names.</summary>
    public long? RamMin { get; init; }

    /// <summary>The tool's <c>coresMin</c>, for information.</summary>
    public long? CoresMin { get; init; }

    /// <summary>The tool's <c>baseCommand</c>.</summary>
    public string? BaseCommand { get; init; }

    /// <summary>The inputs a job of this process takes, in MAAP's order.</summary>
    public IReadOnlyList<ProcessInput> Inputs { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{Id}:{Version} (process {ProcessId}, {Inputs.Count} input(s))";
}
