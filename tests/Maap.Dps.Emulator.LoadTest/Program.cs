using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator;

// Load harness for the MAAP DPS emulator. Bounded in job count and wall time, loopback only.
//   dotnet run -c Release --project tests/Maap.Dps.Emulator.LoadTest -- [--jobs 1000] [--clients 16] [--stored 10000] [--workers 4] [--timeout 300]
var jobs = Arg("--jobs", 1000, 1, 20_000);
var clients = Arg("--clients", 16, 1, 64);
var stored = Arg("--stored", 10_000, 0, 50_000);
var workers = Arg("--workers", 4, 1, 64);
var timeout = TimeSpan.FromSeconds(Arg("--timeout", 300, 10, 3600));
var budget = Stopwatch.StartNew();

var options = new MaapEmulatorOptions { Urls = "http://127.0.0.1:0" };
options.Users.Add(new EmulatorUser("load", "load-token"));
options.Queues.Add(new QueueDefinition("load", workers, null));
options.Queues.Add(new QueueDefinition("held", 1, null));
await using var emulator = await MaapEmulator.StartAsync(options);
if (!IPAddress.IsLoopback(IPAddress.Parse(emulator.BaseAddress.Host)))
{
    throw new InvalidOperationException("The load test only runs against 127.0.0.1.");
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 };
using var http = new HttpClient(handler) { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Add("proxy-ticket", emulator.Token);

var repo = Path.Combine(emulator.DataDirectory, "load-repo", "noop");
Directory.CreateDirectory(repo);
await File.WriteAllTextAsync(Path.Combine(repo, "run.sh"), "#!/usr/bin/env bash\nmkdir -p output\necho ok > output/ok.txt\n");
File.SetUnixFileMode(Path.Combine(repo, "run.sh"), (UnixFileMode)0b111_101_101);
await Register("noop", "load", repo, "noop/run.sh");
await File.WriteAllTextAsync(Path.Combine(repo, "hold.sh"), "#!/usr/bin/env bash\nsleep 3600\n");
File.SetUnixFileMode(Path.Combine(repo, "hold.sh"), (UnixFileMode)0b111_101_101);
await Register("hold", "held", repo, "noop/hold.sh");

Console.WriteLine($"Emulator at {emulator.BaseAddress} ({Environment.ProcessorCount} CPUs); {jobs} jobs from {clients} clients, {workers} workers.");

// 1. Submit `jobs` trivial jobs from `clients` concurrent clients.
var phase = Stopwatch.StartNew();
var (submitted, submitSeconds, submitLatencies) = await SubmitMany("noop", "load", jobs);
Console.WriteLine($"accepted: {submitted.Count} in {submitSeconds:F2} s");

// 2. Wait for every one to finish.
await WaitForAll(submitted);
var runSeconds = phase.Elapsed.TotalSeconds;
Console.WriteLine($"completed: {submitted.Count} in {runSeconds:F2} s after the first submission");

// 3. Fill the store to `stored` jobs (held in a queue whose only worker is busy) and time list pages.
var blocker = (await SubmitMany("hold", "held", 1)).Ids[0];
var fill = Math.Max(0, stored - submitted.Count - 1);
var (filled, fillSeconds, fillLatencies) = await SubmitMany("hold", "held", fill);
Console.WriteLine($"stored: {submitted.Count + filled.Count + 1} jobs ({filled.Count} more submitted in {fillSeconds:F2} s)");
var listDetails = await TimeList("api/dps/job/list?page_size=100", 200);
var listCompact = await TimeList("api/dps/job/list?page_size=100&get_job_details=false", 200);
var listFiltered = await TimeList("api/dps/job/list?page_size=100&status=Succeeded&job_type=job-noop:main", 200);
var listTag = await TimeList("api/dps/job/list?page_size=250&get_job_details=false&tag=load-7", 200);
var listDeep = await TimeList($"api/dps/job/list?page_size=100&offset={Math.Max(0, stored - 200)}", 100);

var all = submitLatencies.Concat(fillLatencies).ToList();
var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"| measure | value |")
    .AppendLine("| --- | --- |")
    .AppendLine(CultureInfo.InvariantCulture, $"| jobs submitted (trivial bash algorithm) | {submitted.Count} from {clients} concurrent clients |")
    .AppendLine(CultureInfo.InvariantCulture, $"| accepted jobs/s | {submitted.Count / submitSeconds:F0} |")
    .AppendLine(CultureInfo.InvariantCulture, $"| submit latency p50 / p99 | {P(submitLatencies, 50):F1} ms / {P(submitLatencies, 99):F1} ms |")
    .AppendLine(CultureInfo.InvariantCulture, $"| completed jobs/s ({workers} workers, first submit to last completion) | {submitted.Count / runSeconds:F0} |")
    .AppendLine(CultureInfo.InvariantCulture, $"| accepted jobs/s while filling to {stored:N0} stored jobs | {filled.Count / Math.Max(fillSeconds, 0.001):F0} (p99 {P(fillLatencies, 99):F1} ms) |")
    .AppendLine(CultureInfo.InvariantCulture, $"| list, 100 with details, {stored:N0} stored: p50 / p99 | {P(listDetails, 50):F1} ms / {P(listDetails, 99):F1} ms |")
    .AppendLine(CultureInfo.InvariantCulture, $"| list, 100 compact: p50 / p99 | {P(listCompact, 50):F1} ms / {P(listCompact, 99):F1} ms |")
    .AppendLine(CultureInfo.InvariantCulture, $"| list, status + job_type filter, details: p50 / p99 | {P(listFiltered, 50):F1} ms / {P(listFiltered, 99):F1} ms |")
    .AppendLine(CultureInfo.InvariantCulture, $"| list, tag filter, 250 compact: p50 / p99 | {P(listTag, 50):F1} ms / {P(listTag, 99):F1} ms |")
    .AppendLine(CultureInfo.InvariantCulture, $"| list, last page (offset {Math.Max(0, stored - 200)}), details: p50 / p99 | {P(listDeep, 50):F1} ms / {P(listDeep, 99):F1} ms |")
    .AppendLine(CultureInfo.InvariantCulture, $"| all submissions p50 / p99 | {P(all, 50):F1} ms / {P(all, 99):F1} ms |");
