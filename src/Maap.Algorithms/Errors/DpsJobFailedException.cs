namespace Maap.Algorithms;

/// <summary>A job ended in a state other than Succeeded, where the caller asked for that to throw.</summary>
public sealed class DpsJobFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="status">The final status.</param>
    /// <param name="traceback">The traceback MAAP reported, if any.</param>
    public DpsJobFailedException(string jobId, JobStatus status, string? traceback)
        : base(traceback is null ? $"DPS job {jobId} ended {status}." : $"DPS job {jobId} ended {status}:{Environment.NewLine}{traceback}")
    {
        JobId = jobId;
        Status = status;
        Traceback = traceback;
    }

    /// <summary>The job id.</summary>
    public string JobId { get; }

    /// <summary>The final status.</summary>
    public JobStatus Status { get; }

    /// <summary>The traceback (the last lines of the algorithm's standard error), if MAAP reported one.</summary>
    public string? Traceback { get; }
}
