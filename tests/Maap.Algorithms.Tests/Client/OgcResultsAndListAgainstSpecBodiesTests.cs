using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;
using V = Maap.Algorithms.Tests.Protocol.Ogc.OgcSpecVectors;

namespace Maap.Algorithms.Tests.Client;

/// <summary>OGC results, metrics and the job list against the spec's sample bodies (stub server; see <see cref="OgcJobsAgainstSpecBodiesTests"/>).</summary>
public class OgcResultsAndListAgainstSpecBodiesTests
{
    private const string JobPath = "/api/ogc/jobs/" + V.JobId;

    private static MaapClient Ogc(FakeMaapServer server) => server.CreateClient(o => { o.JobProtocol = MaapJobProtocol.Ogc; o.MaxRetries = 0; });

    [Fact]
    public async Task Result_products_take_their_urls_from_the_links_and_the_last_link_is_the_console_url()
    {
        var server = new FakeMaapServer().Map("GET", JobPath + "/results", _ => Json(HttpStatusCode.OK, V.Results));
        using var maap = Ogc(server);

        var result = await maap.Jobs.GetResultAsync(V.JobId);

        var output = Assert.Single(result.Outputs);
        Assert.Equal("output-2026-03-02T18:40:55.873210", output.Id);
        Assert.Equal([JobOutputUrlKind.Http, JobOutputUrlKind.S3, JobOutputUrlKind.Console], output.Urls.Select(u => u.Kind));
        Assert.Equal("s3://s3-us-west-2.amazonaws.com:80/maap-ops-workspace/mlucas/dps_output/sardem-sarsen/mlucas_nasa_ogc/2026/03/02/18/40/55/873210", output.S3Url);
        Assert.False(result.HasFailed);
    }

    [Fact]
    public async Task Result_console_link_without_an_s3_url_is_the_bare_prefix_and_still_the_console_url()
    {
        const string body = """{"additionalProp1": {"links": [{"href": "http://a/b"}, {"href": "https://s3.console.aws.amazon.com/s3/buckets/"}], "id": "output-1"}}""";
        var server = new FakeMaapServer().Map("GET", JobPath + "/results", _ => Json(HttpStatusCode.OK, body.Replace("https://s3.console.aws.amazon.com/s3/buckets/", "prefix-only", StringComparison.Ordinal)));
        using var maap = Ogc(server);

        var output = Assert.Single((await maap.Jobs.GetResultAsync(V.JobId)).Outputs);

        Assert.Equal("prefix-only", output.ConsoleUrl);
        Assert.Equal("http://a/b", output.HttpUrl);
    }

