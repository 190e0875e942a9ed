using System.Diagnostics;
using System.Text.Json;
using Maap.Algorithms;
using Maap.Samples;
using Quickstart;
using TypedAlgorithm;

// The five-minute tour: secrets, a typed submission of MAAP's own example, live status, results and outputs,
// a typed C# algorithm that reads its secret inside the job, the same record deployed and run over OGC, the job list. Exit 0 only if every step worked.
var step = "starting";
try
{
    await using var host = await SampleHost.StartAsync(Console.Out);
    var maap = host.Client;
    using var http = new HttpClient();
    const string secretName = "QUICKSTART_API_KEY";
    var secretValue = "qs-" + Guid.NewGuid().ToString("N");
    var tag = "quickstart-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    step = "adding a secret";
    Console.WriteLine($"\n1. Add the secret {secretName}");
    try
    {
        await maap.Secrets.DeleteAsync(secretName);
    }
    catch (SecretNotFoundException)
    {
    }

    await maap.Secrets.AddAsync(secretName, secretValue);
    Console.WriteLine($"   secrets now: {string.Join(", ", await maap.Secrets.ListAsync())}");

    step = "submitting run-dps-test_ubuntu:delay10";
    Console.WriteLine("\n2. Submit MAAP's jobs-guide example as a typed record");
    var inputUrl = host.IsEmulator
        ? WriteLocalInput(host.InputDirectory!)
        : new Uri("https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md");
    var job = await new RunDpsTest(inputUrl).SubmitAsync(maap, queue: host.Queue, tag: tag);
    Console.WriteLine($"   job {job.Id} ({RunDpsTest.JobType} on {host.Queue})");

    step = "watching the job";
    Console.WriteLine("\n3. Watch it (the algorithm sleeps 10 s)");
    await WaitAsync(job);

    step = "reading the result";
    Console.WriteLine("\n4. Result URLs and the output file");
    var result = await job.GetResultAsync();
    foreach (var output in result.Outputs)
    {
        Console.WriteLine($"   {output.Id}");
        foreach (var url in output.Urls)
        {
            Console.WriteLine($"     {url.Kind,-7} {url.Value}");
        }
    }

    var folder = result.Outputs.Single(o => o.Id.StartsWith("output-", StringComparison.Ordinal)).HttpUrl!;
    var copied = await http.GetStringAsync($"{folder}/{Path.GetFileName(inputUrl.LocalPath)}");
    Console.WriteLine($"   downloaded {Path.GetFileName(inputUrl.LocalPath)}: \"{copied.Split('\n')[0].Trim()}\" …");
    var metrics = await job.GetMetricsAsync();
    Console.WriteLine($"   ran {metrics.JobDuration?.TotalSeconds:0.0} s, work dir {metrics.DirectorySize} bytes");

    if (host.IsEmulator)
    {
        step = "registering the typed C# algorithm";
        Console.WriteLine("\n5. Register and run a typed C# algorithm that reads its secret inside the job");
        await host.RegisterLocalAsync(WordCount.ToRegistration(), Path.Combine(AppContext.BaseDirectory, "word-count"), "word-count");
        Console.WriteLine($"   registered {WordCount.JobType}");

        step = "running the typed C# algorithm";
        var wordCount = await new WordCount(inputUrl, Top: 3, ApiKeySecret: new SecretName(secretName)).SubmitAsync(maap, queue: host.Queue, tag: tag);
        Console.WriteLine($"   job {wordCount.Id}");
        await WaitAsync(wordCount);
        var counted = (await wordCount.GetResultAsync()).Outputs.Single(o => o.Id.StartsWith("output-", StringComparison.Ordinal)).HttpUrl!;
        using var report = JsonDocument.Parse(await http.GetStringAsync(counted + "/word-count.json"));
        var top = string.Join(", ", report.RootElement.GetProperty("top").EnumerateObject().Select(p => $"{p.Name} ×{p.Value}"));
        Console.WriteLine($"   {report.RootElement.GetProperty("words")} words; most frequent: {top}");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secretValue)))[..16];
        if (report.RootElement.GetProperty("secret_sha256_prefix").GetString() != expected)
        {
            throw new InvalidOperationException("the job did not read the secret that was added");
        }

        Console.WriteLine("   the job read the secret (its fingerprint matches; the value itself never left the job)");

        step = "deploying the typed C# algorithm as an OGC process";
        Console.WriteLine("\n6. Deploy the same record as an OGC process (its ToCwl()) and run it over OGC API – Processes");
        var processId = await host.DeployLocalAsync(WordCount.ToCwl(), Path.Combine(AppContext.BaseDirectory, "word-count"), "word-count");
        Console.WriteLine($"   deployed as process {processId}");

        step = "running the OGC process";
        // The same typed submit: the client finds word-count:main among deployed processes and uses OGC.
        var overOgc = await new WordCount(inputUrl, Top: 2, IgnoreCase: false, ApiKeySecret: new SecretName(secretName)).SubmitAsync(maap, queue: host.Queue, tag: tag);
        Console.WriteLine($"   job {overOgc.Id}");
        await WaitAsync(overOgc);
        var ogcOutput = (await overOgc.GetResultAsync()).Outputs.Single(o => o.Id.StartsWith("output-", StringComparison.Ordinal)).HttpUrl!;
        using var ogcReport = JsonDocument.Parse(await http.GetStringAsync(ogcOutput + "/word-count.json"));
        if (ogcReport.RootElement.GetProperty("top").EnumerateObject().Count() != 2
            || ogcReport.RootElement.GetProperty("secret_sha256_prefix").GetString() != expected)
        {
            throw new InvalidOperationException("the OGC job did not read Top = 2 or the secret");
        }

        Console.WriteLine($"   {ogcReport.RootElement.GetProperty("words")} words; the job read Top = 2 from its OGC arguments, and the secret");
    }
    else
    {
        Console.WriteLine("\n5-6. (skipped on real MAAP: registering or deploying the C# algorithm builds or pulls a container; see samples/TypedAlgorithm)");
    }

    step = "listing jobs";
    Console.WriteLine($"\n7. List the jobs tagged {tag}");
    await foreach (var item in maap.Jobs.ListAsync(new JobListQuery { Tag = tag, IncludeDetails = true }))
    {
        Console.WriteLine($"   {item.Id}  {item.Details?.AlgorithmId + ":" + item.Details?.AlgorithmVersion,-36} {item.Details?.Status}");
    }

    step = "deleting the secret";
    Console.WriteLine($"\n8. Delete the secret {secretName}");
    await maap.Secrets.DeleteAsync(secretName);

    Console.WriteLine("\nAll steps worked.");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"\nQuickstart failed while {step}: {ex.Message}");
    return 1;
}

static async Task WaitAsync(MaapJob job)
{
    var clock = Stopwatch.StartNew();
    var final = await job.WaitForCompletionAsync(
        c => Console.WriteLine($"   {clock.Elapsed:mm\\:ss}  {c.Current}"),
        new JobWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMinutes(10), ThrowOnFailure = true });
    Console.WriteLine($"   finished: {final}");
}

static Uri WriteLocalInput(string inputDirectory)
{
    var path = Path.Combine(inputDirectory, "README.md");
    File.WriteAllText(path, """
        # DPS unit test input
        The quickstart's input file. The run-dps-test_ubuntu algorithm copies it into its output folder,
        and the word-count algorithm counts the words of the file and the words of the quickstart.
        """);
    return new Uri(path);
}
