using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maap.Algorithms;
using Maap.Dps.Emulator;
using TypedAlgorithm;

namespace Maap.Algorithms.EndToEnd.Tests;

/// <summary>
/// The whole typed contract on one machine: a generated record submits to the emulator over HTTP, the emulator
/// runs the C# algorithm built from the same record as a real process, the algorithm reads its typed inputs and
/// its secret inside the job, and the test downloads what it wrote.
/// </summary>
public sealed class TypedAlgorithmEndToEndTests : IAsyncLifetime
{
    private MaapEmulator _emulator = null!;
    private MaapClient _maap = null!;

    public async Task InitializeAsync()
    {
        _emulator = await MaapEmulator.StartAsync();
        _maap = new MaapClient(new MaapClientOptions
        {
            Host = _emulator.BaseAddress.GetLeftPart(UriPartial.Authority),
            ProxyTicket = _emulator.Token,
            Wait = { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(3) },
        });

        // The emulator copies the folder, as MAAP builds the repository into /app.
        var repository = Path.Combine(Directory.CreateTempSubdirectory("word-count-repo-").FullName, "word-count");
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "word-count"), repository);
        await _maap.Algorithms.RegisterAsync(WordCount.ToRegistration().WithRepository(repository));
    }

    public async Task DisposeAsync()
    {
        _maap.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_record_runs_as_a_CSharp_algorithm_that_reads_its_typed_inputs_and_its_secret()
    {
        const string secret = "e2e-secret-value";
        await _maap.Secrets.AddAsync("E2E_KEY", secret);
        var input = WriteInput("alpha beta Alpha gamma beta alpha");

        var job = await new WordCount(input, Top: 2, IgnoreCase: false, ApiKeySecret: new SecretName("E2E_KEY")).SubmitAsync(_maap, tag: "e2e");
        var status = await job.WaitForCompletionAsync(new JobWaitOptions { ThrowOnFailure = true, InitialDelay = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(3) });

        Assert.Equal(JobStatus.Succeeded, status);
        using var report = await DownloadReportAsync(job);
        var root = report.RootElement;
        Assert.Equal(job.Id, root.GetProperty("job").GetString());
        Assert.Equal(input.OriginalString, root.GetProperty("input").GetString());      // the file input's original URL
        Assert.Equal(6, root.GetProperty("words").GetInt32());                          // the downloaded file's content
        Assert.Equal(["alpha", "beta"], root.GetProperty("top").EnumerateObject().Select(p => p.Name)); // Top = 2, case-sensitive (config input)
        Assert.Equal(2, root.GetProperty("top").GetProperty("alpha").GetInt32());
        Assert.Equal(Fingerprint(secret), root.GetProperty("secret_sha256_prefix").GetString());
        Assert.Equal(WordCount.JobType, (await WordCount.ListJobsAsync(_maap, new JobListQuery { IncludeDetails = true }).FirstAsync()).Details?.Type);
    }

    [Fact]
    public async Task Config_input_defaults_and_an_unnamed_secret_reach_the_job_typed()
    {
        var input = WriteInput("Red red RED blue");

        var job = await new WordCount(input).SubmitAsync(_maap);     // Top = 5, IgnoreCase = true, no secret
        await job.WaitForCompletionAsync(new JobWaitOptions { ThrowOnFailure = true, InitialDelay = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(3) });

        using var report = await DownloadReportAsync(job);
        var top = report.RootElement.GetProperty("top");
        Assert.Equal(3, top.GetProperty("Red").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("secret_sha256_prefix").ValueKind);
    }

    [Fact]
    public async Task A_value_rule_fails_before_any_request()
    {
        var before = await _maap.Jobs.ListAsync().CountAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => new WordCount(WriteInput("x"), Top: 0).SubmitAsync(_maap));

        Assert.Equal(before, await _maap.Jobs.ListAsync().CountAsync());
    }

    private async Task<JsonDocument> DownloadReportAsync(MaapJob job)
    {
        var folder = (await job.GetResultAsync()).Outputs.Single(o => o.Id.StartsWith("output-", StringComparison.Ordinal)).HttpUrl;
        using var http = new HttpClient();
        return JsonDocument.Parse(await http.GetStringAsync($"{folder}/word-count.json"));
    }

    private static Uri WriteInput(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("word-count-input-").FullName, "words.txt");
        File.WriteAllText(path, text);
        return new Uri(path);
    }

    private static string Fingerprint(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
