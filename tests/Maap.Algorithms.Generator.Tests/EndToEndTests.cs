using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maap.Algorithms.Generator.Tests.Algorithm;
using Maap.Dps.Emulator;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>
/// The whole loop on the emulator: a record registers and submits itself, the emulator runs the C# algorithm built
/// from the same record, the job reads its typed inputs and both secrets, and the test downloads what it wrote.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task A_record_submits_to_the_emulator_and_its_algorithm_reads_typed_inputs_and_secrets_in_the_job()
    {
        await using var session = await ProbeSession.StartAsync();
        var (work, maap) = (session.Work, session.Maap);
        var fixedValue = "fixed-" + Guid.NewGuid().ToString("N");
        var chosenValue = "chosen-" + Guid.NewGuid().ToString("N");
        await maap.Secrets.AddAsync("E2E_FIXED_TOKEN", fixedValue);
        await maap.Secrets.AddAsync("jane_token", chosenValue);
        var input = Path.Combine(work, "granule notes.txt");
        await File.WriteAllTextAsync(input, "hello from the submitter");

        var probe = new EndToEndProbe(new Uri(input), Scale: 3, Label: "two words 'quoted'", Values: new[] { 0.1, 2.5e-8 }, TokenSecret: "jane_token", Day: new DateOnly(2024, 2, 29));
        var job = await probe.SubmitAsync(maap, tag: "generator-e2e");
        var status = await job.WaitForCompletionAsync(new JobWaitOptions { ThrowOnFailure = true, Timeout = TimeSpan.FromMinutes(3) });

        Assert.Equal(JobStatus.Succeeded, status);
        Assert.Equal("generator-e2e", job.AlgorithmId);
        var folder = (await job.GetResultAsync()).Outputs.Single(o => o.Id.StartsWith("output-", StringComparison.Ordinal)).HttpUrl;
        using var http = new HttpClient();
        using var result = JsonDocument.Parse(await http.GetStringAsync(folder + "/result.json"));
        var seen = result.RootElement;
        Assert.Equal("two words 'quoted'", seen.GetProperty("label").GetString());
        Assert.Equal(3, seen.GetProperty("scale").GetInt32());
        Assert.Equal("0.1;2.5E-08", seen.GetProperty("values").GetString());
        Assert.Equal("2024-02-29", seen.GetProperty("day").GetString());
        Assert.Equal(new Uri(input).OriginalString, seen.GetProperty("input_url").GetString());
        Assert.Equal("hello from the submitter", seen.GetProperty("input_text").GetString());
        Assert.Equal("jane_token", seen.GetProperty("secret_name").GetString());
        Assert.Equal(Fingerprint(fixedValue), seen.GetProperty("fixed_sha256").GetString());
        Assert.Equal(Fingerprint(chosenValue), seen.GetProperty("chosen_sha256").GetString());

        // The typed list finds the job under this algorithm's job_type.
        var listed = new List<string>();
        await foreach (var item in EndToEndProbe.ListJobsAsync(maap))
        {
            listed.Add(item.Id);
        }

        Assert.Contains(job.Id, listed);
        Assert.Equal(job.Id, EndToEndProbe.Job.Attach(maap, job.Id).Id);
    }

    [Fact]
    public async Task The_record_deployed_as_an_OGC_process_runs_its_csharp_algorithm_which_reads_every_input_kind_back()
    {
        await using var session = await ProbeSession.StartAsync(overWps: false);
        var (work, maap) = (session.Work, session.Maap);
        var fixedValue = "fixed-" + Guid.NewGuid().ToString("N");
        var chosenValue = "chosen-" + Guid.NewGuid().ToString("N");
        await maap.Secrets.AddAsync("E2E_FIXED_TOKEN", fixedValue);
        await maap.Secrets.AddAsync("jane_token", chosenValue);
        var input = Path.Combine(work, "granule notes.txt");
        await File.WriteAllTextAsync(input, "hello over OGC");

        // On MAAP the CWL names the repository to build; on the emulator the local folder is copied instead.
        var cwl = ProcessCwl.WithCodeRepository(EndToEndProbe.ToCwl(), session.Repository);
        Assert.Contains("\ns:codeRepository: " + session.Repository + "\n", cwl, StringComparison.Ordinal);
        Assert.Contains("\n  baseCommand: dotnet\n  arguments:\n  - /app/generator-e2e/Maap.Algorithms.Generator.Tests.Algorithm.dll\n", cwl, StringComparison.Ordinal);
        var deployment = await maap.Processes.DeployAsync(cwl);
        deployment = await maap.Processes.WaitForDeploymentAsync(deployment.DeploymentId, new JobWaitOptions { Timeout = TimeSpan.FromMinutes(2) });
        Assert.True(deployment.HasSucceeded, deployment.ToString());

        var probe = new EndToEndProbe(new Uri(input), Scale: 4, Label: "--label 'quoted' words", Values: new[] { -0.5, 1e300 }, TokenSecret: "jane_token", Day: new DateOnly(2023, 12, 31));
        var job = await probe.SubmitAsync(maap, tag: "generator-e2e-ogc");
        var status = await job.WaitForCompletionAsync(new JobWaitOptions { ThrowOnFailure = true, Timeout = TimeSpan.FromMinutes(3) });

        Assert.Equal(JobStatus.Succeeded, status);
        var folder = (await job.GetResultAsync()).Outputs.Single(o => o.Id.StartsWith("output-", StringComparison.Ordinal)).HttpUrl;
        using var http = new HttpClient();
        using var result = JsonDocument.Parse(await http.GetStringAsync(folder + "/result.json"));
        var seen = result.RootElement;
        Assert.Equal("--label 'quoted' words", seen.GetProperty("label").GetString());
        Assert.Equal(4, seen.GetProperty("scale").GetInt32());
        Assert.Equal("-0.5;1E+300", seen.GetProperty("values").GetString());
        Assert.Equal("2023-12-31", seen.GetProperty("day").GetString());
        Assert.Equal("hello over OGC", seen.GetProperty("input_text").GetString());
        Assert.Equal("jane_token", seen.GetProperty("secret_name").GetString());
        Assert.Equal(Fingerprint(fixedValue), seen.GetProperty("fixed_sha256").GetString());
        Assert.Equal(Fingerprint(chosenValue), seen.GetProperty("chosen_sha256").GetString());
        Assert.Equal("granule notes.txt", Path.GetFileName(seen.GetProperty("input_url").GetString()));

        // Nothing was registered over WPS: the job ran as the deployed process (Auto found it), and is listed under it.
        var underProcess = new List<string>();
        await foreach (var item in maap.Jobs.ListAsync(new JobListQuery { ProcessId = deployment.ProcessId }))
        {
            underProcess.Add(item.Id);
        }

        Assert.Equal([job.Id], underProcess);
    }

    [Fact]
    public async Task A_failing_csharp_algorithm_ends_its_traceback_with_the_exception_message_and_its_whole_stderr_is_reachable()
    {
        await using var session = await ProbeSession.StartAsync();
        var (work, maap) = (session.Work, session.Maap);
        var input = Path.Combine(work, "notes.txt");
        await File.WriteAllTextAsync(input, "unused");

        var job = await new EndToEndProbe(new Uri(input), Scale: 2, Label: "fail", Values: [1.0], TokenSecret: "unused").SubmitAsync(maap);
        var status = await job.WaitForCompletionAsync(new JobWaitOptions { Timeout = TimeSpan.FromMinutes(3) });

        Assert.Equal(JobStatus.Failed, status);
        var result = await job.GetResultAsync();
        const string summary = "System.InvalidOperationException: the probe was asked to fail (scale 2)";
        Assert.Equal(summary, result.Traceback!.TrimEnd().Split('\n')[^1]);
        using var http = new HttpClient();
        var stderr = await http.GetStringAsync(result.StderrUrl);
        Assert.Contains("at Program.<Main>$", stderr, StringComparison.Ordinal);
        Assert.Equal(summary, stderr.TrimEnd().Split('\n')[^1]);
    }

    /// <summary>
    /// An emulator whose one input folder is a fresh work folder, a client for it, and the probe algorithm registered
    /// from its build output (the emulator copies a local folder as MAAP would clone and build a repository).
    /// </summary>
    private sealed class ProbeSession : IAsyncDisposable
    {
        private ProbeSession(string work, MaapEmulator emulator, MaapClient maap) => (Work, Emulator, Maap) = (work, emulator, maap);

        public string Work { get; }

        /// <summary>The probe's build output as a repository folder named like the run command's first path segment.</summary>
        public string Repository => Path.Combine(Work, "generator-e2e");

        private MaapEmulator Emulator { get; }

        public MaapClient Maap { get; }

        /// <param name="overWps">Whether to register the probe over WPS; without it the folder is only prepared, for an OGC deploy.</param>
        public static async Task<ProbeSession> StartAsync(bool overWps = true)
        {
            var work = Directory.CreateTempSubdirectory("maap-generator-e2e-").FullName;
            var emulator = await MaapEmulator.StartAsync(new MaapEmulatorOptions { LocalInputDirectories = { work } });
            var maap = new MaapClient(new MaapClientOptions
            {
                Host = emulator.BaseAddress.GetLeftPart(UriPartial.Authority),
                ProxyTicket = emulator.Token,
                Wait = { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
            });
            var session = new ProbeSession(work, emulator, maap);
            try
            {
                CopyDirectory(AlgorithmBuildOutput(), session.Repository);
                if (overWps)
                {
                    await maap.Algorithms.RegisterAsync(EndToEndProbe.ToRegistration().WithRepository(session.Repository));
                }

                return session;
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Maap.Dispose();
            await Emulator.DisposeAsync();
            Directory.Delete(Work, recursive: true);
        }
    }

    private static string AlgorithmBuildOutput()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dir = Path.Combine(DiagnosticTests.RepoRoot(), "tests", "Maap.Algorithms.Generator.Tests.Algorithm", "bin", configuration, "net10.0");
        Assert.True(File.Exists(Path.Combine(dir, "Maap.Algorithms.Generator.Tests.Algorithm.dll")), "build the solution first: " + dir);
        return dir;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string Fingerprint(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
