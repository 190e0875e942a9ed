using System.Net;
using System.Text.Json;
using Maap.Algorithms.Http;

namespace Maap.Algorithms.Protocol.Ogc;

/// <summary>
/// MAAP's OGC API – Processes job routes under <c>/api/ogc</c> (OGC spec §3.7–3.14), with the quirks of §8–§11
/// absorbed here: 202 answers without <c>Location</c>, results by state (<c>{}</c>, <c>null</c>, 500), metrics
/// <c>null</c>, and the 404 a job purged by a cancel while queued answers with.
/// </summary>
internal sealed class OgcJobProtocol(MaapPipeline pipeline, MaapEndpoints endpoints, OgcProcessResolver resolver) : JobProtocol
{
    private const int RememberedCancels = 1024;
    private readonly object _gate = new();
    private readonly HashSet<string> _cancelled = new(StringComparer.Ordinal);
    private readonly Queue<string> _cancelOrder = new();

    public override async Task<StatusInfo> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var body = OgcExecuteWriter.Write(request);
        var processId = await ProcessIdAsync(request, cancellationToken).ConfigureAwait(false);
        var processes = await EndpointAsync(e => e.ProcessesOgc, cancellationToken).ConfigureAwait(false);
        var url = new Uri($"{processes}/{Uri.EscapeDataString(processId)}/execution");
        var response = await pipeline.SendAsync(
            new MaapRequest(HttpMethod.Post, url, "Jobs.Submit") { Content = MaapPipeline.Text(body, "application/json") },
            cancellationToken).ConfigureAwait(false);
        // MAAP answers 202 with the job's statusInfo and no Location header: the body is the only place the id is.
        return Read(response, OgcJobReader.ReadStatusInfo, "the execution answer with the new jobID");
    }

    public override async Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, jobId, string.Empty, "Jobs.GetStatus", cancellationToken).ConfigureAwait(false);
        if (response.Status == HttpStatusCode.NotFound && OgcJobReader.IsNoSuchJob(response.Body))
        {
            // A queued job this client cancelled is purged from Mozart, so every later status is this 404.
            return WasCancelledHere(jobId) ? JobStatus.Dismissed : JobStatus.Deleted;
        }

        var info = Read(response, OgcJobReader.ReadStatusInfo, "a job statusInfo");
        return info.Status;
    }

    public override async Task<JobResult> GetResultAsync(string jobId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, jobId, "/results", "Jobs.GetResult", cancellationToken).ConfigureAwait(false);
        return Read(response, body => OgcJobReader.ReadResult(jobId, body), "a job results object");
    }

    public override async Task<JobMetrics> GetMetricsAsync(string jobId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, jobId, "/metrics", "Jobs.GetMetrics", cancellationToken).ConfigureAwait(false);
        return Read(response, OgcJobReader.ReadMetrics, "a job metrics object");
    }

    public override async Task CancelAsync(string jobId, bool waitForCompletion, CancellationToken cancellationToken)
    {
        // maap-py sends wait_for_completion, which MAAP ignores; the handler reads waitForCompletion.
        var response = await SendAsync(HttpMethod.Delete, jobId, waitForCompletion ? "?waitForCompletion=true" : string.Empty, "Jobs.Cancel", cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            // 400 "Not allowed to cancel job with status job-completed" for a finished job, as the WPS route's 400.
            throw response.ToFailure();
        }

        Remember(jobId);
    }

    public override void ValidateListQuery(JobListQuery query) => OgcListQuery.Validate(query);

    public override async Task<MaapPage<JobListItem>> ListPageAsync(JobListQuery query, int offset, CancellationToken cancellationToken)
    {
        var jobs = await EndpointAsync(e => e.JobsOgc, cancellationToken).ConfigureAwait(false);
        var url = new Uri(jobs + OgcListQuery.Write(query, offset));
        var response = await pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Jobs.List"), cancellationToken).ConfigureAwait(false);
        var items = Read(response, body => OgcJobListReader.Read(body, query.IncludeDetails), "a job list");
        if (query.FiltersAfterPaging)
        {
            // MAAP filters datetime and durations after paging: a short page proves nothing, only an empty one ends the list.
            return new MaapPage<JobListItem>(items, offset, isLast: items.Count == 0) { NextOffset = offset + query.PageSize };
        }

        return new MaapPage<JobListItem>(items, offset, isLast: items.Count < query.PageSize);
    }

    private async Task<string> ProcessIdAsync(JobRequest request, CancellationToken cancellationToken)
    {
        if (request.ProcessId is { } processId)
        {
            return processId;
        }

        return await resolver.FindAsync(request.AlgorithmId, request.Version, request.Deployer, cancellationToken).ConfigureAwait(false)
            ?? throw new MaapRequestFailedException(
                HttpStatusCode.NotFound,
                "no-such-process",
                $"No deployed OGC process is {request.AlgorithmId}:{request.Version}{(request.Deployer is null ? string.Empty : " by " + request.Deployer)}; deploy it with maap.Processes, or use the WPS job protocol for a registered algorithm.",
                bodyExcerpt: null);
    }

    private async Task<MaapResponse> SendAsync(HttpMethod method, string jobId, string suffix, string operation, CancellationToken cancellationToken)
    {
        var escaped = JobIds.Escape(jobId);
        var jobs = await EndpointAsync(e => e.JobsOgc, cancellationToken).ConfigureAwait(false);
        return await pipeline.SendAsync(new MaapRequest(method, new Uri(string.Concat(jobs, "/", escaped, suffix)), operation), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> EndpointAsync(Func<ResolvedEndpoints, string> pick, CancellationToken cancellationToken) =>
        pick(await endpoints.GetAsync(pipeline, cancellationToken).ConfigureAwait(false));

    private static T Read<T>(MaapResponse response, Func<string, T> read, string expectation)
    {
        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        try
        {
            return read(response.Body);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw response.ToProtocolError($"Expected {expectation}: {ex.Message}", ex);
        }
    }

    private void Remember(string jobId)
    {
        lock (_gate)
        {
            if (_cancelled.Add(jobId))
            {
                _cancelOrder.Enqueue(jobId);
                if (_cancelOrder.Count > RememberedCancels)
                {
                    _cancelled.Remove(_cancelOrder.Dequeue());
                }
            }
        }
    }

    private bool WasCancelledHere(string jobId)
    {
        lock (_gate)
        {
            return _cancelled.Contains(jobId);
        }
    }
}
