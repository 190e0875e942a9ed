namespace Maap.Dps.Emulator.Jobs;

/// <summary>The answer to a cancel.</summary>
/// <param name="Outcome">What the cancel did.</param>
/// <param name="Status">The job's state when it could not be cancelled (<see cref="JobCancelOutcome.NotCancellable"/>); otherwise null.</param>
/// <param name="Settled">
/// When the caller asked to wait: whether the job stopped running within the wait. Null when nobody waited.
/// </param>
internal sealed record JobCancellation(JobCancelOutcome Outcome, string? Status = null, bool? Settled = null)
{
    /// <summary>Whether a purge or a revoke is under way.</summary>
    public bool Accepted => Outcome is JobCancelOutcome.PurgedWhileQueued or JobCancelOutcome.RevokingRunning;
}
