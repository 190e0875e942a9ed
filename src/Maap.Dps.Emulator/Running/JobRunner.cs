using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// Runs one job as DPS does (spec §2.4, §12.2, §12.3): a work directory with <c>_job.json</c> and
/// <c>_context.json</c>, file inputs localized into <c>input/</c>, the registered command run with positional values as
/// single-quoted arguments, <c>MAAP_PGT</c>/<c>MAAP_API_HOST</c> exported, then <c>output/</c> published on success or
/// the triage files on failure.
/// </summary>
internal sealed class JobRunner(
    EmulatorStore store,
    AlgorithmCatalog catalog,
    EmulatorPaths paths,
    UserDirectory users,
    Func<Uri> apiHost,
    HttpClient downloads,
    IReadOnlyList<string> localInputDirectories)
{
    private readonly JobFinisher finisher = new(store, paths);
    private readonly JobWorkDirectory workDirectories = new(downloads, localInputDirectories);

    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Set once the host is built; a null logger until then.</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>
    /// A test seam: awaited right after a job becomes visible as running, before its command starts. Tests use it to
    /// hold a job at that point and act on it (delete its algorithm, cancel it) without racing the worker.
    /// </summary>
    internal Func<string, Task>? AfterMarkedStarted { get; set; }

    /// <summary>
    /// A test seam: awaited after the job's shell started and its process group was recorded, before the gate at the
    /// top of <c>_run.sh</c> opens. Closing the process's standard input there is what the emulator's death does.
    /// </summary>
    internal Func<Process, Task>? BeforeGateOpens { get; set; }

    public async Task RunAsync(string id, QueueDefinition queue, RunningJob running)
    {
        var job = store.GetJob(id);
        if (job is null || job.Status != JobState.Queued)
        {
            return; // purged by a cancel while it waited
        }

        // Everything the API's "Running" promises is made true before the job is marked started: the algorithm's code
        // is leased (a delete or re-registration from now on leaves this job's copy alone, as a running DPS job keeps
        // its image) and the work dir exists. Held until the job's processes are gone.
        using var app = catalog.Use(job.AlgorithmName, job.AlgorithmVersion);
        var started = DateTimeOffset.UtcNow;
        var workDir = paths.WorkDirectory(id);
        var outcome = new JobOutcome { Started = started };
        JsonObject? context = null;
        try
        {
            context = await JobWorkDirectory.PrepareAsync(job, workDir, started);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            outcome.Fail($"The emulator could not prepare the job's work directory: {e.GetType().Name}: {e.Message}");
        }

        if (!store.TryMarkStarted(id, started.ToUnixTimeMilliseconds()))
        {
            DirectoryCleanup.TryDelete(workDir); // purged by a cancel while its work dir was being written
            return;
        }

        JobLog.Started(Logger, id, job.JobType, job.Queue);
        try
        {
            if (AfterMarkedStarted is { } hook)
            {
                await hook(id);
            }

            var algorithm = app.Algorithm;
            var user = users.FindByName(job.UserName);
            if (context is null)
            {
                // The work dir could not be written: the outcome already says why.
            }
            else if (algorithm is null)
            {
                outcome.Fail($"Algorithm {job.AlgorithmName}:{job.AlgorithmVersion} is no longer registered; the job cannot run.");
            }
            else if (user is null)
            {
                outcome.Fail($"User {job.UserName} is not configured in this emulator any more; the job cannot run.");
            }
            else if (await workDirectories.LocalizeAsync(context, workDir, running.Stopping) is { } downloadError)
            {
                outcome.Fail(downloadError);
            }
            else
            {
                await ExecuteAsync(job, algorithm, user, context, workDir, queue, running, outcome);
            }
        }
        catch (OperationCanceledException) when (running.Stopping.IsCancellationRequested)
        {
            // Revoked or stopping while localizing: handled below.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            outcome.Fail($"The emulator could not run the job: {e.GetType().Name}: {e.Message}");
        }

        if (running.EmulatorStopping)
        {
            return; // a stop leaves the job to the recovery path
        }

        if (running.Revoked)
        {
            outcome.Status = JobState.Revoked;
            outcome.Traceback = null;
        }

        await finisher.FinishAsync(job, workDir, outcome, Logger);
    }

    /// <summary>Fails a job that was running when the emulator stopped, triaging whatever its work dir holds.</summary>
    public void FailInterrupted(JobRecord job, long nowMs, string traceback)
    {
        var workDir = paths.WorkDirectory(job.Id);
        var outcome = new JobOutcome { Started = DateTimeOffset.FromUnixTimeMilliseconds(job.StartedMs ?? nowMs) };
        outcome.Fail(traceback);
        if (job.Status == JobState.Started)
        {
            JobLog.Interrupted(Logger, job.Id, job.JobType);
        }

        finisher.FinishAsync(job, workDir, outcome, Logger).GetAwaiter().GetResult();
    }

    /// <summary>Fails a job whose run threw something the runner did not expect.</summary>
    public void FailUnexpected(string id, Exception error)
    {
        try
        {
            if (store.GetJob(id) is { } job && !JobState.IsTerminal(job.Status))
            {
                FailInterrupted(job, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    $"The MAAP DPS emulator failed while running this job: {error.GetType().Name}: {error.Message}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
        }
    }

    private async Task ExecuteAsync(JobRecord job, AlgorithmRecord algorithm, EmulatorUser user, JsonObject context, string workDir, QueueDefinition queue, RunningJob running, JobOutcome outcome)
    {
        var script = new StringBuilder()
            .Append("#!/usr/bin/env bash\n")
            .Append("# Written by the MAAP DPS emulator; stands in for /app/dps_wrapper.sh. /app is ")
            .Append(algorithm.AppDirectory).Append('\n')
            .Append("exec >_stdout.txt 2>_stderr.txt\n")
            // The gate: nothing runs until the emulator has recorded this process group and says go. If the emulator
            // dies first, standard input ends, and the job ends here instead of running where no restart can find it.
            .Append("IFS= read -r gate || { echo \"The MAAP DPS emulator stopped before this job could start.\" >&2; exit 75; }\n")
            .Append(algorithm.IsOgcProcess
                ? OgcCommand(algorithm, context, workDir)
                : CommandLine.WithPositionals(CommandLine.LocalCommand(algorithm), context["job_specification"]!["params"]!.AsArray()
                    .Where(p => CommandLine.Text(p!["destination"]) == "positional")
                    .Select(p => p!["value"])))
            .Append('\n');
        await File.WriteAllTextAsync(Path.Combine(workDir, "_run.sh"), script.ToString());

        // Under setsid the job leads its own process group, so a cancel or a time limit reaches every descendant.
        var info = new ProcessStartInfo(ProcessGroup.SetsidPath ?? "/bin/bash")
        {
            WorkingDirectory = workDir,
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        if (ProcessGroup.SetsidPath is not null)
        {
            info.ArgumentList.Add("/bin/bash");
        }

        info.ArgumentList.Add("_run.sh");
        info.Environment["MAAP_PGT"] = user.Token;
        info.Environment["MAAP_API_HOST"] = apiHost().GetLeftPart(UriPartial.Authority);
        info.Environment.Remove("DPS_MACHINE_TOKEN");
        info.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? workDir;

        if (running.Stopping.IsCancellationRequested)
        {
            return; // revoked or stopping before its command started: nothing to start, and nothing to kill later
        }

        using var process = Process.Start(info) ?? throw new IOException("bash did not start");
        running.Process = process;
        running.ProcessGroupId = ProcessGroup.SetsidPath is null ? 0 : process.Id;
        if (running.ProcessGroupId > 0 && ProcessGroup.StartTicks(running.ProcessGroupId) is { } startTicks)
        {
            // Kept in the store, so a start after a crash can end this group (the runner that would have is gone).
            store.RecordProcessGroup(job.Id, running.ProcessGroupId, startTicks);
        }

        if (BeforeGateOpens is { } gateHook)
        {
            await gateHook(process);
        }

        await OpenGateAsync(process);
        var sampler = new ProcessTreeSampler(process.Id);
        sampler.Sample();
        var deadline = queue.TimeLimit is { } limit ? outcome.Started + limit : (DateTimeOffset?)null;
        var exited = process.WaitForExitAsync(CancellationToken.None);
        while (!exited.IsCompleted)
        {
            if (running.Stopping.IsCancellationRequested)
            {
                running.KillTree();
                break;
            }

            if (deadline is { } d && DateTimeOffset.UtcNow >= d)
            {
                // Like a soft time limit: SIGTERM first, SIGKILL for whatever is still there two seconds later.
                outcome.TimedOut = true;
                ProcessGroup.Signal(running.ProcessGroupId, ProcessGroup.SigTerm);
                await exited.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                running.KillTree();
                break;
            }

            await Task.WhenAny(exited, Task.Delay(SampleInterval, running.Stopping));
            if (!exited.IsCompleted)
            {
                sampler.Sample();
            }
        }

        await exited.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        outcome.Ended = DateTimeOffset.UtcNow;

        // The container is gone when a DPS job ends: nothing the job left in the background outlives it.
        ProcessGroup.Signal(running.ProcessGroupId, ProcessGroup.SigKill);
        outcome.Sampler = sampler;
        var exitCode = outcome.TimedOut ? 143 : process.HasExited ? process.ExitCode : 137;
        outcome.ExitCode = exitCode;
        await File.WriteAllTextAsync(Path.Combine(workDir, "_exit_code"), exitCode.ToString(CultureInfo.InvariantCulture) + "\n", CancellationToken.None);
        if (running.Stopping.IsCancellationRequested)
        {
            return;
        }

        if (exitCode == 0)
        {
            outcome.Status = JobState.Completed;
            return;
        }

        var tail = LastLines(Path.Combine(workDir, "_stderr.txt"), 10);
        var traceback = outcome.TimedOut
            ? $"{tail}SoftTimeLimitExceeded: the job ran longer than the {queue.Name} time limit of {(long)queue.TimeLimit!.Value.TotalSeconds} s and was killed (exit code 143)."
            : !string.IsNullOrWhiteSpace(tail) ? tail.TrimEnd('\n') : $"The job's command exited with code {exitCode} and wrote nothing to stderr.";
        outcome.Fail(traceback);
    }

    /// <summary>
    /// An OGC job's command: the tool's <c>baseCommand</c> (a first word under <c>/app/</c> resolved in the process's app
    /// copy) and the words <see cref="CwlCommandLine"/> builds from the tool's <c>arguments</c> (a <c>/app/{repo}/…</c>
    /// one resolved in the copy too) and the job's inputs, each word single-quoted.
    /// </summary>
    private static string OgcCommand(AlgorithmRecord algorithm, JsonObject context, string workDir)
    {
        var tool = JsonNode.Parse(algorithm.CwlToolJson ?? "{}")!.AsObject();
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var p in context["job_specification"]!["params"]!.AsArray())
        {
            values[CommandLine.Text(p!["name"])] = p["value"]?.DeepClone();
        }

        var words = (tool["baseCommand"] as JsonArray ?? []).Select(w => CommandLine.Text(w))
            .Select((w, i) => i == 0 && w.StartsWith(AppRoot, StringComparison.Ordinal) ? Path.Combine(algorithm.AppDirectory, w[AppRoot.Length..]) : CodePath(algorithm, w))
            .Concat(CwlCommandLine.Build(tool["arguments"] as JsonArray ?? [], tool["inputs"] as JsonObject ?? [], values, file => JobWorkDirectory.LocalPath(workDir,
                file is JsonObject o ? CwlCommandLine.FileLocation(o) ?? string.Empty : CommandLine.Text(file)), word => CodePath(algorithm, word)));
        return string.Join(' ', words.Select(CommandLine.Quote));
    }

    /// <summary>Lets the script past its gate: one line, then end of input (a job reads no standard input, as on DPS).</summary>
    private static async Task OpenGateAsync(Process process)
    {
        try
        {
            await process.StandardInput.WriteLineAsync("go");
            process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The shell is gone already (killed), or its input was closed: there is nothing to let through.
        }
    }

    private const string AppRoot = "/app/";

    /// <summary>
    /// A word of the command (never an input value) as a path in the process's code copy when it is one in the image:
    /// <c>/app/{repo}/…</c>, where the deploy copied the repository folder <c>{repo}</c>. Other words stay as written.
    /// </summary>
    private static string CodePath(AlgorithmRecord algorithm, string word)
    {
        if (!word.StartsWith(AppRoot, StringComparison.Ordinal))
        {
            return word;
        }

        var slash = word.IndexOf('/', AppRoot.Length);
        var repository = slash < 0 ? string.Empty : word[AppRoot.Length..slash];
        return repository.Length > 0 && repository is not ("." or "..") && Directory.Exists(Path.Combine(algorithm.AppDirectory, repository))
            ? Path.Combine(algorithm.AppDirectory, word[AppRoot.Length..])
            : word;
    }

    private static string LastLines(string path, int count)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        var lines = new Queue<string>();
        foreach (var line in File.ReadLines(path))
        {
            lines.Enqueue(line);
            if (lines.Count > count)
            {
                lines.Dequeue();
            }
        }

        return lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
    }
}
