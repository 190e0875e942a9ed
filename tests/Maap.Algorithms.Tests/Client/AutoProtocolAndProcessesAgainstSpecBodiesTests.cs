using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;
using V = Maap.Algorithms.Tests.Protocol.Ogc.OgcSpecVectors;

namespace Maap.Algorithms.Tests.Client;

/// <summary><see cref="MaapJobProtocol.Auto"/> and <c>maap.Processes</c> against the spec's sample bodies (stub server).</summary>
public class AutoProtocolAndProcessesAgainstSpecBodiesTests
{
    [Fact]
    public void Auto_is_the_default_job_protocol_and_configuration_accepts_Ogc()
    {
        Assert.Equal(MaapJobProtocol.Auto, new MaapClientOptions().JobProtocol);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Maap:JobProtocol"] = "Ogc" }).Build();
        var services = new ServiceCollection();
        services.AddMaapClient(configuration.GetSection("Maap"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(MaapJobProtocol.Ogc, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MaapClientOptions>>().Value.JobProtocol);
    }

    [Fact]
    public async Task Auto_submits_a_deployed_process_over_OGC_with_one_lookup_and_the_handle_keeps_OGC()
    {
        var server = new FakeMaapServer()
            .Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, V.ProcessList))
            .Map("POST", "/api/ogc/processes/12/execution", _ => Json(HttpStatusCode.Accepted, V.ExecutionAccepted))
            .Map("GET", "/api/ogc/jobs/" + V.JobId, _ => Json(HttpStatusCode.OK, V.DetailedStatus));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Auto);

        var first = await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q"));
        await maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q"));
        var status = await first.UpdateStatusAsync();

