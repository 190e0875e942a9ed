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
}
