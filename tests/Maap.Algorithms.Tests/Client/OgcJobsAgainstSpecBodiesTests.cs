using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;
using V = Maap.Algorithms.Tests.Protocol.Ogc.OgcSpecVectors;

namespace Maap.Algorithms.Tests.Client;

/// <summary>
/// The OGC job protocol against the exact sample bodies of maap-ogc-spec.md §3, served by a stub: the emulator's
/// /api/ogc routes do not exist yet. Each test name is the behaviour, so an emulator test of the same name can join it.
/// </summary>
public class OgcJobsAgainstSpecBodiesTests
{
    private const string Jobs = "/api/ogc/jobs";
    private const string JobPath = Jobs + "/" + V.JobId;

    private static MaapClient Ogc(FakeMaapServer server) => server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Ogc);

    [Fact]
    public async Task Submit_posts_inputs_queue_dedup_and_tag_to_the_process_execution_and_reads_the_jobID_of_the_202()
    {
        var server = new FakeMaapServer().Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.Accepted, V.ExecutionAccepted));
        using var maap = Ogc(server);
        var request = new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "maap-dps-worker-8gb") { ProcessId = "12", Dedup = false, Tag = "my-run" }
            .WithInput("bbox", "-118.06817 34.22169 -118.05801 34.22822")
            .WithInput("count", "10")
            .WithJsonInput("levels", "[1, 2]");

        var job = await maap.Jobs.SubmitAsync(request);

        Assert.Equal(V.JobId, job.Id);
        Assert.Equal(JobStatus.Accepted, job.Status);
        var sent = Assert.Single(server.RequestsTo("/api/ogc/processes/12/execution"));
        Assert.Equal("""{"inputs":{"bbox":"-118.06817 34.22169 -118.05801 34.22822","count":"10","levels":[1, 2]},"queue":"maap-dps-worker-8gb","dedup":false,"tag":"my-run"}""", sent.Body);
        Assert.StartsWith("application/json", sent.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo("/api/ogc/processes"));
    }

    [Fact]
    public async Task Submit_always_sends_the_queue_and_leaves_out_dedup_and_tag_when_unset()
    {
        var server = new FakeMaapServer().Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.Accepted, V.ExecutionAccepted));
        using var maap = Ogc(server);

        await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q") { ProcessId = "12" });

        Assert.Equal("""{"inputs":{},"queue":"q"}""", Assert.Single(server.RequestsTo("/api/ogc/processes/12/execution")).Body);
    }

    [Fact]
    public async Task Submit_without_a_process_id_resolves_it_through_the_process_list_once_per_client()
    {
        var server = new FakeMaapServer()
            .Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, V.ProcessList))
            .Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.Accepted, V.ExecutionAccepted));
        using var maap = Ogc(server);

        await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q") { Deployer = "mlucas" });
        await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q") { Deployer = "mlucas" });

        var lookup = Assert.Single(server.RequestsTo("/api/ogc/processes"));
        Assert.Equal("?algorithmName=sardem-sarsen&algorithmVersion=mlucas_nasa_ogc&deployer=mlucas", lookup.Url.Query);
        Assert.Null(lookup.Header("proxy-ticket"));
        Assert.Equal(2, server.RequestsTo("/api/ogc/processes/12/execution").Count());
    }

    [Fact]
    public async Task Submit_of_an_algorithm_no_one_deployed_fails_with_404_no_such_process_before_any_execution()
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, V.EmptyProcessList));
        using var maap = Ogc(server);

        var failure = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.SubmitAsync(new JobRequest("nope", "1", "q")));

        Assert.Equal(HttpStatusCode.NotFound, failure.Status);
        Assert.Equal("no-such-process", failure.ErrorCode);
        Assert.DoesNotContain(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Submit_refused_with_400_FailedJobSubmit_is_a_request_failure_with_status_and_excerpt()
    {
        const string body = """{"type": null, "title": "FailedJobSubmit: Parameter stac_catalog_folder missing from inputs. No default set in algorithm spec. Please specify and resubmit.", "status": 400, "detail": "FailedJobSubmit: Parameter stac_catalog_folder missing from inputs. No default set in algorithm spec. Please specify and resubmit.", "instance": ""}""";
        var server = new FakeMaapServer().Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.BadRequest, body));
        using var maap = Ogc(server);

        var failure = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "v", "q") { ProcessId = "12" }));

        Assert.Equal(HttpStatusCode.BadRequest, failure.Status);
        Assert.StartsWith("FailedJobSubmit: Parameter stac_catalog_folder", failure.ServerMessage, StringComparison.Ordinal);
        Assert.Contains("FailedJobSubmit", failure.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_answered_with_a_body_without_jobID_is_a_protocol_error()
    {
        var server = new FakeMaapServer().Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.Accepted, """{"status": "accepted"}"""));
        using var maap = Ogc(server);

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Jobs.SubmitAsync(new JobRequest("a1", "v", "q") { ProcessId = "12" }));

        Assert.Equal(HttpStatusCode.Accepted, error.Status);
    }

    [Theory]
    [InlineData("accepted", JobStatusKind.Accepted)]
    [InlineData("running", JobStatusKind.Running)]
    [InlineData("successful", JobStatusKind.Succeeded)]
    [InlineData("failed", JobStatusKind.Failed)]
    [InlineData("dismissed", JobStatusKind.Dismissed)]
    [InlineData("deduped", JobStatusKind.Deduped)]
    [InlineData("offline", JobStatusKind.Offline)]
    [InlineData("deleted", JobStatusKind.Deleted)]
    public async Task Status_maps_every_OGC_word(string word, JobStatusKind kind)
    {
        var server = new FakeMaapServer().Map("GET", JobPath, _ => Json(HttpStatusCode.OK, V.Status.Replace("\"running\"", $"\"{word}\"", StringComparison.Ordinal)));
        using var maap = Ogc(server);

        var status = await maap.Jobs.GetStatusAsync(V.JobId);

        Assert.Equal(kind, status.Kind);
    }

    [Fact]
    public async Task Status_null_is_an_unknown_status_that_is_not_final()
    {
        var server = new FakeMaapServer().Map("GET", JobPath, _ => Json(HttpStatusCode.OK, """{"jobID": "job-12345", "processID": "Error getting process ID", "type": null, "status": null}"""));
        using var maap = Ogc(server);

        var status = await maap.Jobs.GetStatusAsync(V.JobId);

        Assert.Equal(JobStatusKind.Unknown, status.Kind);
        Assert.False(status.IsFinal);
    }

    [Fact]
    public async Task Status_reads_the_detailed_statusInfo_too()
    {
        var server = new FakeMaapServer().Map("GET", JobPath, _ => Json(HttpStatusCode.OK, V.DetailedStatus));
        using var maap = Ogc(server);

        Assert.Equal(JobStatus.Succeeded, await maap.Jobs.GetStatusAsync(V.JobId));
    }

    [Fact]
    public async Task Status_404_no_such_job_is_Deleted_but_Dismissed_after_this_client_cancelled_the_queued_job()
    {
        var server = new FakeMaapServer()
            .Map("GET", JobPath, _ => Json(HttpStatusCode.NotFound, V.NoSuchJob))
            .Map("DELETE", JobPath, _ => Json(HttpStatusCode.Accepted, V.Dismissed));
        using var maap = Ogc(server);
        var job = maap.Jobs.Get(V.JobId);

        Assert.Equal(JobStatus.Deleted, await job.UpdateStatusAsync());
        await job.CancelAsync();

        Assert.Equal(JobStatus.Dismissed, await job.UpdateStatusAsync());
        Assert.True(job.HasCompleted);
        Assert.Equal(string.Empty, Assert.Single(server.Requests, r => r.Method == "DELETE").Url.Query);
    }

    [Fact]
    public async Task Status_404_that_is_not_no_such_job_is_a_request_failure()
    {
        var server = new FakeMaapServer().Map("GET", JobPath, _ => Json(HttpStatusCode.NotFound, """{"message": "not here", "code": 404}"""));
        using var maap = Ogc(server);

        var failure = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetStatusAsync(V.JobId));

        Assert.Equal(HttpStatusCode.NotFound, failure.Status);
    }

    [Fact]
    public async Task Status_500_is_a_request_failure_with_the_detail_as_message()
    {
        const string body = """{"status": 500, "detail": "Failed to get job status of job with id: x. Please check back a little later for job execution status. If still not found, please contact administrator of DPS"}""";
        var server = new FakeMaapServer().Map("GET", JobPath, _ => Json(HttpStatusCode.InternalServerError, body));
        using var maap = server.CreateClient(o => { o.JobProtocol = MaapJobProtocol.Ogc; o.MaxRetries = 0; });

        var failure = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetStatusAsync(V.JobId));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.Status);
        Assert.StartsWith("Failed to get job status", failure.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_body_that_is_not_a_statusInfo_is_a_protocol_error()
    {
        var server = new FakeMaapServer().Map("GET", JobPath, _ => Json(HttpStatusCode.OK, "[1, 2]"));
        using var maap = Ogc(server);

        await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Jobs.GetStatusAsync(V.JobId));
    }

    [Fact]
    public async Task Cancel_and_wait_sends_waitForCompletion_true_and_a_finished_job_gives_400()
    {
        const string finished = """{"type": null, "title": "Not allowed to cancel job with status job-completed", "status": 400, "detail": "Not allowed to cancel job with status job-completed", "instance": ""}""";
        var server = new FakeMaapServer().MapSequence("DELETE", JobPath, () => Json(HttpStatusCode.Accepted, V.Dismissed), () => Json(HttpStatusCode.BadRequest, finished));
        using var maap = Ogc(server);

        await maap.Jobs.Get(V.JobId).CancelAndWaitAsync();
        var failure = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.CancelAsync(V.JobId));

        Assert.Equal("?waitForCompletion=true", server.Requests.First(r => r.Method == "DELETE").Url.Query);
        Assert.Equal(HttpStatusCode.BadRequest, failure.Status);
        Assert.Equal("Not allowed to cancel job with status job-completed", failure.ServerMessage);
    }
}
