using System.Net;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

/// <summary>
/// What "Running" promises the moment the API first reports it: the job's work dir exists and its code is held, so
/// nothing done to the algorithm afterwards reaches the job. Each test holds the job at that moment through the
/// runner's test seam, instead of hoping to hit the window with timing.
/// </summary>
public sealed class JobStartTests : IAsyncLifetime
{
    private readonly TaskCompletionSource<string> _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync(o => o.AfterJobMarkedStarted = async id =>
    {
        _running.TrySetResult(id);
        await _release.Task;
    });

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _emu.DisposeAsync();
    }

    [Fact]
    public async Task An_algorithm_deleted_the_moment_its_job_is_Running_leaves_that_job_its_code()
    {
        await RegisterAsync("first");
        var id = await SubmitAndHoldAsync();

        using (var deleted = await _emu.Http.DeleteAsync("api/mas/algorithm/held:main"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        _release.SetResult();
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        Assert.Equal("first\n", await OutputAsync(id));
    }

    [Fact]
    public async Task An_algorithm_registered_again_the_moment_its_job_is_Running_leaves_that_job_the_code_it_started_with()
    {
        await RegisterAsync("first");
        var id = await SubmitAndHoldAsync();
        await RegisterAsync("second");

        _release.SetResult();
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        Assert.Equal("first\n", await OutputAsync(id));
    }

    [Fact]
    public async Task A_Running_job_already_has_its_work_dir()
    {
        await RegisterAsync("first");
        var id = await SubmitAndHoldAsync();

        var workDir = Path.Combine(_emu.Emulator.DataDirectory, "jobs", id);
        Assert.True(File.Exists(Path.Combine(workDir, "_job.json")), "Running, but _job.json is not written");
        Assert.True(File.Exists(Path.Combine(workDir, "_context.json")), "Running, but _context.json is not written");
        Assert.True(Directory.Exists(Path.Combine(workDir, "input")), "Running, but input/ does not exist");
        Assert.True(Directory.Exists(Path.Combine(workDir, "output")), "Running, but output/ does not exist");
        _release.SetResult();
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
    }

    [Fact]
    public async Task A_job_cancelled_before_its_command_starts_never_starts_it()
    {
        await RegisterAsync("first");
        var id = await SubmitAndHoldAsync();

        using (var cancel = await _emu.Http.PostAsync($"api/dps/job/cancel/{id}", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        _release.SetResult();
        Assert.Equal("Dismissed", await _emu.WaitForEndAsync(id));
        var workDir = Path.Combine(_emu.Emulator.DataDirectory, "jobs", id);
        Assert.False(File.Exists(Path.Combine(workDir, "_exit_code")), "the command of a job cancelled before it started was run");
    }

    /// <summary>Registers <c>held:main</c>, whose script publishes the text its own code directory holds.</summary>
    private Task RegisterAsync(string text) => _emu.RegisterScriptAsync("held", """
        set -e
        mkdir -p output
        cat "$(dirname "$0")/data.txt" > output/data.txt
        """, prepareRepo: repo => File.WriteAllText(Path.Combine(repo, "data.txt"), text + "\n"));

    private async Task<string> SubmitAndHoldAsync()
    {
        var id = await _emu.SubmitAsync("job-held:main", "maap-dps-worker-8gb");
        Assert.Equal(id, await _running.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Running", await _emu.StatusAsync(id));
        return id;
    }

    private async Task<string> OutputAsync(string id)
    {
        var folder = (await _emu.ResultAsync(id)).Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;
        return await _emu.Anonymous.GetStringAsync(folder + "/data.txt");
    }
}
