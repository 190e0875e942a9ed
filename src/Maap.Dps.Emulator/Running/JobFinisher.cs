using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Store;
using Microsoft.Extensions.Logging;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// The end of a job as HySDS records it (spec §5, §6): the published output or the triage product, the measured
/// metrics, and the job's final state, written once.
/// </summary>
internal sealed class JobFinisher(EmulatorStore store, EmulatorPaths paths)
{
    private readonly JobProducts products = new(paths);

    /// <summary>
    /// Records a run's end once: publishes a completed job's output, triages a failed one, measures it, and writes it
    /// all to the store unless another end was recorded first (then that one stands and this run's output goes).
    /// </summary>
    public async Task FinishAsync(JobRecord job, string workDir, JobOutcome outcome, ILogger logger)
    {
        outcome.Ended ??= DateTimeOffset.UtcNow;
        var current = store.GetJob(job.Id);
        if (current is null || JobState.IsTerminal(current.Status))
        {
            // Its end is recorded already (or it was purged): that record stands, and nothing is published for it.
            JobLog.AlreadyEnded(logger, job.Id, job.JobType, outcome.Status, current?.Status ?? "purged");
            return;
        }

        var staged = new JsonArray();
        string? outputFolder = null;
        long dirSize = 0;
        try
        {
            dirSize = DirectorySize(workDir);
            if (outcome.Status == JobState.Completed)
            {
                var output = products.PublishOutput(job, workDir, outcome.Ended.Value);
                outputFolder = paths.ResolveWorkspacePath((string)output["path"]!);
                staged.Add(output);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            outcome.Fail($"Publishing the job's outputs failed: {e.GetType().Name}: {e.Message}");
        }

        // A failed job is triaged even when it failed while publishing: without a product, MAAP's result (and so
        // ours) has nowhere to show the traceback (spec §5).
        if (outcome.Status == JobState.Failed)
        {
            try
            {
                Directory.CreateDirectory(workDir);
                await File.WriteAllTextAsync(Path.Combine(workDir, "_alt_traceback.txt"), outcome.Traceback + "\n");
                staged.Add(products.PublishTriage(job, workDir, outcome.ExitCode));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                JobLog.TriageFailed(logger, job.Id, e);
            }
        }

        var s = outcome.Sampler;
        var metrics = new JsonObject
        {
            ["job_start_time"] = HysdsTime.Iso(outcome.Started),
            ["job_end_time"] = HysdsTime.Iso(outcome.Ended.Value),
            ["job_duration_seconds"] = Math.Round((outcome.Ended.Value - outcome.Started).TotalSeconds, 6),
            ["directory_size"] = dirSize,
            ["cpu_usage"] = s?.CpuNanoseconds ?? 0,
            ["cache_usage"] = s?.PeakFileRssBytes ?? 0,
            ["mem_usage"] = s?.LastRssBytes ?? 0,
            ["max_mem_usage"] = s?.PeakRssBytes ?? 0,
            ["swap_usage"] = s?.PeakSwapBytes ?? 0,
            ["read_io_stats"] = s?.ReadBytes ?? 0,
            ["write_io_stats"] = s?.WriteBytes ?? 0,
            ["exit_code"] = outcome.ExitCode,
        };
        if (!store.FinishJob(job.Id, outcome.Status, outcome.Ended.Value.ToUnixTimeMilliseconds(), outcome.ExitCode, outcome.Traceback, staged.ToJsonString(), metrics.ToJsonString()))
        {
            // Something recorded the job's end while this one published: the recorded end stands, so the product
            // this run published belongs to no job. (Its triage folder has a fixed name and may be the other end's.)
            if (outputFolder is not null)
            {
                DirectoryCleanup.TryDelete(outputFolder);
            }

            JobLog.AlreadyEnded(logger, job.Id, job.JobType, outcome.Status, store.GetJob(job.Id)?.Status ?? "purged");
            return;
        }

        var seconds = (outcome.Ended.Value - outcome.Started).TotalSeconds;
        JobLog.Ended(logger, job.Id, job.JobType, outcome.Status, outcome.ExitCode, seconds);
    }

    /// <summary>
    /// The bytes of the regular files under <paramref name="dir"/>. Symbolic links count as nothing and are never
    /// followed: a job's <c>ln -s /etc output/etc</c> or <c>ln -s .. up</c> is not its data (and must not fail it).
    /// </summary>
    private static long DirectorySize(string dir) =>
        Directory.Exists(dir) ? new DirectoryInfo(dir).EnumerateFiles("*", SizeEnumeration).Sum(f => f.Length) : 0;

    private static readonly EnumerationOptions SizeEnumeration = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        MatchType = MatchType.Simple,
    };
}
