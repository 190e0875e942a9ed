using System.Net;
using Maap.Algorithms.Protocol;
using Maap.Algorithms.Protocol.Json;
using Maap.Algorithms.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;
using V = Maap.Algorithms.Tests.Protocol.Ogc.OgcSpecVectors;

namespace Maap.Algorithms.Tests.Client;

/// <summary>OGC endpoint discovery, href resolution, and faults only a stub can produce.</summary>
public class OgcDiscoveryAndFaultTests
{
    [Fact]
    public async Task The_OGC_endpoints_come_from_the_configuration_keys_when_the_server_names_them()
    {
        var config = ConfigJson.Replace("\"member\": \"members/self\"", "\"member\": \"members/self\", \"processes_ogc\": \"ogc2/processes\", \"jobs_ogc\": \"ogc2/jobs\"", StringComparison.Ordinal);
        var server = new FakeMaapServer()
            .Map("GET", "/api/environment/config", _ => Json(HttpStatusCode.OK, config))
            .Map("POST", "/api/ogc2/processes/12/execution", _ => Json(HttpStatusCode.Accepted, V.ExecutionAccepted))
            .Map("GET", "/api/ogc2/jobs/" + V.JobId, _ => Json(HttpStatusCode.OK, V.DetailedStatus));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Ogc);

        var job = await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "v", "q") { ProcessId = "12" });

        Assert.Equal(JobStatus.Succeeded, await job.UpdateStatusAsync());
    }

    [Fact]
    public void Server_hrefs_are_joined_to_the_api_root_not_resolved_against_the_request_url()
    {
        var endpoints = ResolvedEndpoints.From(new Uri("https://api.maap-project.org/api/environment/config"), new ClientConfigDocument());

        Assert.Equal("https://api.maap-project.org/api/ogc/processes/12", endpoints.ResolveHref("/ogc/processes/12").ToString());
        Assert.Equal("https://api.maap-project.org/api/ogc/jobs/x", endpoints.ResolveHref("ogc/jobs/x").ToString());
        Assert.Equal("https://repo.example/p/1", endpoints.ResolveHref("https://repo.example/p/1").ToString());
        Assert.Equal("https://api.maap-project.org/api/ogc/processes", endpoints.ProcessesOgc);
        Assert.Equal("https://api.maap-project.org/api/ogc/deploymentJobs", endpoints.DeploymentJobsOgc);
        Assert.Equal("https://api.maap-project.org/api/ogc/jobs", endpoints.JobsOgc);
    }

    [Fact]
    public async Task Auto_sends_a_request_naming_a_process_id_over_OGC_without_a_lookup()
    {
        var server = new FakeMaapServer().Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.Accepted, V.ExecutionAccepted));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Auto);

        await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "v", "q") { ProcessId = "12" });

        Assert.DoesNotContain(server.Requests, r => r.Path == "/api/ogc/processes");
    }

    [Fact]
    public async Task Auto_surfaces_a_failed_lookup_instead_of_guessing_and_asks_again_next_time()
    {
        var server = new FakeMaapServer()
            .MapSequence("GET", "/api/ogc/processes", () => Json(HttpStatusCode.InternalServerError, """{"message": "An internal server error occurred. Please try again later.", "code": 500}"""), () => Json(HttpStatusCode.OK, V.ProcessList))
            .Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.Accepted, V.ExecutionAccepted));
        using var maap = server.CreateClient(o => { o.JobProtocol = MaapJobProtocol.Auto; o.MaxRetries = 0; });

        var failure = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q")));
        await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q"));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.Status);
        Assert.Equal(2, server.RequestsTo("/api/ogc/processes").Count());
        Assert.DoesNotContain(server.Requests, r => r.Path == "/api/dps/job");
    }

    [Fact]
    public async Task A_status_body_nested_deeper_than_any_MAAP_body_is_a_protocol_error()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\": ", 200)) + "1" + new string('}', 200);
        var server = new FakeMaapServer().Map("GET", "/api/ogc/jobs/" + V.JobId, _ => Json(HttpStatusCode.OK, deep));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Ogc);

        await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Jobs.GetStatusAsync(V.JobId));
    }

    [Fact]
    public async Task A_results_body_that_is_not_an_object_is_a_protocol_error()
    {
        var server = new FakeMaapServer().Map("GET", $"/api/ogc/jobs/{V.JobId}/results", _ => Json(HttpStatusCode.OK, "\"done\""));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Ogc);

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Jobs.GetResultAsync(V.JobId));

        Assert.Contains("results", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_a_cancel_over_WPS_is_refused_before_any_request()
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Wps);

        await Assert.ThrowsAsync<NotSupportedException>(() => maap.Jobs.Get(V.JobId).CancelAndWaitAsync());

        Assert.DoesNotContain(server.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task Auto_logs_which_protocol_a_submission_took_and_why()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var server = new FakeMaapServer()
            .Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, V.ProcessList))
            .Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.Accepted, V.ExecutionAccepted));
        using var maap = server.CreateClient(o => { o.JobProtocol = MaapJobProtocol.Auto; o.LoggerFactory = factory; });

        await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q"));

        Assert.Contains(logs.Entries, e => e.Contains("sardem-sarsen:mlucas_nasa_ogc runs over OGC (deployed process 12)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deployment_id_that_is_not_a_number_fails_before_any_request()
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => maap.Processes.GetDeploymentAsync("57/../1"));

        Assert.StartsWith("Deployment id '57/../1' is not valid", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
