using Maap.Algorithms.Http;
using Microsoft.Extensions.Logging;

namespace Maap.Algorithms;

/// <summary>DPS jobs: submit, reattach, status, result, metrics, cancel and list. Reach it as <c>maap.Jobs</c>.</summary>
public class MaapJobsClient
{
    private readonly JobProtocol? _protocol;
    private readonly MaapClientOptions? _options;
    private readonly ILogger? _logger;

    /// <summary>For mocking.</summary>
    protected MaapJobsClient()
    {
    }

    internal MaapJobsClient(JobProtocol protocol, MaapClientOptions options, ILogger logger)
    {
        _protocol = protocol;
        _options = options;
        _logger = logger;
    }

    private JobProtocol Protocol => _protocol ?? throw new InvalidOperationException("This client was created for mocking.");

    /// <summary>Submits a job. The request is validated first; an invalid one throws before any request is sent.</summary>
    /// <param name="request">What to run, where, with which inputs.</param>
    /// <param name="cancellationToken">Cancels the call. A submission is never retried: a retried POST can start a second job.</param>
    /// <returns>A handle on the new job, with status Accepted.</returns>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="MaapRequestFailedException">MAAP refused the job (unknown algorithm, missing input, forbidden queue, …).</exception>
    public virtual async Task<MaapJob> SubmitAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var info = await Protocol.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        MaapLog.JobSubmitted(_logger!, request.AlgorithmId, request.Version, request.Queue, info.JobId);
        return new MaapJob(info.Handler ?? Protocol, _options!, _logger!, info.JobId, info.Status, _options!.TimeProvider.GetUtcNow());
    }

    /// <summary>Reattaches to an existing job by id. No request is made until the handle is used.</summary>
    /// <param name="jobId">The job id.</param>
    /// <returns>A handle whose status is not fetched yet.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "maap.Jobs.Get(id) is the documented reattach call; VB callers can still use it.")]
    public virtual MaapJob Get(string jobId)
    {
        JobIds.Escape(jobId);
        return new MaapJob(Protocol, _options!, _logger!, jobId, status: null, submittedAt: null);
    }

    /// <summary>Gets a job's status. An id MAAP does not know gives <see cref="JobStatus.Deleted"/>, not an error.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    public virtual Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) =>
        Protocol.GetStatusAsync(jobId, cancellationToken);

    /// <summary>Gets a job's result.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    public virtual Task<JobResult> GetResultAsync(string jobId, CancellationToken cancellationToken = default) =>
        Protocol.GetResultAsync(jobId, cancellationToken);

    /// <summary>Gets a job's metrics.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metrics.</returns>
    public virtual Task<JobMetrics> GetMetricsAsync(string jobId, CancellationToken cancellationToken = default) =>
        Protocol.GetMetricsAsync(jobId, cancellationToken);

    /// <summary>Cancels a job (see <see cref="MaapJob.CancelAsync"/>).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when MAAP accepted the cancel request.</returns>
    public virtual Task CancelAsync(string jobId, CancellationToken cancellationToken = default) =>
        Protocol.CancelAsync(jobId, waitForCompletion: false, cancellationToken);

    /// <summary>Cancels a job and waits until MAAP says the cancel finished (see <see cref="MaapJob.CancelAndWaitAsync"/>).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when MAAP reports the cancel done.</returns>
    public virtual Task CancelAndWaitAsync(string jobId, CancellationToken cancellationToken = default) =>
        Protocol.CancelAsync(jobId, waitForCompletion: true, cancellationToken);

    /// <summary>Lists the signed-in member's jobs, newest first, fetching pages as enumeration needs them.</summary>
    /// <param name="query">Filters and page size; null lists everything.</param>
    /// <param name="cancellationToken">Cancels enumeration.</param>
    /// <returns>The jobs; use <see cref="MaapAsyncPageable{T}.AsPages"/> for page-at-a-time work.</returns>
    /// <exception cref="ArgumentException">A filter is invalid, or the job API in use cannot honour it (checked here, before any request).</exception>
    public virtual MaapAsyncPageable<JobListItem> ListAsync(JobListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new JobListQuery();
        query.Validate();
        var protocol = Protocol;
        protocol.ValidateListQuery(query);
        return new MaapAsyncPageable<JobListItem>((offset, ct) => protocol.ListPageAsync(query, offset, ct), cancellationToken);
    }
}
