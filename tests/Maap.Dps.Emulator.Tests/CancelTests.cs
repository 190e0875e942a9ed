using System.Net;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

public sealed class CancelTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync()
    {
        _emu = await TestEmulator.StartAsync(o => o.Queues.Add(new QueueDefinition("one-worker", 1, null)));
        await _emu.RegisterScriptAsync("long", "sleep 30 & echo $! > child.pid; wait", queue: "one-worker");
        await _emu.RegisterScriptAsync("quick", "true", queue: "one-worker");
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private Task<HttpResponseMessage> CancelAsync(string id, HttpClient? client = null, string query = "") =>
        (client ?? _emu.Http).PostAsync($"api/dps/job/cancel/{id}{query}", null);

    private static async Task AssertAccepted(HttpResponseMessage response, string id)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(id, doc.Root!.Element(TestEmulator.Wps + "JobID")!.Value);
        Assert.Equal("Accepted", doc.Root.Element(TestEmulator.Wps + "Status")!.Value);
    }

    [Fact]
    public async Task Cancel_while_running_kills_the_process_tree_and_ends_Dismissed_and_cancel_while_queued_purges()
    {
        var running = await _emu.SubmitAsync("job-long:main", "one-worker");
        var queued = await _emu.SubmitAsync("job-quick:main", "one-worker");
        await _emu.WaitForStatusAsync(running, s => s == "Running");
        var pidFile = Path.Combine(_emu.Emulator.DataDirectory, "jobs", running, "child.pid");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(pidFile) || (await File.ReadAllTextAsync(pidFile)).Trim().Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(20);
        }

        var childPid = int.Parse(await File.ReadAllTextAsync(pidFile));
        Assert.Equal("Accepted", await _emu.StatusAsync(queued));

        // Queued: purged, and from then on the job looks exactly like an unknown id.
        await AssertAccepted(await CancelAsync(queued), queued);
        Assert.Equal("Deleted", await _emu.StatusAsync(queued));

        // Running: revoked, the whole tree is killed.
        await AssertAccepted(await CancelAsync(running), running);
        Assert.Equal("Dismissed", await _emu.WaitForEndAsync(running));
        Assert.False(IsAlive(childPid), "the job's child process survived the cancel");

        // Terminal: 400 FailedJobCancel, labelled text/html.
        using var again = await CancelAsync(running);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("text/html; charset=utf-8", again.Content.Headers.ContentType!.ToString());
        var ex = XDocument.Parse(await again.Content.ReadAsStringAsync()).Root!.Element(TestEmulator.Ows + "Exception")!;
        Assert.Equal("FailedJobCancel", ex.Attribute("exceptionCode")!.Value);
        Assert.Equal("Dismiss", ex.Attribute("locator")!.Value);
        Assert.Equal("Not allowed to cancel job with status job-revoked", ex.Value);

        // The purged job was never run and the worker is free again.
        var next = await _emu.SubmitAsync("job-quick:main", "one-worker");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(next));
        Assert.False(Directory.Exists(Path.Combine(_emu.Emulator.DataDirectory, "jobs", queued)));
    }

    [Fact]
    public async Task Cancel_of_unknown_or_another_users_job_is_500_not_found()
    {
        var bob = _emu.Emulator.AddUser("bob-cancel");
        using var bobClient = _emu.NewClient(bob.Token);
        var alices = await _emu.SubmitAsync("job-quick:main", "one-worker");
        foreach (var (id, client) in new[] { (Guid.NewGuid().ToString(), _emu.Http), (alices, bobClient) })
        {
            using var response = await CancelAsync(id, client);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var ex = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(TestEmulator.Ows + "Exception")!;
            Assert.Equal("FailedJobSubmit", ex.Attribute("exceptionCode")!.Value);
            Assert.Equal($"Failed to dismiss job {id}. Please try again or contact DPS administrator. Job with id {id} was not found.", ex.Value);
        }

        Assert.NotEqual("Deleted", await _emu.StatusAsync(alices));
    }

    [Fact]
    public async Task Cancel_with_wait_for_completion_false_still_waits()
    {
        var id = await _emu.SubmitAsync("job-long:main", "one-worker");
        await _emu.WaitForStatusAsync(id, s => s == "Running");
        using var response = await CancelAsync(id, query: "?wait_for_completion=false");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Succeeded", XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(TestEmulator.Wps + "Status")!.Value);
        Assert.Equal("Dismissed", await _emu.StatusAsync(id));
    }

    internal static bool IsAlive(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (!File.Exists($"/proc/{pid}/stat") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal))
                {
                    return false;
                }
            }
            catch (IOException)
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return true;
    }
}
