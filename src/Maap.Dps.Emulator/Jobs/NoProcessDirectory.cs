namespace Maap.Dps.Emulator.Jobs;

/// <summary>A directory with no deployed process: until processes can be deployed, every job is a non-OGC job.</summary>
internal sealed class NoProcessDirectory : IProcessDirectory
{
    public static readonly NoProcessDirectory Instance = new();

    public OgcProcessSummary? TryGetProcess(string jobType) => null;

    public string? JobTypeOf(int processId) => null;
}
