namespace Maap.Algorithms;

/// <summary>A deployed OGC process in the process list (<c>GET /api/ogc/processes</c>).</summary>
public sealed class ProcessSummary
{
    /// <summary>MAAP's processID, the number jobs and every other process route name it by (for example <c>12</c>).</summary>
    public string ProcessId { get; init; } = string.Empty;

    /// <summary>The process id: the CWL Workflow id, for example <c>sardem-sarsen</c>.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The process version: the CWL <c>s:version</c>.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>The title (the Workflow <c>label</c>).</summary>
    public string? Title { get; init; }

    /// <summary>The description (the Workflow <c>doc</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The keywords.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The author named in the CWL.</summary>
    public string? Author { get; init; }

    /// <summary>The MAAP username that deployed it. Several members can deploy the same id and version.</summary>
    public string? DeployedBy { get; init; }

    /// <summary>When it was last deployed or replaced (MAAP sends no zone; read as UTC).</summary>
    public DateTimeOffset? LastModifiedTime { get; init; }

    /// <summary>Where the CWL was fetched from; null when it was deployed from CWL text.</summary>
    public string? CwlLink { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id}:{Version} (process {ProcessId}{(DeployedBy is null ? string.Empty : ", by " + DeployedBy)})";
}
