using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

public class ResultAndListTests
{
    [Fact]
    public async Task TV5_result_outputs_are_classified_and_the_console_url_follows_from_the_s3_url()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/" + SpecVectors.JobId, _ => Xml(HttpStatusCode.OK, SpecVectors.Tv5Result));
        using var maap = server.CreateClient();

        var result = await maap.Jobs.GetResultAsync(SpecVectors.JobId);

        var output = Assert.Single(result.Outputs);
        Assert.Equal("output-2023-05-10T15:39:51.905070", output.Id);
        Assert.Equal([JobOutputUrlKind.Http, JobOutputUrlKind.S3, JobOutputUrlKind.Console], output.Urls.Select(u => u.Kind));
        Assert.EndsWith("/?region=us-east-1&tab=overview", output.ConsoleUrl!, StringComparison.Ordinal);
        var s3Url = output.S3Url!;
        var s3Path = s3Url[(s3Url.IndexOf(":80/", StringComparison.Ordinal) + 4)..];
        Assert.Equal($"https://s3.console.aws.amazon.com/s3/buckets/{s3Path}/?region=us-east-1&tab=overview", output.ConsoleUrl);
        Assert.False(result.HasFailed);
        Assert.Null(result.StderrUrl);
    }

    [Fact]
    public async Task TV6_a_failed_result_carries_the_traceback_apart_from_the_outputs()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/" + SpecVectors.JobId, _ => Xml(HttpStatusCode.OK, SpecVectors.Tv6FailedResult));
        using var maap = server.CreateClient();

        var result = await maap.Jobs.GetResultAsync(SpecVectors.JobId);

        Assert.Equal("Traceback line", result.Traceback);
        Assert.True(result.HasFailed);
        Assert.DoesNotContain(result.Outputs, o => o.Id == "traceback");
        Assert.Equal("http://a/b", Assert.Single(result.Outputs).HttpUrl);
    }

    [Fact]
    public void The_stderr_url_is_the_stderr_file_in_the_triage_datasets_http_folder()
    {
        var triage = new JobOutput("triaged_job-job-a:main-20240101T000000_task-1", [JobOutputUrl.Classify("s3://bucket/triaged"), JobOutputUrl.Classify("https://data.example/triaged/")]);
        var result = new JobResult("1", [new JobOutput("output-x", [JobOutputUrl.Classify("https://data.example/out")]), triage], "ValueError: bad scene");

        Assert.Equal("https://data.example/triaged/_stderr.txt", result.StderrUrl);
        Assert.Null(new JobResult("1", [], "ValueError: bad scene").StderrUrl);
    }

    [Fact]
    public async Task A_detailed_list_page_is_read_into_typed_details()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/list", _ => Json(HttpStatusCode.OK, SpecVectors.DetailedListPage));
        using var maap = server.CreateClient();

        var jobs = new List<JobListItem>();
        await foreach (var job in maap.Jobs.ListAsync(new JobListQuery { IncludeDetails = true, PageSize = 5 }))
        {
            jobs.Add(job);
        }

        Assert.Equal("true", server.RequestsTo("/api/dps/job/list").Single().Query("get_job_details"));
        var details = jobs[0].Details!;
        Assert.Equal("b308b3cd-8848-4154-b682-aaf3d39734ee", jobs[0].Id);
        Assert.Equal(["test-new"], jobs[0].Tags);
        Assert.Equal("dps_tutorial_mlucas_test", details.AlgorithmId);
        Assert.Equal("main", details.AlgorithmVersion);
        Assert.Equal(JobStatus.Succeeded, details.Status);
        Assert.Equal("maap-dps-worker-8gb", details.Queue);
        Assert.Equal("test-new", details.Tag);
        Assert.Equal(new DateTimeOffset(2024, 6, 26, 17, 25, 40, TimeSpan.Zero), details.TimeStarted);
        Assert.Equal("output-2024-06-26T17:27:01.123456", Assert.Single(details.Products).Id);
        Assert.Equal(30, details.Document!.Value.GetProperty("context").GetProperty("outsize").GetInt32());
        Assert.Null(jobs[1].Details!.Status);
        Assert.Equal("Failed to get job info", jobs[1].Details!.ErrorMessage);
    }

    [Fact]
    public async Task Paging_walks_three_pages_until_a_short_page()
    {
        static string Page(int first, int count) =>
            "{\"status\": 200, \"jobs\": [" + string.Join(",", Enumerable.Range(first, count).Select(i => $"{{\"id\": \"job-{i}\", \"tags\": []}}")) + "]}";
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/list", request => request.Query("offset") switch
        {
            "0" => Json(HttpStatusCode.OK, Page(0, 2)),
            "2" => Json(HttpStatusCode.OK, Page(2, 2)),
            "4" => Json(HttpStatusCode.OK, Page(4, 1)),
            _ => Json(HttpStatusCode.BadRequest, """{"code": 400, "message": "unexpected offset"}"""),
        });
        using var maap = server.CreateClient();
        var query = new JobListQuery { PageSize = 2, Tag = "batch", Status = JobStatus.Running };

        var pages = new List<MaapPage<JobListItem>>();
        await foreach (var page in maap.Jobs.ListAsync(query).AsPages())
        {
            pages.Add(page);
        }

        var all = new List<string>();
        await foreach (var job in maap.Jobs.ListAsync(query))
        {
            all.Add(job.Id);
        }

        Assert.Equal([0, 2, 4], pages.Select(p => p.Offset));
        Assert.Equal([false, false, true], pages.Select(p => p.IsLast));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"job-{i}"), all);
        Assert.All(server.RequestsTo("/api/dps/job/list"), r =>
        {
            Assert.Equal("batch", r.Query("tag"));
            Assert.Equal("Running", r.Query("status"));
            Assert.Equal("2", r.Query("page_size"));
        });
    }

    [Fact]
    public async Task Time_filters_are_sent_as_utc_ES_dates()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/list", _ => Json(HttpStatusCode.OK, """{"status": 200, "jobs": []}"""));
        using var maap = server.CreateClient();

        await foreach (var _ in maap.Jobs.ListAsync(new JobListQuery
        {
            StartTime = new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.FromHours(2)),
            EndTime = new DateTimeOffset(2024, 1, 2, 0, 0, 0, 500, TimeSpan.Zero),
            Queue = "maap-dps-sandbox",
            Priority = 5,
        }))
        {
        }

        var request = server.RequestsTo("/api/dps/job/list").Single();
        Assert.Equal("2024-01-01T00:00:00.000Z", request.Query("start_time"));
        Assert.Equal("2024-01-02T00:00:00.500Z", request.Query("end_time"));
        Assert.Equal("maap-dps-sandbox", request.Query("queue"));
        Assert.Equal("5", request.Query("priority"));
    }

    [Theory]
    [InlineData("algo", null, 10, null)]
    [InlineData(null, null, 0, null)]
    [InlineData(null, null, 251, null)]
    [InlineData(null, null, 10, 10)]
    public void Invalid_list_filters_throw_before_any_request(string? algorithm, string? version, int pageSize, int? priority)
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient();

        Assert.Throws<ArgumentException>(() => maap.Jobs.ListAsync(new JobListQuery { AlgorithmId = algorithm, Version = version, PageSize = pageSize, Priority = priority }));
        Assert.Empty(server.Requests);
    }
}
