namespace Maap.Dps.Emulator.Store;

/// <summary>A registered algorithm: what <c>POST /api/mas/algorithm</c> stored.</summary>
internal sealed record AlgorithmRecord(
    string Name,
    string Version,
    string Owner,
    string Description,
    string RepositoryUrl,
    string RunCommand,
    string Queue,
    string DiskSpace,
    IReadOnlyList<AlgorithmParam> Params,
    string AppDirectory,
    string ConfigJson,
    long RegisteredMs,
    bool BuiltIn)
{
    public string Key => $"{Name}:{Version}";

    public string JobType => $"job-{Name}:{Version}";

    /// <summary>
    /// True for a deployed OGC process (<c>{id}_{deployerMemberId}</c>): run by its CWL tool's bindings, reached only
    /// through <c>/api/ogc</c>, and not listed among the WPS algorithms.
    /// </summary>
    public bool IsOgcProcess { get; init; }

    /// <summary>For an OGC process: <c>{"baseCommand": [...], "inputs": {...}}</c> of its CWL tool, what its jobs run.</summary>
    public string? CwlToolJson { get; init; }
}
