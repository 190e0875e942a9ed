using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maap.Algorithms;
using Maap.Samples;
using SecretsInJob;

// One program, two roles: inside a DPS job it is the algorithm; anywhere else it registers itself, stores
// the secrets, submits itself and checks what the job saw.
return DpsJobContext.IsRunningInJob ? await RunInJobAsync() : await SubmitAsync();

static async Task<int> RunInJobAsync()
{
    var context = DpsJobContext.Current;
    var probe = SecretsProbe.FromContext(context);

    // Both fetches use the job's own credentials (MAAP_PGT, MAAP_API_HOST) and are cached for the process.
    var gee = await SecretsProbe.GetGeeTokenSecretAsync(context);
    var earthdata = await probe.GetEarthdataSecretValueAsync(context);

    // Never write a secret value anywhere: a fingerprint is enough to show the job read the right one.
    await File.WriteAllTextAsync(context.GetOutputPath("secrets.json"), JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["GEE_TOKEN"] = Fingerprint(gee),
        [probe.EarthdataSecret.Value] = Fingerprint(earthdata),
    }));
    Console.WriteLine($"read GEE_TOKEN and {probe.EarthdataSecret} with the job's credentials");
    return 0;
}

static async Task<int> SubmitAsync()
{
    try
    {
        await using var host = await SampleHost.StartAsync(Console.Out);
        var maap = host.Client;
        var secrets = new Dictionary<string, string> { ["GEE_TOKEN"] = "gee-" + Guid.NewGuid().ToString("N"), ["jane_earthdata"] = "ed-" + Guid.NewGuid().ToString("N") };
        foreach (var (name, value) in secrets)
        {
            await maap.Secrets.AddAsync(name, value);
            Console.WriteLine($"stored secret {name}");
        }

        await host.RegisterLocalAsync(SecretsProbe.ToRegistration(), AppContext.BaseDirectory, "secrets-in-job");
        Console.WriteLine($"registered {SecretsProbe.JobType}");

        var job = await new SecretsProbe(EarthdataSecret: "jane_earthdata").SubmitAsync(maap, queue: host.Queue);
        var status = await job.WaitForCompletionAsync(new JobWaitOptions { ThrowOnFailure = true, Timeout = TimeSpan.FromMinutes(5) });
        Console.WriteLine($"job {job.Id}: {status}");

        using var http = new HttpClient();
        var folder = (await job.GetResultAsync()).Outputs.Single(o => o.Id.StartsWith("output-", StringComparison.Ordinal)).HttpUrl;
        var seen = JsonSerializer.Deserialize<Dictionary<string, string>>(await http.GetStringAsync($"{folder}/secrets.json"))!;
        foreach (var (name, value) in secrets)
        {
            var match = seen.TryGetValue(name, out var fingerprint) && fingerprint == Fingerprint(value);
            Console.WriteLine($"  the job read {name}: {(match ? "yes, the fingerprint matches" : "NO")}");
            if (!match)
            {
                return 1;
            }
        }

        // A secret the submitter never stored: the job fails, and its traceback names the secret, not a value.
        var missing = await new SecretsProbe(EarthdataSecret: "not_stored_anywhere").SubmitAsync(maap, queue: host.Queue);
        var missingStatus = await missing.WaitForCompletionAsync();
        var traceback = (await missing.GetResultAsync()).Traceback ?? string.Empty;
        var lastLine = traceback.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => l.Contains("not_stored_anywhere", StringComparison.Ordinal));
        Console.WriteLine($"a job naming a missing secret ends {missingStatus}: {lastLine?.Trim()}");

        foreach (var name in secrets.Keys)
        {
            await maap.Secrets.DeleteAsync(name);
        }

        return missingStatus == JobStatus.Failed && lastLine is not null ? 0 : 1;
    }
    catch (Exception ex) when (ex is InvalidOperationException or MaapRequestFailedException or MaapProtocolException or DpsJobFailedException or HttpRequestException or TimeoutException)
    {
        Console.Error.WriteLine($"SecretsInJob failed: {ex.Message}");
        return 1;
    }
}

static string Fingerprint(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
