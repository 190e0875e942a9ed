namespace Maap.Algorithms;

/// <summary>A status change seen while waiting for a job.</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Previous">The status before, or null for the first one seen.</param>
/// <param name="Current">The new status.</param>
/// <param name="Elapsed">Time since the wait began.</param>
public sealed record JobStatusChange(string JobId, JobStatus? Previous, JobStatus Current, TimeSpan Elapsed);
