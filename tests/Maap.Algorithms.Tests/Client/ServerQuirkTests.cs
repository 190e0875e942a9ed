using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

/// <summary>One test per server quirk of spec §15, through the public client.</summary>
public class ServerQuirkTests
{
    private const string StatusPath = "/api/dps/job/" + SpecVectors.JobId + "/status";
    private const string ResultPath = "/api/dps/job/" + SpecVectors.JobId;

    [Fact]
    public async Task Quirk01_unknown_id_is_a_200_Deleted_not_an_error()
    {
        var server = new FakeMaapServer().Map("GET", StatusPath, _ => Xml(HttpStatusCode.OK, SpecVectors.Tv4StatusDeleted));
        using var maap = server.CreateClient();

        var status = await maap.Jobs.GetStatusAsync(SpecVectors.JobId);

        Assert.Equal(JobStatus.Deleted, status);
        Assert.True(status.IsFinal);
    }

    [Fact]
    public async Task Quirk02_submit_answers_StatusInfo_and_errors_are_xml_labelled_text_html()
    {
        var server = new FakeMaapServer().Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv2SubmitSuccess));
        using var maap = server.CreateClient();

        var job = await maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", "maap-dps-worker-8gb"));

        Assert.Equal(SpecVectors.JobId, job.Id);
        Assert.Equal(JobStatus.Accepted, job.Status);

        server.Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.InternalServerError, SpecVectors.Tv7MissingParameter, "text/html"));
        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.SubmitAsync(new JobRequest("foo", "main", "q")));
        Assert.Equal("FailedJobSubmit", error.ErrorCode);
        Assert.Equal("Execute", error.Locator);
    }

    [Fact]
    public async Task Quirk03_missing_parameter_is_500_and_forbidden_queue_is_400()
    {
        var server = new FakeMaapServer().Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.InternalServerError, SpecVectors.Tv7MissingParameter, "text/html"));
        using var maap = server.CreateClient();

        var missing = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.SubmitAsync(new JobRequest("foo", "main", "maap-dps-sandbox")));
        Assert.Equal(HttpStatusCode.InternalServerError, missing.Status);
        Assert.Contains("Parameter input_file missing from inputs", missing.ServerMessage, StringComparison.Ordinal);
        Assert.Single(server.RequestsTo("/api/dps/job")); // a failed submit is never retried

        server.Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.BadRequest, SpecVectors.Tv7bForbiddenQueue, "text/html"));
        var forbidden = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.SubmitAsync(new JobRequest("foo", "main", "maap-dps-worker-32gb")));
        Assert.Equal(HttpStatusCode.BadRequest, forbidden.Status);
        Assert.Equal("User does not have access to maap-dps-worker-32gb. Valid queues: ['maap-dps-sandbox', 'maap-dps-worker-8gb']", forbidden.ServerMessage);
    }

    [Fact]
    public async Task Quirk04_result_before_products_is_500_or_empty_or_json_null()
    {
        var queuedError = """<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/2.0"><ows:Exception exceptionCode="FailedGetResult" locator="GetResult"><ows:ExceptionText>Failed to get job result of job with id: x. 'NoneType' object has no attribute 'get'. If you don't see expected results, please contact administrator of DPS</ows:ExceptionText></ows:Exception></ows:ExceptionReport>""";
        var running = """<wps:Result xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</wps:JobID></wps:Result>""";
        var server = new FakeMaapServer().MapSequence("GET", ResultPath,
            () => Xml(HttpStatusCode.InternalServerError, queuedError),
            () => Xml(HttpStatusCode.OK, running),
            () => Json(HttpStatusCode.OK, "null"));
        using var maap = server.CreateClient();
        var job = maap.Jobs.Get(SpecVectors.JobId);

        var queued = await Assert.ThrowsAsync<MaapRequestFailedException>(() => job.GetResultAsync());
        Assert.Equal("FailedGetResult", queued.ErrorCode);
        Assert.Empty((await job.GetResultAsync()).Outputs);
        var nullResult = await job.GetResultAsync();
        Assert.Empty(nullResult.Outputs);
        Assert.Null(nullResult.Traceback);
    }

    [Fact]
    public async Task Quirk05_metrics_element_text_gives_null_numbers_with_the_raw_text_kept()
    {
        var server = new FakeMaapServer().Map("GET", ResultPath + "/metrics", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv9MetricsCurrentServer));
        using var maap = server.CreateClient();

        var metrics = await maap.Jobs.GetMetricsAsync(SpecVectors.JobId);

        Assert.Null(metrics.MemoryUsage);
        Assert.Null(metrics.MaxMemoryUsage);
        Assert.Null(metrics.TotalIoBytes);
        Assert.Equal("<Element 'mem_usage' at 0x7f7282fbf1a0>", metrics.RawValues["mem_usage"]);
        Assert.Equal(472452560263, metrics.CpuUsage);
        Assert.Equal(9911152640, metrics.CacheUsage);
        Assert.Equal(TimeSpan.FromSeconds(259.060852), metrics.JobDuration);
    }

    [Fact]
    public async Task Quirk06_cancel_answers_202_Accepted_for_queued_and_running_jobs_and_400_when_final()
    {
        var server = new FakeMaapServer()
            .Map("POST", "/api/dps/job/cancel/fac2904d-b45d-4cf3-971f-45586a6bc78a", _ => Xml(HttpStatusCode.Accepted, SpecVectors.Tv8CancelAccepted))
            .Map("POST", "/api/dps/job/cancel/" + SpecVectors.JobId, _ => Xml(HttpStatusCode.BadRequest, SpecVectors.Tv8CancelTerminal, "text/html"));
        using var maap = server.CreateClient();

        await maap.Jobs.Get("fac2904d-b45d-4cf3-971f-45586a6bc78a").CancelAsync();
        var final = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.CancelAsync(SpecVectors.JobId));

        Assert.Equal("FailedJobCancel", final.ErrorCode);
        Assert.Equal("Dismiss", final.Locator);
        Assert.Equal("Not allowed to cancel job with status job-completed", final.ServerMessage);
        Assert.All(server.RequestsTo("/api/dps/job/cancel/" + SpecVectors.JobId), r => Assert.Null(r.Query("wait_for_completion")));
    }

    [Theory]
    [InlineData(SpecVectors.Tv10OldEnvelope)]
    [InlineData(SpecVectors.Tv10CurrentEnvelope)]
    public async Task Quirk07_both_list_envelopes_parse(string body)
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/list", _ => Json(HttpStatusCode.OK, body));
        using var maap = server.CreateClient();

        var jobs = new List<JobListItem>();
        await foreach (var job in maap.Jobs.ListAsync(new JobListQuery { PageSize = 10 }))
        {
            jobs.Add(job);
        }

        Assert.Equal(5, jobs.Count);
        Assert.Equal("e6b6b27d-d409-4f6b-8aa2-505c2dc150fd", jobs[0].Id);
        Assert.Equal(["test", "test"], jobs[4].Tags); // duplicates kept, as MAAP sends them
        Assert.All(jobs, j => Assert.Null(j.Details));
    }

    [Fact]
    public async Task Quirk08_the_job_type_filter_carries_the_job_prefix()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/list", _ => Json(HttpStatusCode.OK, """{"status":200,"jobs":[]}"""));
        using var maap = server.CreateClient();

        await foreach (var _ in maap.Jobs.ListAsync(new JobListQuery { AlgorithmId = "dps_tutorial_mlucas", Version = "main", PageSize = 10 }))
        {
        }

        var request = Assert.Single(server.RequestsTo("/api/dps/job/list"));
        Assert.Equal("job-dps_tutorial_mlucas:main", request.Query("job_type"));
        Assert.Equal("false", request.Query("get_job_details"));
        Assert.Equal("0", request.Query("offset"));
        Assert.Equal("10", request.Query("page_size"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Quirk09_a_submission_without_a_queue_fails_before_any_request(string queue)
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", queue)));

        Assert.Contains("queue", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Quirk10_no_token_header_is_sent_and_a_personal_access_token_goes_as_Bearer()
    {
        var server = new FakeMaapServer().Map("GET", "/api/members/self/secrets", _ => Json(HttpStatusCode.OK, "[]"));
        using var withTicket = server.CreateClient();
        using var withToken = server.CreateClient(o => { o.ProxyTicket = null; o.PersonalAccessToken = "pat-123"; });

        await withTicket.Secrets.ListAsync();
        await withToken.Secrets.ListAsync();

        var requests = server.RequestsTo("/api/members/self/secrets").ToList();
        Assert.Equal("PGT-test-ticket", requests[0].Header("proxy-ticket"));
        Assert.Null(requests[0].Header("Authorization"));
        Assert.Equal("Bearer pat-123", requests[1].Header("Authorization"));
        Assert.Null(requests[1].Header("proxy-ticket"));
        Assert.All(server.Requests, r => Assert.Null(r.Header("token")));
    }

    [Theory]
    [InlineData(SpecVectors.Tv3StatusAlphabetical)]
    [InlineData("""<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</wps:JobID><wps:Status>Succeeded</wps:Status></wps:StatusInfo>""")]
    [InlineData("""<w:StatusInfo xmlns:w="http://www.opengis.net/wps/2.0"><w:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</w:JobID><w:Status>Succeeded</w:Status></w:StatusInfo>""")]
    public async Task Quirk11_namespace_declaration_order_and_prefixes_do_not_matter(string body)
    {
        var server = new FakeMaapServer().Map("GET", StatusPath, _ => Xml(HttpStatusCode.OK, body));
        using var maap = server.CreateClient();

        Assert.Equal(JobStatus.Succeeded, await maap.Jobs.GetStatusAsync(SpecVectors.JobId));
    }
}
