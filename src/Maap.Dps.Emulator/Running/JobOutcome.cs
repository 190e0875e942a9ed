using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>How one run of a job went, filled in as it runs; a job fails unless something says otherwise.</summary>
internal sealed class JobOutcome
{
    public string Status { get; set; } = JobState.Failed;
    public string? Traceback { get; set; }
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset? Ended { get; set; }
    public int? ExitCode { get; set; }
    public bool TimedOut { get; set; }
    public ProcessTreeSampler? Sampler { get; set; }

    public void Fail(string traceback)
    {
        Status = JobState.Failed;
        Traceback = traceback;
    }
}
