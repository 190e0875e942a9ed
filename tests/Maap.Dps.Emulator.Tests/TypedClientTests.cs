using System.Net;
using Maap.Algorithms;

namespace Maap.Dps.Emulator.Tests;

/// <summary>The lead's typed client against the emulator: what passes here passes against MAAP.</summary>
public sealed class TypedClientTests : IAsyncLifetime
{
    private static readonly JobWaitOptions FastWait = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        Timeout = TimeSpan.FromSeconds(60),
    };

    private TestEmulator _emu = null!;
    private MaapClient _maap = null!;

    public async Task InitializeAsync()
    {
        _emu = await TestEmulator.StartAsync(o =>
        {
            o.Queues.Add(new QueueDefinition("maap-dps-sandbox", 2, TimeSpan.FromMinutes(10)));
            o.Queues.Add(new QueueDefinition("maap-dps-worker-8gb", 2, null));
            o.Queues.Add(new QueueDefinition("one-worker", 1, null));
        });
        _maap = NewClient(_emu.Emulator.Token);
    }

    public async Task DisposeAsync()
    {
        _maap.Dispose();
        await _emu.DisposeAsync();
    }

    private MaapClient NewClient(string token) => new(new MaapClientOptions
    {
        Host = _emu.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority),
        ProxyTicket = token,
        Wait = FastWait,
    });

    private async Task RegisterAsync(string name, string script, AlgorithmInputs inputs, string queue = "maap-dps-worker-8gb")
    {
        var repo = Path.Combine(_emu.TempDirectory(), name);
        Directory.CreateDirectory(repo);
        var run = Path.Combine(repo, "run.sh");
        await File.WriteAllTextAsync(run, "#!/usr/bin/env bash\n" + script + "\n");
        File.SetUnixFileMode(run, (UnixFileMode)0b111_101_101);
        await _maap.Algorithms.RegisterAsync(new AlgorithmRegistration(name, "main", repo + ".git", $"{name}/run.sh")
        {
            AlgorithmDescription = "typed client test",
            Queue = queue,
            Inputs = inputs,
        });
    }

    [Fact]
    public async Task Full_lifecycle_with_the_typed_client()
    {
        var input = Path.Combine(_emu.TempDirectory(), "scene.txt");
        await File.WriteAllTextAsync(input, "scene data\n");
        await RegisterAsync("typed_gdal", """
            set -e
            sleep 1.5
            mkdir -p output
            { cat input/scene.txt; echo "size=$1"; } > output/result.txt
            """,
            new AlgorithmInputs
            {
                File = { new AlgorithmInputDefinition("input_file") },
                Positional = { new AlgorithmInputDefinition("outsize") { Default = "10" } },
            });

        var summaries = await _maap.Algorithms.ListAsync();
        Assert.Contains(new AlgorithmSummary("typed_gdal", "main"), summaries);
        var description = await _maap.Algorithms.DescribeAsync("typed_gdal", "main");
        Assert.Equal(["input_file", "outsize"], description.Inputs.Select(i => i.Name));
        Assert.Equal("maap-dps-worker-8gb", description.RecommendedQueue);
        Assert.Contains("maap-dps-sandbox", await _maap.Algorithms.ListQueuesAsync());

        var job = await _maap.Jobs.SubmitAsync(new JobRequest("typed_gdal", "main", "maap-dps-worker-8gb") { Tag = "typed" }
            .WithInput("input_file", new Uri(input).AbsoluteUri)
            .WithInput("outsize", "42"));
        Assert.Equal(JobStatus.Accepted, job.Status);
        var seen = new List<JobStatus>();
        var final = await job.WaitForCompletionAsync(FastWait, new SyncProgress(c => seen.Add(c.Current)));
        Assert.Equal(JobStatus.Succeeded, final);
        Assert.Contains(JobStatus.Running, seen);

        var result = await job.GetResultAsync();
        Assert.False(result.HasFailed);
        var output = Assert.Single(result.Outputs);
        Assert.NotNull(output.S3Url);
        Assert.EndsWith("&tab=overview", output.ConsoleUrl);
        Assert.Equal("scene data\nsize=42\n", await _emu.Anonymous.GetStringAsync(output.HttpUrl + "/result.txt"));

        var metrics = await job.GetMetricsAsync();
        Assert.True(metrics.JobDuration > TimeSpan.FromSeconds(1));
        Assert.True(metrics.DirectorySize > 0);
        Assert.NotNull(metrics.CpuUsage);
        Assert.Null(metrics.MemoryUsage); // MAAP's Element-repr quirk, reproduced

        var listed = new List<JobListItem>();
        await foreach (var item in _maap.Jobs.ListAsync(new JobListQuery { AlgorithmId = "typed_gdal", Version = "main", IncludeDetails = true }))
        {
            listed.Add(item);
        }

        var mine = Assert.Single(listed);
        Assert.Equal(job.Id, mine.Id);
        Assert.Equal(JobStatus.Succeeded, mine.Details!.Status);
        Assert.Equal("typed", mine.Details.Tag);
        Assert.Equal("maap-dps-worker-8gb", mine.Details.Queue);
        Assert.NotNull(mine.Details.TimeEnded);

        await _maap.Algorithms.DeleteAsync("typed_gdal", "main");
        Assert.DoesNotContain(new AlgorithmSummary("typed_gdal", "main"), await _maap.Algorithms.ListAsync());
    }

    [Fact]
    public async Task Text_inputs_that_look_like_JSON_reach_the_job_as_the_same_text()
    {
        // MAAP json.loads every value: "1.10" would arrive as 1.1 and "null" as nothing. A text input (what generated
        // code sends for text parameters) stays text; the job reads them back with the runtime's own reader.
        string[] texts = ["1.10", "[1, 2]", "null", "10", " 7 ", "\"quoted\"", "plain text", "NaN", "it's"];
        var inputs = new AlgorithmInputs();
        for (var i = 0; i < texts.Length; i++)
        {
            inputs.Config.Add(new AlgorithmInputDefinition("c" + i));
            inputs.Positional.Add(new AlgorithmInputDefinition("p" + i));
        }

        inputs.Positional.Add(new AlgorithmInputDefinition("raw"));
        await RegisterAsync("texts", """
            mkdir -p output
            printf '%s\0' "$@" > output/args.bin
            """, inputs);
        var request = new JobRequest("texts", "main", "maap-dps-worker-8gb");
        for (var i = 0; i < texts.Length; i++)
        {
            request.WithInput("c" + i, texts[i]).WithInput("p" + i, texts[i]);
        }

        var job = await _maap.Jobs.SubmitAsync(request.WithJsonInput("raw", "1.10"));
        Assert.Equal(JobStatus.Succeeded, await job.WaitForCompletionAsync(FastWait));

        var workDir = Path.Combine(_emu.Emulator.DataDirectory, "jobs", job.Id);
        var output = (await job.GetResultAsync()).Outputs[0].HttpUrl!;
        var args = (await _emu.Anonymous.GetStringAsync(output + "/args.bin")).TrimEnd('\0').Split('\0');
        var context = new DpsJobContext(workDir, args);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(texts[i], context.GetInput("c" + i, MaapInputKind.Config, -1, required: true));
            Assert.Equal(texts[i], context.GetInput("p" + i, MaapInputKind.Positional, i, required: true));
        }

        Assert.Equal("1.1", args[^1]); // what MAAP does to the same text sent as a JSON value
    }

    [Fact]
    public async Task A_failing_job_surfaces_its_traceback_through_the_typed_client()
    {
        await RegisterAsync("typed_fail", "echo 'Traceback (most recent call last):' >&2; echo 'ValueError: bad scene' >&2; exit 1", new AlgorithmInputs());
        var job = await _maap.Jobs.SubmitAsync(new JobRequest("typed_fail", "main", "maap-dps-worker-8gb"));
        Assert.Equal(JobStatus.Failed, await job.WaitForCompletionAsync(FastWait));
        var result = await job.GetResultAsync();
        Assert.True(result.HasFailed);
        Assert.Equal("Traceback (most recent call last):\nValueError: bad scene", result.Traceback);
        Assert.StartsWith("triaged_job-", Assert.Single(result.Outputs).Id);
        using (var http = new HttpClient())
        {
            Assert.Equal("Traceback (most recent call last):\nValueError: bad scene\n", await http.GetStringAsync(result.StderrUrl));
        }

        await Assert.ThrowsAsync<DpsJobFailedException>(() => job.WaitForCompletionAsync(new JobWaitOptions { ThrowOnFailure = true, InitialDelay = TimeSpan.FromMilliseconds(10) }));
    }

    [Fact]
    public async Task Cancel_queued_and_running_with_the_typed_client()
    {
        await RegisterAsync("typed_sleep", "sleep 30", new AlgorithmInputs(), queue: "one-worker");
        var running = await _maap.Jobs.SubmitAsync(new JobRequest("typed_sleep", "main", "one-worker"));
        var queued = await _maap.Jobs.SubmitAsync(new JobRequest("typed_sleep", "main", "one-worker"));
        await _emu.WaitForStatusAsync(running.Id, s => s == "Running");

        await queued.CancelAsync();
        Assert.Equal(JobStatus.Deleted, await queued.UpdateStatusAsync());
        await running.CancelAsync();
        Assert.Equal(JobStatus.Dismissed, await running.WaitForCompletionAsync(FastWait));

        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => running.CancelAsync());
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("FailedJobCancel", error.ErrorCode);
    }

    [Fact]
    public async Task Submit_errors_come_back_as_MAAPs_error_documents()
    {
        await RegisterAsync("typed_required", "true", new AlgorithmInputs { Positional = { new AlgorithmInputDefinition("needed") } });
        var missing = await Assert.ThrowsAsync<MaapRequestFailedException>(() =>
            _maap.Jobs.SubmitAsync(new JobRequest("typed_required", "main", "maap-dps-worker-8gb")));
        Assert.Equal(HttpStatusCode.InternalServerError, missing.Status);
        Assert.Equal("FailedJobSubmit", missing.ErrorCode);
        Assert.Contains("Parameter needed missing from inputs", missing.ServerMessage);

        var queue = await Assert.ThrowsAsync<MaapRequestFailedException>(() =>
            _maap.Jobs.SubmitAsync(new JobRequest("typed_required", "main", "maap-dps-worker-32gb").WithInput("needed", "x")));
        Assert.Equal(HttpStatusCode.BadRequest, queue.Status);
        Assert.StartsWith("User does not have access to maap-dps-worker-32gb.", queue.ServerMessage);

        var unknown = await Assert.ThrowsAsync<MaapRequestFailedException>(() =>
            _maap.Jobs.SubmitAsync(new JobRequest("nope", "main", "maap-dps-worker-8gb")));
        Assert.Equal(HttpStatusCode.InternalServerError, unknown.Status);
    }

    [Fact]
    public async Task Secrets_and_isolation_with_the_typed_client()
    {
        await _maap.Secrets.AddAsync("MY_TOKEN", "98aj48j(774hh9*H");
        await Assert.ThrowsAsync<SecretAlreadyExistsException>(() => _maap.Secrets.AddAsync("MY_TOKEN", "other"));
        Assert.Equal(["MY_TOKEN"], await _maap.Secrets.ListAsync());
        Assert.Equal("98aj48j(774hh9*H", await _maap.Secrets.GetAsync("MY_TOKEN"));

        var bob = _emu.Emulator.AddUser("bob-typed");
        using var bobMaap = NewClient(bob.Token);
        Assert.Empty(await bobMaap.Secrets.ListAsync());
        await Assert.ThrowsAsync<SecretNotFoundException>(() => bobMaap.Secrets.GetAsync("MY_TOKEN"));

        await RegisterAsync("typed_quick", "true", new AlgorithmInputs());
        var alicesJob = await _maap.Jobs.SubmitAsync(new JobRequest("typed_quick", "main", "maap-dps-worker-8gb"));
        await alicesJob.WaitForCompletionAsync(FastWait);
        await foreach (var item in bobMaap.Jobs.ListAsync())
        {
            Assert.Fail($"bob sees job {item.Id}");
        }

        var cancel = await Assert.ThrowsAsync<MaapRequestFailedException>(() => bobMaap.Jobs.CancelAsync(alicesJob.Id));
        Assert.Equal(HttpStatusCode.InternalServerError, cancel.Status);

        await _maap.Secrets.DeleteAsync("MY_TOKEN");
        await Assert.ThrowsAsync<SecretNotFoundException>(() => _maap.Secrets.DeleteAsync("MY_TOKEN"));
        Assert.Empty(await _maap.Secrets.ListAsync());
    }

    /// <summary>Reports synchronously, so the test sees every change before the wait returns.</summary>
    private sealed class SyncProgress(Action<JobStatusChange> report) : IProgress<JobStatusChange>
    {
        public void Report(JobStatusChange value) => report(value);
    }
}
