using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Jobs;

/// <summary>What a job produced: its staged products, in staging order, and the traceback when it failed.</summary>
/// <param name="Job">The job.</param>
/// <param name="Products">The staged products; empty while it runs.</param>
/// <param name="Traceback">Why it failed; null unless it failed.</param>
internal sealed record JobResults(JobRecord Job, IReadOnlyList<JobProduct> Products, string? Traceback)
{
    /// <summary>A queued job has measured and staged nothing yet, not even an empty list (HySDS has no metrics for it).</summary>
    public bool IsPending => Job.Status == JobState.Queued;
}
