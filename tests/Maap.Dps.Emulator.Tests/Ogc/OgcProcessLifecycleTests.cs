using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Maap.Dps.Emulator.Tests.Ogc.OgcProcessHarness;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>Deploy → deployment 201 then 200 → list, describe, package → execute → the job runs the process's command.</summary>
public sealed class OgcProcessLifecycleTests
{
    [Fact]
    public async Task A_process_deployed_from_a_local_repository_runs_its_command_with_the_cwl_bindings()
    {
        await using var emu = await TestEmulator.StartAsync();
        var record = emu.TempDirectory();
        var repo = CreateRepository(record);

        var (status, deployed, text) = await SendAsync(emu.Http, HttpMethod.Post, "api/ogc/processes", RawCwlBody(Cwl(repo)));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(["title", "description", "keywords", "metadata", "id", "version", "jobControlOptions", "deploymentJobID", "status", "created", "links", "processPipelineLink"], Keys(deployed));
        Assert.StartsWith("{\"title\": \"Word count\", \"description\": \"Counts words\", \"keywords\": [\"ogc\", \"test\"], ", text);
        Assert.EndsWith("}\n", text);
        Assert.Equal("accepted", deployed["status"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$", deployed["created"]!.GetValue<string>());
        var deploymentId = deployed["deploymentJobID"]!.GetValue<int>();
        Assert.Equal($"/ogc/deploymentJobs/{deploymentId}", deployed["links"]![0]!["href"]!.GetValue<string>());
        Assert.Equal(["href", "rel", "type", "hreflang", "title"], Keys(deployed["processPipelineLink"]));

        var (codes, final) = await WaitForDeploymentAsync(emu.Http, deploymentId);
        Assert.Equal(HttpStatusCode.Created, codes[^1]); // the read that first sees success
        Assert.DoesNotContain(HttpStatusCode.Created, codes[..^1]);
        Assert.Equal(["created", "status", "pipeline", "cwl", "links", "processLocation"], Keys(final));
        Assert.Equal(["executionVenue", "pipelineId", "processPipelineLink"], Keys(final["pipeline"]));
        Assert.Null(final["cwl"]!["href"]);
        Assert.Equal("self", final["links"]!["rel"]!.GetValue<string>());
        var processHref = final["processLocation"]!["href"]!.GetValue<string>();
        var processId = int.Parse(processHref["/ogc/processes/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var (again, _, _) = await SendAsync(emu.Http, HttpMethod.Get, $"api/ogc/deploymentJobs/{deploymentId}");
        Assert.Equal(HttpStatusCode.OK, again);

        var (_, list, _) = await SendAsync(emu.Anonymous, HttpMethod.Get, "api/ogc/processes?algorithmName=word-count&algorithmVersion=v1");
        var entry = Assert.Single(list["processes"]!.AsArray())!;
        Assert.Equal(["title", "description", "keywords", "metadata", "processID", "id", "version", "jobControlOptions", "author", "deployedBy", "lastModifiedTime", "cwlLink", "links"], Keys(entry));
        Assert.Equal(processId, entry["processID"]!.GetValue<int>());
        Assert.Equal("Jane", entry["author"]!.GetValue<string>());
        Assert.Equal("alice", entry["deployedBy"]!.GetValue<string>());
        Assert.Equal(["processes", "links"], Keys(list));
        Assert.Single(list["links"]!.AsArray());

        var (describeStatus, describe, _) = await SendAsync(emu.Anonymous, HttpMethod.Get, $"api/ogc/processes/{processId}");
        Assert.Equal(HttpStatusCode.OK, describeStatus);
        Assert.Equal(["title", "description", "keywords", "metadata", "id", "processID", "version", "jobControlOptions", "author", "deployedBy", "githubUrl", "gitCommitHash", "cwlLink", "ramMin", "coresMin", "baseCommand", "links", "inputs"], Keys(describe));
        Assert.Equal(processId.ToString(System.Globalization.CultureInfo.InvariantCulture), describe["processID"]!.GetValue<string>());
        Assert.Equal(512, describe["ramMin"]!.GetValue<int>());
        Assert.Equal("/app/word-count/run.sh", describe["baseCommand"]!.GetValue<string>());
        Assert.Equal(repo, describe["githubUrl"]!.GetValue<string>());
        Assert.Null(describe["gitCommitHash"]);
        Assert.Equal(
            """{"name": "count", "from": "submitter", "placeholder": "how many", "description": "Repetitions", "default": 2, "type": "number"}""",
            Wire.PythonJson.Dumps(describe["inputs"]!["count"]));
        Assert.Equal(
            """{"name": "bands", "from": "submitter", "placeholder": "bands", "description": "Band numbers", "optional": true, "type": "object"}""",
            Wire.PythonJson.Dumps(describe["inputs"]!["bands"]));
        Assert.Equal("boolean", describe["inputs"]!["verbose"]!["type"]!.GetValue<string>());

        var (packageStatus, package, _) = await SendAsync(emu.Anonymous, HttpMethod.Get, $"api/ogc/processes/{processId}/package");
        Assert.Equal(HttpStatusCode.OK, packageStatus);
        Assert.Equal(["processDescription", "executionUnit"], Keys(package));
        Assert.Equal("Counts words", package["processDescription"]!.GetValue<string>());

        var execute = new StringContent("""
            {"inputs": {"name": "Ada Lovelace", "verbose": true, "bands": [3, 4], "note": "in the context", "unknown": 1, "count": null},
             "queue": "maap-dps-worker-8gb", "tag": "a,b"}
            """, Encoding.UTF8, "application/json");
        using var executed = await emu.Http.PostAsync($"api/ogc/processes/{processId}/execution", execute);
        var executedBody = JsonNode.Parse(await executed.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Accepted, executed.StatusCode);
        Assert.Null(executed.Headers.Location);
        Assert.Equal(["title", "description", "keywords", "metadata", "jobID", "processID", "type", "request", "status", "message", "created", "updated", "links"], Keys(executedBody));
        Assert.Equal(processId, executedBody["processID"]!.GetValue<int>());
        Assert.Equal("accepted", executedBody["status"]!.GetValue<string>());
        var jobId = executedBody["jobID"]!.GetValue<string>();
        Assert.Equal($"/ogc/jobs/{jobId}", executedBody["links"]![1]!["href"]!.GetValue<string>());

        Assert.Equal("Succeeded", await emu.WaitForEndAsync(jobId));
        Assert.Equal(
            ["--name", "Ada Lovelace", "--count", "2", "--verbose", "--bands", "3", "--bands", "4"],
            await File.ReadAllLinesAsync(Path.Combine(record, "argv.txt")));
        var context = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(record, "context.json")))!;
        Assert.Equal("in the context", context["note"]!.GetValue<string>());
        Assert.Null(context["unknown"]);
        Assert.Equal("a", context["tag"]!.GetValue<string>());
        var memberId = emu.Emulator.Services.Store.MemberId("alice");
        Assert.Equal($"/app/dps_wrapper.sh s3://emulator-code/ogc-app-pack/word-count_{memberId}.v1.process.cwl", context["job_specification"]!["command"]!.GetValue<string>());
        var job = emu.Emulator.Services.Store.GetJob(jobId)!;
        Assert.Equal($"job-word-count_{memberId}:v1", job.JobType);
        Assert.Equal(["a", "b"], job.Tags);
    }

    [Fact]
    public async Task A_deployed_process_is_not_a_wps_algorithm_and_its_default_tag_is_id_and_version()
    {
        await using var emu = await TestEmulator.StartAsync();
        var record = emu.TempDirectory();
        var processId = await DeployAsync(emu, Cwl(CreateRepository(record)));

        var algorithms = await TestEmulator.JsonAsync(await emu.Http.GetAsync("api/mas/algorithm"));
        Assert.DoesNotContain(algorithms["algorithms"]!.AsArray(), a => a!["type"]!.GetValue<string>().StartsWith("word-count", StringComparison.Ordinal));

        using var executed = await emu.Http.PostAsync($"api/ogc/processes/{processId}/execution",
            new StringContent("""{"inputs": {"name": "x"}, "queue": "maap-dps-worker-8gb"}""", Encoding.UTF8, "application/json"));
        var jobId = (await TestEmulator.JsonAsync(executed))["jobID"]!.GetValue<string>();
        Assert.Equal(["word-count:v1"], emu.Emulator.Services.Store.GetJob(jobId)!.Tags);
        Assert.Equal("Succeeded", await emu.WaitForEndAsync(jobId));
        Assert.Equal(["--name", "x", "--count", "2"], await File.ReadAllLinesAsync(Path.Combine(record, "argv.txt")));
    }

    [Fact]
    public async Task A_File_input_is_localized_into_input_and_its_local_path_is_the_argument()
    {
        await using var emu = await TestEmulator.StartAsync();
        var record = emu.TempDirectory();
        var repo = CreateRepository(record);
        var data = Path.Combine(emu.TempDirectory(), "scene.txt");
        await File.WriteAllTextAsync(data, "pixels\n");
        var cwl = Cwl(repo)
            .Replace("    note: {type: string?, label: note, doc: Read from the context}", "    note: {type: string?, label: note, doc: Read from the context}\n    scene: {type: File, label: scene, doc: A scene}", StringComparison.Ordinal)
            .Replace("in: {name: name,", "in: {scene: scene, name: name,", StringComparison.Ordinal)
            .Replace("    note: string?", "    note: string?\n    scene: {type: File, inputBinding: {position: 5, prefix: --scene}}", StringComparison.Ordinal);
        var processId = await DeployAsync(emu, cwl);
        var (_, describe, describeText) = await SendAsync(emu.Anonymous, HttpMethod.Get, $"api/ogc/processes/{processId}");
        Assert.True(describe["inputs"]?["scene"] is not null, describeText);
        Assert.Equal("text", describe["inputs"]!["scene"]!["type"]!.GetValue<string>());

        using var executed = await emu.Http.PostAsync($"api/ogc/processes/{processId}/execution", new StringContent(
            new JsonObject { ["inputs"] = new JsonObject { ["name"] = "n", ["scene"] = new Uri(data).AbsoluteUri }, ["queue"] = "maap-dps-worker-8gb" }.ToJsonString(),
            Encoding.UTF8, "application/json"));
        var jobId = (await TestEmulator.JsonAsync(executed))["jobID"]!.GetValue<string>();

        Assert.Equal("Succeeded", await emu.WaitForEndAsync(jobId));
        var argv = await File.ReadAllLinesAsync(Path.Combine(record, "argv.txt"));
        Assert.Equal(["--name", "n", "--count", "2", "--scene"], argv[..^1]);
        Assert.Equal(Path.Combine(emu.Emulator.DataDirectory, "jobs", jobId, "input", "scene.txt"), argv[^1]);
    }

    [Fact]
    public async Task A_deployment_whose_repository_is_missing_fails_with_its_reason()
    {
        await using var emu = await TestEmulator.StartAsync();
        var missing = Path.Combine(Path.GetTempPath(), "maap-ogc-no-such-repo-" + Guid.NewGuid().ToString("N"));

        var (_, deployed, _) = await SendAsync(emu.Http, HttpMethod.Post, "api/ogc/processes", RawCwlBody(Cwl(missing)));
        var (codes, final) = await WaitForDeploymentAsync(emu.Http, deployed["deploymentJobID"]!.GetValue<int>());

        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c));
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        Assert.Null(final["processLocation"]);
        Assert.Contains("is not a local directory", final["detail"]!.GetValue<string>());
        var (_, list, _) = await SendAsync(emu.Anonymous, HttpMethod.Get, "api/ogc/processes");
        Assert.Empty(list["processes"]!.AsArray());
    }