    [Fact]
    public async Task Result_of_a_failed_job_carries_the_traceback_from_detail_and_keeps_the_triage_product()
    {
        var body = V.Results.Replace("{\"additionalProp1\"", "{\"detail\": \"Job failed and traceback is ValueError: bad scene\", \"additionalProp1\"", StringComparison.Ordinal)
            .Replace("output-2026", "triaged_job-2026", StringComparison.Ordinal);
        var server = new FakeMaapServer().Map("GET", JobPath + "/results", _ => Json(HttpStatusCode.OK, body));
        using var maap = Ogc(server);

        var result = await maap.Jobs.GetResultAsync(V.JobId);

        Assert.Equal("ValueError: bad scene", result.Traceback);
        Assert.True(result.HasFailed);
        Assert.StartsWith("triaged_job-", Assert.Single(result.Outputs).Id, StringComparison.Ordinal);
        Assert.EndsWith("/_stderr.txt", result.StderrUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}\n")]
    [InlineData("null\n")]
    public async Task Result_of_a_running_job_is_empty(string body)
    {
        var server = new FakeMaapServer().Map("GET", JobPath + "/results", _ => Json(HttpStatusCode.OK, body));
        using var maap = Ogc(server);

        var result = await maap.Jobs.GetResultAsync(V.JobId);

        Assert.Empty(result.Outputs);
        Assert.Null(result.Traceback);
    }

    [Fact]
    public async Task Result_of_a_queued_job_is_the_500_as_a_request_failure()
    {
        var server = new FakeMaapServer().Map("GET", JobPath + "/results", _ => Json(HttpStatusCode.InternalServerError, V.ResultsQueued));
        using var maap = Ogc(server);

        var failure = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetResultAsync(V.JobId));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.Status);
        Assert.Contains("'NoneType' object has no attribute 'get'", failure.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_read_from_native_typed_values()
    {
        var server = new FakeMaapServer().Map("GET", JobPath + "/metrics", _ => Json(HttpStatusCode.OK, V.Metrics));
        using var maap = Ogc(server);

        var metrics = await maap.Jobs.GetMetricsAsync(V.JobId);

        Assert.True(metrics.IsMeasured);
        Assert.Equal("c5.large", metrics.MachineType);
        Assert.Equal(2048, metrics.DirectorySize);
        Assert.Equal(TimeSpan.FromHours(1), metrics.JobDuration);
        Assert.Equal(4096, metrics.MaxMemoryUsage);
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 12, 0, 0, TimeSpan.Zero), metrics.JobStartTime);
        Assert.Equal("16 GB", metrics.RawValues["machine_memory_size"]);
    }

    [Fact]
    public async Task Metrics_200_null_are_not_measured_yet()
    {
        var server = new FakeMaapServer().Map("GET", JobPath + "/metrics", _ => Json(HttpStatusCode.OK, "null\n"));
        using var maap = Ogc(server);

        var metrics = await maap.Jobs.GetMetricsAsync(V.JobId);

        Assert.False(metrics.IsMeasured);
        Assert.Null(metrics.JobDuration);
    }

    [Fact]
    public async Task List_sends_the_OGC_query_in_order_and_ignores_the_top_level_status()
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/jobs", _ => Json(HttpStatusCode.OK, V.CompactJobList));
        using var maap = Ogc(server);

        var jobs = await ToListAsync(maap.Jobs.ListAsync(new JobListQuery
        {
            ProcessId = "12", PageSize = 5, Queue = "maap-dps-worker-8gb", Status = JobStatus.Succeeded, Tag = "a b&c",
        }));

        Assert.Equal("job-12345", Assert.Single(jobs).Id);
        Assert.Null(jobs[0].Details);
        Assert.Equal("?processID=12&limit=5&offset=0&queue=maap-dps-worker-8gb&status=successful&tag=a%20b%26c", Assert.Single(server.Requests, r => r.Path == "/api/ogc/jobs").Url.Query);
    }

    [Fact]
    public async Task List_with_details_reads_the_job_type_from_job_type_of_the_Mozart_document_not_the_buggy_job_type()
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/jobs", _ => Json(HttpStatusCode.OK, V.DetailedJobList(("j-1", "failed"))));
        using var maap = Ogc(server);

        var item = Assert.Single(await ToListAsync(maap.Jobs.ListAsync(new JobListQuery { IncludeDetails = true })));

        Assert.Equal("?limit=100&getJobDetails=true&offset=0", server.Requests.Single(r => r.Path == "/api/ogc/jobs").Url.Query);
        var details = item.Details!;
        Assert.Equal(JobStatus.Failed, details.Status);
        Assert.Equal("sardem-sarsen_42", details.AlgorithmId);
        Assert.Equal("mlucas_nasa_ogc", details.AlgorithmVersion);
        Assert.Equal("maap-dps-worker-8gb", details.Queue);
        Assert.Equal("run-1", details.Tag);
        Assert.Equal(["run-1"], item.Tags);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 40, 55, TimeSpan.Zero).AddTicks(8732100), details.TimeEnded);
        Assert.Equal("http://a/b", Assert.Single(details.Products).HttpUrl);
    }

    [Fact]
    public async Task List_stops_at_a_short_page_without_post_paging_filters()
    {
        var server = new FakeMaapServer().MapSequence("GET", "/api/ogc/jobs", () => Json(HttpStatusCode.OK, V.CompactJobs(2)), () => Json(HttpStatusCode.OK, V.CompactJobs(1, 2)));
        using var maap = Ogc(server);

        var jobs = await ToListAsync(maap.Jobs.ListAsync(new JobListQuery { PageSize = 2 }));

        Assert.Equal(3, jobs.Count);
        Assert.Equal(["0", "2"], server.RequestsTo("/api/ogc/jobs").Select(r => r.Query("offset")));
    }

    [Fact]
    public async Task List_with_a_post_paging_filter_goes_past_a_short_page_by_the_page_size_until_an_empty_page()
    {
        var server = new FakeMaapServer().MapSequence("GET", "/api/ogc/jobs",
            () => Json(HttpStatusCode.OK, V.CompactJobs(1)),
            () => Json(HttpStatusCode.OK, V.CompactJobs(2, 10)),
            () => Json(HttpStatusCode.OK, V.CompactJobs(0)));
        using var maap = Ogc(server);

        var jobs = await ToListAsync(maap.Jobs.ListAsync(new JobListQuery
        {
            PageSize = 10,
            MinDuration = TimeSpan.FromSeconds(1.5),
            MaxDuration = TimeSpan.FromMinutes(2),
            ActiveFrom = new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero),
        }));

        Assert.Equal(3, jobs.Count);
        var requests = server.RequestsTo("/api/ogc/jobs").ToList();
        Assert.Equal(["0", "10", "20"], requests.Select(r => r.Query("offset")));
        Assert.Equal("?limit=10&offset=0&minDuration=1.5&maxDuration=120&datetime=2026-03-02T18%3A00%3A00.000000Z%2F..", requests[0].Url.Query);
    }

    [Fact]
    public async Task List_datetime_is_an_instant_when_from_and_to_are_equal_and_an_open_start_interval_otherwise()
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/jobs", _ => Json(HttpStatusCode.OK, V.CompactJobs(0)));
        using var maap = Ogc(server);
        var t = new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.FromHours(2));

        await ToListAsync(maap.Jobs.ListAsync(new JobListQuery { ActiveFrom = t, ActiveTo = t }));
        await ToListAsync(maap.Jobs.ListAsync(new JobListQuery { ActiveTo = t }));

        Assert.Equal(["2026-03-02T18:00:00.000000Z", "../2026-03-02T18:00:00.000000Z"], server.RequestsTo("/api/ogc/jobs").Select(r => r.Query("datetime")));
    }

    [Fact]
    public void List_refuses_before_any_request_a_filter_the_chosen_protocol_cannot_honour()
    {
        var server = new FakeMaapServer();
        using var ogc = Ogc(server);
        using var wps = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Wps);
        using var auto = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Auto);

        Assert.Equal("AlgorithmId", Assert.Throws<ArgumentException>(() => ogc.Jobs.ListAsync(new JobListQuery { AlgorithmId = "a1", Version = "v" })).ParamName);
        Assert.Throws<ArgumentException>(() => ogc.Jobs.ListAsync(new JobListQuery { Status = JobStatus.Deleted }));
        Assert.Equal("ProcessId", Assert.Throws<ArgumentException>(() => wps.Jobs.ListAsync(new JobListQuery { ProcessId = "12" })).ParamName);
        Assert.Equal("MinDuration", Assert.Throws<ArgumentException>(() => wps.Jobs.ListAsync(new JobListQuery { MinDuration = TimeSpan.FromSeconds(1) })).ParamName);
        Assert.Throws<ArgumentException>(() => auto.Jobs.ListAsync(new JobListQuery { ProcessId = "12", AlgorithmId = "a1", Version = "v" }));
        Assert.Throws<ArgumentException>(() => ogc.Jobs.ListAsync(new JobListQuery { ProcessId = "sardem-sarsen" }));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_body_without_a_jobs_array_is_a_protocol_error()
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/jobs", _ => Json(HttpStatusCode.OK, """{"status": 200, "links": []}"""));
        using var maap = Ogc(server);

        await Assert.ThrowsAsync<MaapProtocolException>(() => ToListAsync(maap.Jobs.ListAsync()));
    }

    private static async Task<List<JobListItem>> ToListAsync(IAsyncEnumerable<JobListItem> items)
    {
        var list = new List<JobListItem>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
