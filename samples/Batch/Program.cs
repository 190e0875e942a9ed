using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Maap.Algorithms;
using Maap.Samples;
using Batch;

// One program, two roles: inside a DPS job it squares its number; anywhere else it submits a batch of 50
// jobs under one tag with bounded concurrency, watches them all to completion and summarises the outcomes.
if (DpsJobContext.IsRunningInJob)
{
    var context = DpsJobContext.Current;
    var square = Square.FromContext(context);
    if (square.N % 25 == 0)
    {
        Console.Error.WriteLine($"refusing {square.N}: multiples of 25 are not allowed in this sample");
        return 1;
    }

    await File.WriteAllTextAsync(context.GetOutputPath("square.txt"), (square.N * square.N).ToString(CultureInfo.InvariantCulture));
    return 0;
}

const int JobCount = 50;
const int MaxConcurrency = 8;
try
{
    await using var host = await SampleHost.StartAsync(Console.Out);
    var maap = host.Client;
    await host.RegisterLocalAsync(Square.ToRegistration(), AppContext.BaseDirectory, "batch-square");
    var tag = "batch-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    var clock = Stopwatch.StartNew();

    // Submit and watch with at most MaxConcurrency jobs in flight from this client; each wait polls on its own
    // jittered backoff, so 50 waiters do not hit the API in step.
    var outcomes = new ConcurrentDictionary<int, (string Id, JobStatus Status)>();
    var waiting = new JobWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMinutes(10) };
    await Parallel.ForEachAsync(Enumerable.Range(1, JobCount), new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency }, async (n, cancellationToken) =>
    {
        var job = await new Square(n).SubmitAsync(maap, queue: host.Queue, tag: tag, cancellationToken: cancellationToken);
        var status = await job.WaitForCompletionAsync(waiting, cancellationToken: cancellationToken);
        outcomes[n] = (job.Id, status);
        Console.WriteLine($"  {n,3}: {status}");
    });

    Console.WriteLine($"\n{JobCount} jobs tagged {tag} finished in {clock.Elapsed.TotalSeconds:0.0} s:");
    foreach (var group in outcomes.Values.GroupBy(o => o.Status.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {group.Key,-10} {group.Count()}");
    }

    foreach (var (n, (id, _)) in outcomes.Where(o => o.Value.Status != JobStatus.Succeeded).OrderBy(o => o.Key))
    {
        var traceback = (await maap.Jobs.GetResultAsync(id)).Traceback ?? "(no traceback)";
        Console.WriteLine($"  failed {n}: {traceback.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim()}");
    }

    // The tag groups the batch on MAAP too: list it back.
    var listed = 0;
    await foreach (var _ in maap.Jobs.ListAsync(new JobListQuery { Tag = tag, PageSize = 20 }))
    {
        listed++;
    }

    Console.WriteLine($"  listed under the tag: {listed}");
    var expectedFailures = Enumerable.Range(1, JobCount).Count(n => n % 25 == 0);
    var failed = outcomes.Values.Count(o => o.Status != JobStatus.Succeeded);
    return outcomes.Count == JobCount && listed == JobCount && failed == expectedFailures ? 0 : 1;
}
catch (Exception ex) when (ex is InvalidOperationException or MaapRequestFailedException or MaapProtocolException or HttpRequestException or TimeoutException)
{
    Console.Error.WriteLine($"Batch failed: {ex.Message}");
    return 1;
}
