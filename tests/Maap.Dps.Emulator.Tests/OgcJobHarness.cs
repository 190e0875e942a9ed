using System.Net;
using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Tests;

/// <summary>
/// An emulator with the jobs the OGC job route tests need, submitted through WPS (the OGC routes work on any job):
/// <c>gate</c> runs until its work directory holds a file <c>go</c>, and holds the one-worker queue while it does, so a
/// job can be kept running or queued for as long as a test needs without timing.
/// </summary>
internal sealed class OgcJobHarness : IAsyncDisposable
{
    public const string OneWorker = "one-worker";
    public const string Fast = "fast";

    private OgcJobHarness(TestEmulator emu) => Emu = emu;

    public TestEmulator Emu { get; }

    public HttpClient Http => Emu.Http;

    public static async Task<OgcJobHarness> StartAsync()
    {
        var emu = await TestEmulator.StartAsync(o =>
        {
            o.Queues.Add(new QueueDefinition(OneWorker, 1, null));
            o.Queues.Add(new QueueDefinition(Fast, 4, null));
        });
        await emu.RegisterScriptAsync("gate", "while [ ! -f go ]; do sleep 0.05; done\nmkdir -p output\necho gated > output/gated.txt", queue: OneWorker);
        await emu.RegisterScriptAsync("quick", "mkdir -p output\necho ok > output/ok.txt", queue: Fast);
        await emu.RegisterScriptAsync("boom", "echo broken >&2\nexit 3", queue: Fast);
        return new OgcJobHarness(emu);
    }

    public Task<string> SubmitAsync(string algorithm, string queue, string tag = "test-job") =>
        TestEmulator.SubmitAsync(Http, $"job-{algorithm}:main", queue, tag);

    /// <summary>Submits <c>gate</c> and waits until it runs; it holds the one-worker queue until <see cref="ReleaseAsync"/>.</summary>
    public async Task<string> RunningGateAsync(string tag = "test-job")
    {
        var id = await SubmitAsync("gate", OneWorker, tag);
        await WaitForAsync(id, s => s == "running");
        return id;
    }

    public async Task ReleaseAsync(string gateId) =>
        await File.WriteAllTextAsync(Path.Combine(Emu.Emulator.DataDirectory, "jobs", gateId, "go"), string.Empty);

    /// <summary>Submits a job and waits until it ended; returns its id.</summary>
    public async Task<string> EndedAsync(string algorithm, string tag = "test-job")
    {
        var id = await SubmitAsync(algorithm, Fast, tag);
        await WaitForAsync(id, s => s is not ("accepted" or "running"));
        return id;
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Http).GetAsync(path);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, string Body)> DeleteAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Http).DeleteAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A 200 JSON answer of an OGC route, parsed.</summary>
    public async Task<JsonNode> OkJsonAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.EndsWith("\n", body);
        return JsonNode.Parse(body)!;
    }

    public async Task<string?> OgcStatusAsync(string id) =>
        (await OkJsonAsync($"api/ogc/jobs/{id}"))["status"]?.GetValue<string>();

    public async Task<string?> WaitForAsync(string id, Func<string?, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? status;
        while (!done(status = await OgcStatusAsync(id)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {id} still {status}");
            await Task.Delay(50);
        }

        return status;
    }

    /// <summary>The keys of a JSON object, in order.</summary>
    public static List<string> Keys(JsonNode node) => node.AsObject().Select(p => p.Key).ToList();

    public ValueTask DisposeAsync() => Emu.DisposeAsync();
}