Console.WriteLine();
Console.Write(report);
_ = blocker;
return 0;

int Arg(string name, int fallback, int min, int max)
{
    var i = Array.IndexOf(args, name);
    var value = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    return Math.Clamp(value, min, max);
}

async Task Register(string name, string queue, string repoPath, string runCommand)
{
    var body = new JsonObject
    {
        ["algorithm_name"] = name, ["algorithm_version"] = "main", ["repository_url"] = repoPath + ".git",
        ["run_command"] = runCommand, ["queue"] = queue,
        ["inputs"] = new JsonObject { ["file"] = new JsonArray(), ["config"] = new JsonArray(), ["positional"] = new JsonArray() },
    }.ToJsonString();
    using var response = await http.PostAsync("api/mas/algorithm", new StringContent(body, Encoding.UTF8, "application/json"));
    response.EnsureSuccessStatusCode();
}

async Task<(List<string> Ids, double Seconds, List<double> Latencies)> SubmitMany(string algorithm, string queue, int count)
{
    var ids = new string[count];
    var latencies = new double[count];
    var next = -1;
    var clock = Stopwatch.StartNew();
    var tasks = Enumerable.Range(0, Math.Min(clients, Math.Max(count, 1))).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            if (budget.Elapsed > timeout)
            {
                throw new TimeoutException("The load test ran out of its time budget while submitting.");
            }

            var xml = "<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/2.0\" xmlns:ows=\"http://www.opengis.net/ows/2.0\">" +
                      $"<ows:Identifier>job-{algorithm}:main</ows:Identifier>" +
                      $"<wps:Input id=\"identifier\"><wps:Data><wps:LiteralValue>load-{i % 10}</wps:LiteralValue></wps:Data></wps:Input>" +
                      $"<wps:Input id=\"queue\"><wps:Data><wps:LiteralValue>{queue}</wps:LiteralValue></wps:Data></wps:Input>" +
                      "<wps:Output id=\"result\" transmission=\"value\"/></wps:Execute>";
            var start = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync("api/dps/job", new StringContent(xml, Encoding.UTF8, "application/echo10+xml"));
            var text = await response.Content.ReadAsStringAsync();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"submit failed: {(int)response.StatusCode} {text}");
            }

            var open = text.IndexOf("<wps:JobID>", StringComparison.Ordinal) + "<wps:JobID>".Length;
            ids[i] = text[open..text.IndexOf("</wps:JobID>", StringComparison.Ordinal)];
        }
    }).ToList();
    await Task.WhenAll(tasks);
    return (ids.ToList(), clock.Elapsed.TotalSeconds, latencies.ToList());
}

async Task WaitForAll(List<string> ids)
{
    var pending = new HashSet<string>(ids);
    while (pending.Count > 0)
    {
        if (budget.Elapsed > timeout)
        {
            throw new TimeoutException($"{pending.Count} jobs still not finished when the time budget ran out.");
        }

        for (var offset = 0; ; offset += 250)
        {
            var body = JsonNode.Parse(await http.GetStringAsync(
                $"api/dps/job/list?page_size=250&get_job_details=false&status=Succeeded&job_type=job-noop:main&offset={offset}"))!;
            var items = body["jobs"]!.AsArray();
            foreach (var item in items)
            {
                pending.Remove(item!["id"]!.GetValue<string>());
            }

            if (items.Count < 250)
            {
                break;
            }
        }

        if (pending.Count > 0)
        {
            await Task.Delay(100);
        }
    }
}

async Task<List<double>> TimeList(string path, int count)
{
    var latencies = new List<double>(count);
    using (var warm = await http.GetAsync(path))
    {
        warm.EnsureSuccessStatusCode();
    }

    for (var i = 0; i < count && budget.Elapsed < timeout; i++)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        response.EnsureSuccessStatusCode();
    }

    return latencies;
}

static double P(List<double> values, int percentile)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}
