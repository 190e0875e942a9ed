using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol.Ogc;
using Microsoft.Extensions.Logging;

namespace Maap.Algorithms.Protocol;

/// <summary>
/// <see cref="MaapJobProtocol.Auto"/>: a submission runs over OGC when its algorithm is a deployed process (one lookup
/// per id, version and deployer, cached by the resolver) and over WPS otherwise; the handle it returns keeps that
/// protocol. A bare job id has no algorithm to look up, so its calls go over WPS, which serves every MAAP job
/// (OGC-submitted ones included) and answers an unknown id with <c>Deleted</c>. A list goes over OGC only when it
/// uses a filter only OGC has.
/// </summary>
internal sealed class AutoJobProtocol(JobProtocol wps, JobProtocol ogc, OgcProcessResolver resolver, ILogger logger) : JobProtocol
{
    public override async Task<StatusInfo> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var processId = request.ProcessId
            ?? await resolver.FindAsync(request.AlgorithmId, request.Version, request.Deployer, cancellationToken).ConfigureAwait(false);
        var chosen = processId is not null ? ogc : wps;
        MaapLog.JobProtocolChosen(
            logger,
            request.AlgorithmId,
            request.Version,
            processId is not null ? "OGC" : "WPS",
            processId is not null ? "deployed process " + processId : "no deployed process matches");
        var info = await chosen.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        return info with { Handler = chosen };
    }

    public override Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken) => wps.GetStatusAsync(jobId, cancellationToken);

    public override Task<JobResult> GetResultAsync(string jobId, CancellationToken cancellationToken) => wps.GetResultAsync(jobId, cancellationToken);

    public override Task<JobMetrics> GetMetricsAsync(string jobId, CancellationToken cancellationToken) => wps.GetMetricsAsync(jobId, cancellationToken);

    // Only OGC can wait for a cancel, and its routes serve every job id too.
    public override Task CancelAsync(string jobId, bool waitForCompletion, CancellationToken cancellationToken) =>
        (waitForCompletion ? ogc : wps).CancelAsync(jobId, waitForCompletion, cancellationToken);

    public override void ValidateListQuery(JobListQuery query)
    {
        if (NeedsOgc(query))
        {
            ogc.ValidateListQuery(query);
        }
        else
        {
            wps.ValidateListQuery(query);
        }
    }

    public override Task<MaapPage<JobListItem>> ListPageAsync(JobListQuery query, int offset, CancellationToken cancellationToken) =>
        (NeedsOgc(query) ? ogc : wps).ListPageAsync(query, offset, cancellationToken);

    /// <summary>True when the list uses a filter only the OGC API has.</summary>
    private static bool NeedsOgc(JobListQuery query) => query.ProcessId is not null || query.FiltersAfterPaging;
}
