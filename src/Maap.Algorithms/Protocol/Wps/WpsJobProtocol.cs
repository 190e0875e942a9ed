using Maap.Algorithms.Http;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>MAAP's WPS 2.0 job API under <c>/api/dps/job</c> (spec §3–8), with every quirk of §15 absorbed here.</summary>
internal sealed class WpsJobProtocol(MaapPipeline pipeline, MaapEndpoints endpoints) : JobProtocol
{
    private const string XmlAccept = "application/xml, text/xml";

    public override async Task<StatusInfo> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        if (request.ProcessId is not null)
        {
            throw new ArgumentException("The WPS job API runs registered algorithms by id and version; a ProcessId needs the OGC job protocol.", nameof(request));
        }

        // Written first: a request WPS cannot carry fails before any request, endpoint discovery included.
        var body = WpsExecuteWriter.Write(request);
        var dpsJob = await DpsJobAsync(cancellationToken).ConfigureAwait(false);
        var response = await pipeline.SendAsync(
            new MaapRequest(HttpMethod.Post, new Uri(dpsJob), "Jobs.Submit") { Content = MaapPipeline.Text(body, "application/xml"), Accept = XmlAccept },
            cancellationToken).ConfigureAwait(false);
        // MAAP answers a submission with StatusInfo (not Result), and only a 200 means a job exists.
        var info = ReadXml(response, WpsReader.ReadStatusInfo, "a wps:StatusInfo with the new job id");
        if (string.IsNullOrEmpty(info.JobId))
        {
            throw response.ToProtocolError("The submission answer has an empty job id");
        }

        return info;
    }

    public override async Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        var url = await JobUrlAsync(jobId, "/status", cancellationToken).ConfigureAwait(false);
        var response = await pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Jobs.GetStatus") { Accept = XmlAccept }, cancellationToken).ConfigureAwait(false);
        // An unknown or purged id is a 200 "Deleted", never a 404: nothing to special-case here.
        return ReadXml(response, WpsReader.ReadStatusInfo, "a wps:StatusInfo").Status;
    }

    public override async Task<JobResult> GetResultAsync(string jobId, CancellationToken cancellationToken)
    {
        var url = await JobUrlAsync(jobId, string.Empty, cancellationToken).ConfigureAwait(false);
        var response = await pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Jobs.GetResult") { Accept = XmlAccept }, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess && response.Body.AsSpan().Trim().SequenceEqual("null"))
        {
            // MAAP sends JSON null when the job has metrics but no product list yet.
            return new JobResult(jobId, [], traceback: null);
        }

        return ReadXml(response, WpsReader.ReadResult, "a wps:Result");
    }

    public override async Task<JobMetrics> GetMetricsAsync(string jobId, CancellationToken cancellationToken)
    {
        var url = await JobUrlAsync(jobId, "/metrics", cancellationToken).ConfigureAwait(false);
        var response = await pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Jobs.GetMetrics") { Accept = XmlAccept }, cancellationToken).ConfigureAwait(false);
        return ReadXml(response, WpsReader.ReadMetrics, "a metrics document");
    }

    public override async Task CancelAsync(string jobId, bool waitForCompletion, CancellationToken cancellationToken)
    {
        if (waitForCompletion)
        {
            throw new NotSupportedException("The WPS job API cannot wait for a cancel to finish; cancel without waiting, or use the OGC job protocol.");
        }

        var escaped = JobIds.Escape(jobId);
        var dpsJob = await DpsJobAsync(cancellationToken).ConfigureAwait(false);
        var url = new Uri($"{dpsJob}/cancel/{escaped}");
        var response = await pipeline.SendAsync(new MaapRequest(HttpMethod.Post, url, "Jobs.Cancel") { Accept = XmlAccept }, cancellationToken).ConfigureAwait(false);
        // 202 + StatusInfo "Accepted" means the cancel request was accepted, whatever state the job was in.
        ReadXml(response, WpsReader.ReadStatusInfo, "a wps:StatusInfo acknowledging the cancel");
    }

    public override async Task<MaapPage<JobListItem>> ListPageAsync(JobListQuery query, int offset, CancellationToken cancellationToken)
    {
        var dpsJob = await DpsJobAsync(cancellationToken).ConfigureAwait(false);
        var url = new Uri($"{dpsJob}/list{WpsListQuery.Write(query, offset)}");
        var response = await pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Jobs.List"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        List<JobListItem> items;
        try
        {
            items = WpsJobListParser.Parse(response.Body);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            throw response.ToProtocolError($"The job list could not be read: {ex.Message}", ex);
        }

        return new MaapPage<JobListItem>(items, offset, isLast: items.Count < query.PageSize);
    }

    public override void ValidateListQuery(JobListQuery query)
    {
        JobListQuery.Refuse(query.ProcessId is not null ? nameof(JobListQuery.ProcessId)
            : query.ActiveFrom is not null ? nameof(JobListQuery.ActiveFrom)
            : query.ActiveTo is not null ? nameof(JobListQuery.ActiveTo)
            : query.MinDuration is not null ? nameof(JobListQuery.MinDuration)
            : query.MaxDuration is not null ? nameof(JobListQuery.MaxDuration)
            : null, "WPS");
    }

    private async Task<string> DpsJobAsync(CancellationToken cancellationToken) =>
        (await endpoints.GetAsync(pipeline, cancellationToken).ConfigureAwait(false)).DpsJob;

    private async Task<Uri> JobUrlAsync(string jobId, string suffix, CancellationToken cancellationToken)
    {
        var escaped = JobIds.Escape(jobId);
        var dpsJob = await DpsJobAsync(cancellationToken).ConfigureAwait(false);
        return new Uri(string.Concat(dpsJob, "/", escaped, suffix));
    }

    private static T ReadXml<T>(MaapResponse response, Func<string, T> read, string expectation)
    {
        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        try
        {
            return read(response.Body);
        }
        catch (FormatException ex)
        {
            // maap-py treats a 200 carrying an exception report as a failure; so do we, with MAAP's own code.
            if (WpsReader.TryReadExceptionReport(response.Body) is not null)
            {
                throw response.ToFailure();
            }

            throw response.ToProtocolError($"Expected {expectation}: {ex.Message}", ex);
        }
    }
}