    [Fact]
    public async Task Restart_keeps_processes_deployments_and_the_member_id()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "maap-ogc-restart-" + Guid.NewGuid().ToString("N"));
        var alice = new EmulatorUser("alice", "alice-ogc-restart-token");
        void Configure(MaapEmulatorOptions o)
        {
            o.Users.Clear();
            o.Users.Add(alice);
        }

        var record = Directory.CreateTempSubdirectory("maap-ogc-record-").FullName;
        try
        {
            int processId, deploymentId, memberId;
            await using (var first = await TestEmulator.StartAsync(Configure, dataDir))
            {
                processId = await DeployAsync(first, Cwl(CreateRepository(record)));
                var (_, deployments, _) = await SendAsync(first.Http, HttpMethod.Get, "api/ogc/deploymentJobs");
                deploymentId = deployments["deploymentJobs"]![0]!["jobId"]!.GetValue<int>();
                memberId = first.Emulator.Services.Store.MemberId("alice");
            }

            await using var second = await TestEmulator.StartAsync(Configure, dataDir);
            var (status, describe, _) = await SendAsync(second.Anonymous, HttpMethod.Get, $"api/ogc/processes/{processId}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("word-count", describe["id"]!.GetValue<string>());
            var (again, deployment, _) = await SendAsync(second.Http, HttpMethod.Get, $"api/ogc/deploymentJobs/{deploymentId}");
            Assert.Equal(HttpStatusCode.OK, again); // its 201 was given before the restart
            Assert.Equal("successful", deployment["status"]!.GetValue<string>());
            Assert.Equal(memberId, second.Emulator.Services.Store.MemberId("alice"));

            using var executed = await second.Http.PostAsync($"api/ogc/processes/{processId}/execution",
                new StringContent("""{"inputs": {"name": "after restart"}, "queue": "maap-dps-worker-8gb"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, executed.StatusCode);
            var jobId = (await TestEmulator.JsonAsync(executed))["jobID"]!.GetValue<string>();
            Assert.Equal("Succeeded", await second.WaitForEndAsync(jobId));
            Assert.Equal(["--name", "after restart", "--count", "2"], await File.ReadAllLinesAsync(Path.Combine(record, "argv.txt")));
        }
        finally
        {
            Directory.Delete(record, recursive: true);
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task A_deployment_left_accepted_by_a_stop_is_done_on_the_next_start()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "maap-ogc-resume-" + Guid.NewGuid().ToString("N"));
        var alice = new EmulatorUser("alice", "alice-ogc-resume-token");
        void Configure(MaapEmulatorOptions o)
        {
            o.Users.Clear();
            o.Users.Add(alice);
        }

        var record = Directory.CreateTempSubdirectory("maap-ogc-record-").FullName;
        try
        {
            await (await TestEmulator.StartAsync(Configure, dataDir)).DisposeAsync();
            int deploymentId;
            // What a stop between the 202 and the worker leaves behind: an accepted row nobody worked on.
            using (var store = new Store.EmulatorStore(Path.Combine(dataDir, "emulator.db")))
            {
                deploymentId = store.InsertDeployment("2026-03-02 18:20:01.118230", "alice", "word-count", "v1", Cwl(CreateRepository(record)), null, null).JobId;
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            await using var second = await TestEmulator.StartAsync(Configure, dataDir);
            var (codes, final) = await WaitForDeploymentAsync(second.Http, deploymentId);
            Assert.Equal("successful", final["status"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.Created, codes[^1]);
            Assert.Equal("2026-03-02 18:20:01.118230", final["created"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(record, recursive: true);
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
