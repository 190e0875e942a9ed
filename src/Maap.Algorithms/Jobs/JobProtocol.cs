namespace Maap.Algorithms;

/// <summary>
/// The one seam between the typed job surface and a MAAP wire format. The WPS 2.0 XML API implements it today;
/// the OGC API – Processes JSON API slots in as a second implementation without changing any public type.
/// </summary>
internal abstract class JobProtocol
{
    public abstract Task<StatusInfo> SubmitAsync(JobRequest request, CancellationToken cancellationToken);

    public abstract Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken);

    public abstract Task<JobResult> GetResultAsync(string jobId, CancellationToken cancellationToken);

    public abstract Task<JobMetrics> GetMetricsAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Asks the server to cancel; with <paramref name="waitForCompletion"/>, answers once the server says the cancel finished.</summary>
    public abstract Task CancelAsync(string jobId, bool waitForCompletion, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="ArgumentException"/> for a list filter this protocol cannot honour, before any request.</summary>
    public virtual void ValidateListQuery(JobListQuery query)
    {
    }

    public abstract Task<MaapPage<JobListItem>> ListPageAsync(JobListQuery query, int offset, CancellationToken cancellationToken);
}
