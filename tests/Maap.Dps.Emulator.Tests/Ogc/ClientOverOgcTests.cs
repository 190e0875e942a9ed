using System.Text.Json.Nodes;
using Maap.Algorithms;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>
/// The library's OGC protocol and <c>maap.Processes</c> against the emulator's <c>/api/ogc</c> routes: deploy, wait,
/// describe, submit (Auto finds the process), watch, result, metrics, list, cancel — with real processes.
/// </summary>
public sealed class ClientOverOgcTests : IAsyncLifetime
{
    private const string Queue = "maap-dps-worker-8gb";
    private const string OneWorker = "one-worker";

    private static readonly JobWaitOptions FastWait = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        Timeout = TimeSpan.FromSeconds(90),
    };

    private TestEmulator _emu = null!;
    private MaapClient _maap = null!;
    private string _records = null!;

    public async Task InitializeAsync()
    {
        _emu = await TestEmulator.StartAsync(o =>
        {
            o.Queues.Add(new QueueDefinition(Queue, 2, null));
            o.Queues.Add(new QueueDefinition(OneWorker, 1, null));
        });
        _records = _emu.TempDirectory();
        _maap = new MaapClient(new MaapClientOptions
        {
            Host = _emu.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority),
            ProxyTicket = _emu.Emulator.Token,
            Wait = FastWait,
        });
    }

    public async Task DisposeAsync()
    {
        _maap.Dispose();
        await _emu.DisposeAsync();
    }

    [Fact]
    public async Task A_cwl_deployed_through_the_client_runs_over_ogc_with_the_bound_arguments_and_reports_back()
    {
        var repository = OgcProcessHarness.CreateRepository(_records);

        var deployment = await _maap.Processes.DeployAsync(OgcProcessHarness.Cwl(repository));
        Assert.Equal("accepted", deployment.Status);
        deployment = await _maap.Processes.WaitForDeploymentAsync(deployment.DeploymentId, FastWait);
        Assert.True(deployment.HasSucceeded, deployment.ToString());
        var processId = Assert.IsType<string>(deployment.ProcessId);

        var listed = Assert.Single(await _maap.Processes.ListAsync(algorithmName: "word-count", algorithmVersion: "v1", deployer: _emu.Emulator.UserName));
        Assert.Equal(processId, listed.ProcessId);
        var described = await _maap.Processes.DescribeAsync(processId);
        Assert.Equal(["name", "count", "verbose", "bands", "note"], described.Inputs.Select(i => i.Name));
        Assert.Equal([ProcessInputType.Text, ProcessInputType.Number, ProcessInputType.Boolean, ProcessInputType.Object, ProcessInputType.Text], described.Inputs.Select(i => i.Type));
        Assert.True(described.Inputs[0].IsRequired);
        Assert.Equal(2, described.Inputs[1].Default!.Value.GetInt32());
        Assert.Equal(processId, await _maap.Processes.FindProcessIdAsync("word-count", "v1"));

        // Auto (the default): the id and version name a deployed process, so the job goes to its execution route.
        var job = await _maap.Jobs.SubmitAsync(new JobRequest("word-count", "v1", Queue) { Tag = "client-ogc" }
            .WithInput("name", "Ada --not-a-flag")
            .WithJsonInput("count", "3")
            .WithJsonInput("verbose", "true")
            .WithJsonInput("bands", "[1, 20]")
            .WithInput("note", "from the context"));
        var final = await job.WaitForCompletionAsync();

        Assert.Equal(JobStatus.Succeeded, final);
        Assert.Equal(["--name", "Ada --not-a-flag", "--count", "3", "--verbose", "--bands", "1", "--bands", "20"], File.ReadAllLines(Path.Combine(_records, "argv.txt")));
        var context = JsonNode.Parse(File.ReadAllText(Path.Combine(_records, "context.json")))!;
        Assert.Equal("from the context", context["note"]!.GetValue<string>());
        Assert.Contains("/ogc-app-pack/", context["job_specification"]!["command"]!.GetValue<string>(), StringComparison.Ordinal);

        var result = await job.GetResultAsync();
        Assert.False(result.HasFailed);
        Assert.NotEmpty(result.Outputs);
        Assert.True((await job.GetMetricsAsync()).IsMeasured);
        var items = await ToListAsync(_maap.Jobs.ListAsync(new JobListQuery { ProcessId = processId, Status = JobStatus.Succeeded }));
        Assert.Equal([job.Id], items.Select(i => i.Id));
    }

    [Fact]
    public async Task Deploying_the_same_id_and_version_again_names_the_process_to_replace_and_replace_keeps_its_id()
    {
        var repository = OgcProcessHarness.CreateRepository(_records);
        var first = await _maap.Processes.WaitForDeploymentAsync((await _maap.Processes.DeployAsync(OgcProcessHarness.Cwl(repository))).DeploymentId, FastWait);

        var duplicate = await Assert.ThrowsAsync<ProcessAlreadyDeployedException>(() => _maap.Processes.DeployAsync(OgcProcessHarness.Cwl(repository)));
        Assert.Equal(first.ProcessId, duplicate.ProcessId);

        var replaced = await _maap.Processes.ReplaceAsync(duplicate.ProcessId, OgcProcessHarness.Cwl(repository, doc: "Counts words, better"));
        replaced = await _maap.Processes.WaitForDeploymentAsync(replaced.DeploymentId, FastWait);
        Assert.True(replaced.HasSucceeded, replaced.ToString());
        Assert.Equal(first.ProcessId, replaced.ProcessId);
        Assert.Equal("Counts words, better", (await _maap.Processes.DescribeAsync(first.ProcessId!)).Description);

        await _maap.Processes.UndeployAsync(first.ProcessId!);
        Assert.Empty(await _maap.Processes.ListAsync(algorithmName: "word-count"));
    }

    [Fact]
    public async Task Cancelling_over_ogc_dismisses_a_queued_job_that_then_disappears_and_a_running_one_that_is_stopped()
    {
        // A process whose job waits for a file: one holds the one-worker queue, the next stays queued behind it.
        var repository = Path.Combine(Directory.CreateTempSubdirectory("maap-ogc-gate-").FullName, "gate");
        Directory.CreateDirectory(repository);
        var script = Path.Combine(repository, "run.sh");
        File.WriteAllText(script, "#!/usr/bin/env bash\nwhile [ ! -f go ]; do sleep 0.05; done\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var cwl = OgcProcessHarness.Cwl(repository, id: "gate").Replace("/app/word-count/run.sh", "/app/gate/run.sh", StringComparison.Ordinal);
        var deployed = await _maap.Processes.WaitForDeploymentAsync((await _maap.Processes.DeployAsync(cwl)).DeploymentId, FastWait);
        var request = new JobRequest("gate", "v1", OneWorker) { ProcessId = deployed.ProcessId }.WithInput("name", "x");

        var running = await _maap.Jobs.SubmitAsync(request);
        await WaitUntilAsync(running, JobStatus.Running);
        var queued = await _maap.Jobs.SubmitAsync(request);
        Assert.Equal(JobStatus.Accepted, await queued.UpdateStatusAsync());

        await queued.CancelAsync();
        // MAAP purges a queued job, so its id is unknown afterwards; the client that cancelled it reports Dismissed.
        Assert.Equal(JobStatus.Dismissed, await queued.UpdateStatusAsync());

        await running.CancelAndWaitAsync();
        Assert.Equal(JobStatus.Dismissed, await running.WaitForCompletionAsync());
    }

    [Fact]
    public async Task Under_Auto_a_legacy_wps_registration_still_runs_over_wps()
    {
        await _emu.RegisterScriptAsync("legacy", "mkdir -p output\necho ok > output/ok.txt", queue: Queue);

        var job = await _maap.Jobs.SubmitAsync(new JobRequest("legacy", "main", Queue));

        Assert.Equal(JobStatus.Succeeded, await job.WaitForCompletionAsync());
        Assert.Empty(await _maap.Processes.ListAsync(algorithmName: "legacy"));
    }

    private static async Task WaitUntilAsync(MaapJob job, JobStatus wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await job.UpdateStatusAsync() != wanted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{job} never became {wanted}");
            await Task.Delay(50);
        }
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
