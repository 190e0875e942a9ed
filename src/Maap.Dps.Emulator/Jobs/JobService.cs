using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Jobs;

/// <summary>
/// The DPS job rules, whichever protocol asks: submit, cancel, get, results, metrics and list, over the store, the
/// catalog and the scheduler. Protocol endpoints parse their wire format, call this, and write their answer; none of
/// them decides what a job may do.
/// </summary>
/// <remarks>
/// A <c>caller</c> sees only their own jobs: another user's job is reported exactly like an unknown id. A null caller
/// is a route MAAP serves without authentication, which finds any job by its id (the id is the only secret).
/// </remarks>
internal sealed class JobService(EmulatorStore store, AlgorithmCatalog catalog, QueueSet queues, JobScheduler scheduler)
{
    private static readonly TimeSpan CancelWaitLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CancelWaitStep = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The deployed OGC processes, to tell an OGC process job from any other and to turn a processID into its job type.
    /// Knows none until the emulator deploys processes. Set once, before requests are served (or by a test).
    /// </summary>
    public IProcessDirectory Processes { get; set; } = NoProcessDirectory.Instance;

    /// <summary>Validates and queues a job; throws <see cref="JobSubmitRejectedException"/> when the rules refuse it.</summary>
    public JobRecord Submit(JobSubmitRequest request, EmulatorUser caller)
    {
        var job = JobSubmission.Create(request, caller, catalog, queues, DateTimeOffset.UtcNow);
        store.InsertJob(job);
        scheduler.Enqueue(job);
        return job;
    }

    /// <summary>The job, or null when there is none the caller may see.</summary>
    public JobRecord? Get(string id, EmulatorUser? caller)
    {
        var job = store.GetJob(id);
        return job is not null && caller is not null && job.UserName != caller.Name ? null : job;
    }

    /// <summary>
    /// Cancels one of the caller's jobs: a queued job is purged (it disappears), a running one revoked (it ends
    /// revoked). With <paramref name="waitForCompletion"/>, waits up to a minute for the job to stop running.
    /// </summary>
    public async Task<JobCancellation> CancelAsync(string id, EmulatorUser caller, bool waitForCompletion, CancellationToken cancellationToken)
    {
        var job = Get(id, caller);
        var purged = false;
        if (job is not null && job.Status == JobState.Queued)
        {
            // Either the purge wins, or a worker took the job meanwhile and it is cancelled as a running one.
            purged = store.TryPurgeQueued(id, caller.Name);
            job = purged ? job : store.GetJob(id);
        }

        if (job is null)
        {
            return new JobCancellation(JobCancelOutcome.NotFound);
        }

        if (!purged && job.Status == JobState.Started)
        {
            scheduler.Revoke(id);
        }
        else if (!purged)
        {
            return new JobCancellation(JobCancelOutcome.NotCancellable, job.Status);
        }

        var outcome = purged ? JobCancelOutcome.PurgedWhileQueued : JobCancelOutcome.RevokingRunning;
        if (!waitForCompletion)
        {
            return new JobCancellation(outcome);
        }

        var deadline = DateTimeOffset.UtcNow + CancelWaitLimit;
        while (scheduler.IsRunning(id) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(CancelWaitStep, cancellationToken);
        }

        return new JobCancellation(outcome, Settled: !scheduler.IsRunning(id));
    }

    /// <summary>The job's products and traceback, or null when there is no job the caller may see.</summary>
    public JobResults? GetResults(string id, EmulatorUser? caller) =>
        Get(id, caller) is { } job ? new JobResults(job, Products(job), job.Traceback) : null;

    /// <summary>The job's metrics, or null when there is no job the caller may see.</summary>
    public JobMetrics? GetMetrics(string id, EmulatorUser? caller)
    {
        var job = Get(id, caller);
        if (job is null)
        {
            return null;
        }

        var m = job.MetricsJson is null ? null : JsonNode.Parse(job.MetricsJson)?.AsObject();
        return new JobMetrics
        {
            JobId = job.Id,
            IsMeasured = m is not null,
            MachineType = "emulator",
            Architecture = RuntimeInformation.OSArchitecture switch
            {
                System.Runtime.InteropServices.Architecture.X64 => "x86_64",
                System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
                var other => other.ToString().ToLowerInvariant(),
            },
            MachineMemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            OperatingSystem = Environment.OSVersion.Platform == PlatformID.Unix ? "Linux" : Environment.OSVersion.Platform.ToString(),
            DirectorySizeBytes = Long(m, "directory_size"),
            StartTime = HysdsTime.Parse(Text(m, "job_start_time")),
            EndTime = HysdsTime.Parse(Text(m, "job_end_time")),
            DurationSeconds = m?["job_duration_seconds"] is JsonValue d && d.TryGetValue<double>(out var seconds) ? seconds : null,
            CpuNanoseconds = Long(m, "cpu_usage"),
            CacheBytes = Long(m, "cache_usage"),
            MemoryBytes = Long(m, "mem_usage"),
            MaxMemoryBytes = Long(m, "max_mem_usage"),
            SwapBytes = Long(m, "swap_usage"),
            ReadBytes = Long(m, "read_io_stats"),
            WriteBytes = Long(m, "write_io_stats"),
        };
    }

    /// <summary>The caller's jobs that match <paramref name="filter"/>, newest submission first; never anyone else's.</summary>
    public IReadOnlyList<JobRecord> List(JobListFilter filter, EmulatorUser caller) =>
        store.ListJobs(filter with { UserName = caller.Name });

    /// <summary>The products a job staged, in staging order; empty before it ended.</summary>
    public static IReadOnlyList<JobProduct> Products(JobRecord job)
    {
        if (job.ProductsJson is null)
        {
            return [];
        }

        var list = new List<JobProduct>();
        foreach (var p in JsonNode.Parse(job.ProductsJson)!.AsArray())
        {
            list.Add(new JobProduct(p!["id"]!.GetValue<string>(), p["path"]!.GetValue<string>(), p["product_folder_path"]!.GetValue<string>()));
        }

        return list;
    }

    private static long? Long(JsonObject? m, string name) => m?[name] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    private static string? Text(JsonObject? m, string name) => m?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