        Assert.Equal(JobStatus.Succeeded, status);
        Assert.Single(server.RequestsTo("/api/ogc/processes"));
        Assert.Equal(2, server.RequestsTo("/api/ogc/processes/12/execution").Count());
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith("/api/dps/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auto_submits_a_legacy_algorithm_over_WPS_after_one_lookup_that_found_nothing()
    {
        var server = new FakeMaapServer()
            .Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, V.EmptyProcessList))
            .Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv2SubmitSuccess));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Auto);

        await maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", "q"));
        await maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", "q"));

        Assert.Single(server.RequestsTo("/api/ogc/processes"));
        Assert.Equal(2, server.RequestsTo("/api/dps/job").Count());
    }

    [Fact]
    public async Task Auto_treats_a_server_without_the_OGC_routes_as_having_no_deployed_processes()
    {
        var server = new FakeMaapServer().Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv2SubmitSuccess));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Auto);

        await maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", "q"));

        Assert.Single(server.RequestsTo("/api/dps/job"));
    }

    [Fact]
    public async Task Auto_refuses_an_id_and_version_several_members_deployed_until_a_deployer_is_named()
    {
        var start = V.ProcessList.IndexOf('[', StringComparison.Ordinal) + 1;
        var end = V.ProcessList.LastIndexOf("], \"links\"", StringComparison.Ordinal);
        var process = V.ProcessList[start..end];
        var other = process.Replace("\"processID\": 12", "\"processID\": 13", StringComparison.Ordinal).Replace("\"deployedBy\": \"mlucas\"", "\"deployedBy\": \"other\"", StringComparison.Ordinal);
        var twice = "{\"processes\": [" + process + ", " + other + "], \"links\": []}\n";
        var server = new FakeMaapServer().Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, twice));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Auto);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.SubmitAsync(new JobRequest("sardem-sarsen", "mlucas_nasa_ogc", "q")));

        Assert.Contains("mlucas, other", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Auto_checks_a_bare_job_id_over_WPS_without_any_lookup()
    {
        var server = new FakeMaapServer().Map("GET", $"/api/dps/job/{SpecVectors.JobId}/status", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical));
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Auto);

        await maap.Jobs.Get(SpecVectors.JobId).UpdateStatusAsync();

        Assert.Empty(server.RequestsTo("/api/ogc/processes"));
    }

    [Fact]
    public async Task Wps_refuses_a_request_that_names_a_process_id_before_any_request()
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient(o => o.JobProtocol = MaapJobProtocol.Wps);

        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.SubmitAsync(new JobRequest("a1", "v", "q") { ProcessId = "12" }));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.SubmitAsync(new JobRequest("a1", "v", "q") { ProcessId = "twelve" }));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Processes_list_sends_the_filters_anonymously_and_reads_the_int_processID()
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, V.ProcessList));
        using var maap = server.CreateClient();

        var process = Assert.Single(await maap.Processes.ListAsync(algorithmName: "sardem-sarsen", algorithmVersion: "mlucas_nasa_ogc", deployer: "mlucas"));

        var sent = Assert.Single(server.RequestsTo("/api/ogc/processes"));
        Assert.Equal("?algorithmName=sardem-sarsen&algorithmVersion=mlucas_nasa_ogc&deployer=mlucas", sent.Url.Query);
        Assert.Null(sent.Header("proxy-ticket"));
        Assert.Equal("12", process.ProcessId);
        Assert.Equal(("sardem-sarsen", "mlucas_nasa_ogc", "mlucas"), (process.Id, process.Version, process.DeployedBy));
        Assert.Equal(["ogc", "sar"], process.Keywords);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 22, 11, TimeSpan.Zero).AddTicks(4829130), process.LastModifiedTime);
    }

    [Fact]
    public async Task Processes_describe_reads_the_string_processID_and_the_hysds_io_inputs_as_typed_inputs()
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/processes/12", _ => Json(HttpStatusCode.OK, V.Describe));
        using var maap = server.CreateClient();

        var process = await maap.Processes.DescribeAsync("12");

        Assert.Equal("12", process.ProcessId);
        Assert.Equal((5L, 1L), (process.RamMin, process.CoresMin));
        Assert.Null(process.GitCommitHash);
        Assert.Equal(["bbox", "stac_catalog_folder", "stac_asset_name"], process.Inputs.Select(i => i.Name));
        var bbox = process.Inputs[0];
        Assert.Equal(ProcessInputType.Text, bbox.Type);
        Assert.Equal("bounding box", bbox.Placeholder);
        Assert.Equal("-118.06817 34.22169 -118.05801 34.22822", bbox.Default!.Value.GetString());
        Assert.False(bbox.IsOptional);
        Assert.False(bbox.IsRequired);
        Assert.True(process.Inputs[1].IsRequired);
        Assert.True(process.Inputs[2].IsOptional);
    }

    [Fact]
    public async Task Processes_describe_of_an_unknown_process_is_a_404_request_failure_with_the_OGC_type()
    {
        const string body = """{"type": "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process", "title": "No process with that process ID found", "status": 404, "detail": "No process with that process ID found", "instance": ""}""";
        var server = new FakeMaapServer().Map("GET", "/api/ogc/processes/99", _ => Json(HttpStatusCode.NotFound, body));
        using var maap = server.CreateClient();

        var failure = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Processes.DescribeAsync("99"));

        Assert.Equal(HttpStatusCode.NotFound, failure.Status);
        Assert.EndsWith("/no-such-process", failure.ErrorCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processes_deploy_from_cwl_text_posts_cwlRawText_and_reads_the_deployment_id_of_the_202()
    {
        var server = new FakeMaapServer().Map("POST", "/api/ogc/processes", _ => Json(HttpStatusCode.Accepted, V.DeployAccepted));
        using var maap = server.CreateClient();

        var deployment = await maap.Processes.DeployAsync("cwlVersion: v1.2\n");

        Assert.Equal("""{"cwlRawText":"cwlVersion: v1.2\n"}""", Assert.Single(server.RequestsTo("/api/ogc/processes")).Body);
        Assert.Equal(("57", "accepted", false), (deployment.DeploymentId, deployment.Status, deployment.IsFinal));
        Assert.Null(deployment.ProcessId);
        Assert.Equal("https://repo.maap-project.org/root/deploy-ogc-hysds/-/pipelines/1234", deployment.PipelineUrl);
    }

    [Fact]
    public async Task Processes_deploy_of_a_duplicate_throws_with_the_existing_processID_and_replace_puts_to_it()
    {
        var server = new FakeMaapServer()
            .Map("POST", "/api/ogc/processes", _ => Json(HttpStatusCode.Conflict, V.DuplicateProcess))
            .Map("PUT", "/api/ogc/processes/12", _ => Json(HttpStatusCode.Accepted, V.ReplaceAccepted));
        using var maap = server.CreateClient();

        var duplicate = await Assert.ThrowsAsync<ProcessAlreadyDeployedException>(() => maap.Processes.DeployFromUrlAsync(new Uri("https://example.org/process.cwl")));
        var replaced = await maap.Processes.ReplaceFromUrlAsync(duplicate.ProcessId, new Uri("https://example.org/process.cwl"));

        Assert.Equal("12", duplicate.ProcessId);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.EndsWith("/duplicated-process", duplicate.ErrorCode, StringComparison.Ordinal);
        Assert.Equal("""{"executionUnit":{"href":"https://example.org/process.cwl"}}""", server.RequestsTo("/api/ogc/processes/12").Single().Body);
        Assert.Equal(("58", "accepted"), (replaced.DeploymentId, replaced.Status));
    }

    [Fact]
    public async Task Processes_deployment_wait_polls_with_backoff_until_the_201_that_names_the_process()
    {
        var time = new ObservableTimeProvider();
        var server = new FakeMaapServer().MapSequence("GET", "/api/ogc/deploymentJobs/57",
            () => Json(HttpStatusCode.OK, V.DeploymentRunning),
            () => Json(HttpStatusCode.OK, V.DeploymentRunning),
            () => Json(HttpStatusCode.Created, V.DeploymentSucceeded));
        using var maap = server.CreateClient(o => o.TimeProvider = time);

        var wait = maap.Processes.WaitForDeploymentAsync("57", new JobWaitOptions { Jitter = 0 });
        var delays = await time.RunAsync(wait);
        var deployment = await wait;

        Assert.True(deployment.HasSucceeded);
        Assert.Equal("12", deployment.ProcessId);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
        Assert.Equal(3, server.RequestsTo("/api/ogc/deploymentJobs/57").Count());
    }

    [Theory]
    [InlineData("failed", true)]
    [InlineData("canceled", true)]
    [InlineData("pending", false)]
    [InlineData("manual", false)]
    public async Task Processes_deployment_status_passes_raw_GitLab_words_through(string word, bool final)
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/deploymentJobs/57", _ => Json(HttpStatusCode.OK, V.DeploymentRunning.Replace("\"running\"", $"\"{word}\"", StringComparison.Ordinal)));
        using var maap = server.CreateClient();

        var deployment = await maap.Processes.GetDeploymentAsync("57");

        Assert.Equal((word, final, false), (deployment.Status, deployment.IsFinal, deployment.HasSucceeded));
    }

    [Fact]
    public async Task Processes_undeploy_and_package()
    {
        var server = new FakeMaapServer()
            .Map("DELETE", "/api/ogc/processes/12", _ => Json(HttpStatusCode.OK, """{"detail": "Deleted process"}"""))
            .Map("GET", "/api/ogc/processes/12/package", _ => Json(HttpStatusCode.OK, V.Package));
        using var maap = server.CreateClient();

        await maap.Processes.UndeployAsync("12");
        var package = await maap.Processes.GetPackageAsync("12");

        Assert.Equal("https://example.org/process.cwl", package.CwlHref);
        Assert.Equal("This application is designed ...", package.Description);
        Assert.Equal("PGT-test-ticket", server.RequestsTo("/api/ogc/processes/12").Single(r => r.Method == "DELETE").Header("proxy-ticket"));
    }

    [Fact]
    public async Task Processes_bodies_of_the_wrong_shape_are_protocol_errors_and_bad_ids_fail_before_any_request()
    {
        var server = new FakeMaapServer().Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, """{"links": []}"""));
        using var maap = server.CreateClient();

        await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Processes.ListAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Processes.DescribeAsync("../12"));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Processes.DeployFromUrlAsync(new Uri("file:///etc/passwd")));

        Assert.Single(server.Requests, r => r.Path.StartsWith("/api/ogc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Processes_find_process_id_shares_the_submission_lookup_and_an_undeploy_forgets_it()
    {
        var server = new FakeMaapServer()
            .Map("GET", "/api/ogc/processes", _ => Json(HttpStatusCode.OK, V.ProcessList))
            .Map("DELETE", "/api/ogc/processes/12", _ => Json(HttpStatusCode.OK, """{"detail": "Deleted process"}"""));
        using var maap = server.CreateClient();

        Assert.Equal("12", await maap.Processes.FindProcessIdAsync("sardem-sarsen", "mlucas_nasa_ogc"));
        Assert.Equal("12", await maap.Processes.FindProcessIdAsync("sardem-sarsen", "mlucas_nasa_ogc"));
        Assert.Null(await maap.Processes.FindProcessIdAsync("sardem-sarsen", "mlucas_nasa_ogc", deployer: "someone-else"));
        Assert.Equal(2, server.RequestsTo("/api/ogc/processes").Count());
        await maap.Processes.UndeployAsync("12");
        await maap.Processes.FindProcessIdAsync("sardem-sarsen", "mlucas_nasa_ogc");

        Assert.Equal(3, server.RequestsTo("/api/ogc/processes").Count());
    }
}
