using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Tests;

public sealed class JobProductsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "maap-emu-products-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Jobs_of_one_tag_ending_in_the_same_microsecond_each_get_their_own_output_folder()
    {
        // Where the clock is coarse, several workers finish "at the same time": every one must still publish.
        var paths = new EmulatorPaths(_root);
        var products = new JobProducts(paths);
        var ended = new DateTimeOffset(2026, 11, 25, 1, 47, 34, TimeSpan.Zero).AddTicks(1234560);
        const int Workers = 16;
        var jobs = Enumerable.Range(0, Workers).Select(i =>
        {
            var job = Job("job-" + i);
            var output = Path.Combine(paths.WorkDirectory(job.Id), "output");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "square.txt"), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return job;
        }).ToList();

        using var start = new Barrier(Workers);
        var published = await Task.WhenAll(jobs.Select(job => Task.Run(() =>
        {
            start.SignalAndWait();
            return products.PublishOutput(job, paths.WorkDirectory(job.Id), ended);
        })));

        var folders = published.Select(p => (string)p["path"]!).ToList();
        Assert.Equal(Workers, folders.Distinct().Count());
        Assert.Equal(Workers, published.Select(p => (string)p["id"]!).Distinct().Count());
        Assert.Contains("alice/dps_output/square/main/batch/2026/11/25/01/47/34/123456", folders);
        for (var i = 0; i < Workers; i++)
        {
            var folder = paths.ResolveWorkspacePath(folders[i])!;
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(folder, "square.txt")));
            Assert.True(File.Exists(Path.Combine(folder, published[i]["id"] + ".met.json")));
        }
    }

    private static JobRecord Job(string id) => new()
    {
        Id = id,
        UserName = "alice",
        JobType = "job-square:main",
        AlgorithmName = "square",
        AlgorithmVersion = "main",
        Queue = "q",
        Tag = "batch",
        Tags = ["batch"],
        Status = JobState.Started,
        SubmittedMs = 0,
        HysdsJobId = "job-square__main-" + id,
        ContextJson = "{}",
    };
}
