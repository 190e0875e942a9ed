using System.CommandLine;
using System.Globalization;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap jobs submit|status|result|metrics|cancel|list|watch</c>.</summary>
internal static class JobsCommand
{
    public static Command Create(CommandRunner runner) => new("jobs", "Submit, watch, cancel and list DPS jobs")
    {
        Submit(runner),
        Status(runner),
        Result(runner),
        Metrics(runner),
        Cancel(runner),
        List(runner),
        Watch(runner),
    };

    private static Argument<string> JobId() => new("id") { Description = "The job id" };

    private static Command Submit(CommandRunner runner)
    {
        var algorithm = new Argument<string>("algorithm") { Description = "ALGORITHM:VERSION, e.g. run-dps-test_ubuntu:delay10" };
        var queue = new Option<string>("--queue", "-q") { Description = "The queue to run on (MAAP requires one)", Required = true };
        var tag = new Option<string?>("--tag", "-t") { Description = "The job tag (names the output folder)" };
        var dedup = new Option<bool?>("--dedup") { Description = "Let MAAP deduplicate against an identical earlier job" };
        var inputs = new Option<string[]>("--input", "-i") { Description = "An algorithm input as name=value; repeat for each input" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Watch the job until it finishes; exit 1 if it does not succeed. With -o json: JSON Lines, {\"id\",\"status\"} then one {\"id\",\"status\",\"elapsed\"} per status change" };
        var command = new Command("submit", "Submit a job") { algorithm, queue, tag, dedup, inputs, wait };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var (id, version) = AlgorithmReference.Parse(parse.GetValue(algorithm)!);
            var request = new JobRequest(id, version, parse.GetValue(queue)!) { Tag = parse.GetValue(tag), Dedup = parse.GetValue(dedup) };
            foreach (var input in parse.GetValue(inputs) ?? [])
            {
                var equals = input.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new ArgumentException($"Input '{input}' is not name=value.");
                }

                request.WithInput(ParseInput(input[..equals], input[(equals + 1)..]));
            }

            using var maap = context.CreateClient();
            var job = await maap.Jobs.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                // With --wait the watch lines follow, so the submission is the first JSON line, not an indented document.
                Action<TextWriter, Action<System.Text.Json.Utf8JsonWriter>> write = parse.GetValue(wait) ? JsonOutput.WriteLine : JsonOutput.Write;
                write(context.Console.Out, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("id", job.Id);
                    json.WriteString("status", job.Status?.Value);
                    json.WriteEndObject();
                });
            }
            else
            {
                await context.Console.Out.WriteLineAsync(job.Id).ConfigureAwait(false);
            }

            return parse.GetValue(wait) ? await WatchAsync(context, job, timeout: null, cancellationToken).ConfigureAwait(false) : ExitCodes.Success;
        });
        return command;
    }

    private static Command Status(CommandRunner runner)
    {
        var id = JobId();
        var command = new Command("status", "Print a job's status") { id };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var status = await maap.Jobs.GetStatusAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Console.Out, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("id", parse.GetValue(id));
                    json.WriteString("status", status.Value);
                    json.WriteBoolean("final", status.IsFinal);
                    json.WriteEndObject();
                });
            }
            else
            {
                await context.Console.Out.WriteLineAsync(status.Value).ConfigureAwait(false);
            }

            if (status == JobStatus.Deleted)
            {
                // MAAP's answer is kept (a script may rely on it), but it is also MAAP's answer to a mistyped id.
                await context.Console.Error.WriteLineAsync(DeletedMeaning(parse.GetValue(id)!)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Result(CommandRunner runner)
    {
        var id = JobId();
        var command = new Command("result", "Print a job's outputs (and the traceback of a failed job); exit 1 for a failed job, or one that has not finished") { id };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            JobResult result;
            try
            {
                result = await maap.Jobs.GetResultAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            }
            catch (MaapRequestFailedException ex)
            {
                // MAAP answers 500 for the result of an id it does not know; its status (Deleted) says why.
                if (!await IsDeletedAsync(maap, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                await context.Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                await context.Console.Error.WriteLineAsync(DeletedMeaning(parse.GetValue(id)!)).ConfigureAwait(false);
                return ExitCodes.ServerError;
            }

            if (result.Outputs.Count == 0 && !result.HasFailed)
            {
                // An empty result is also what a queued or running job answers: say which, instead of an empty table.
                var status = await maap.Jobs.GetStatusAsync(result.JobId, cancellationToken).ConfigureAwait(false);
                if (!status.IsFinal)
                {
                    await context.Console.Error.WriteLineAsync($"job {result.JobId} is {StatusName(status)}: it has no result until it finishes; 'maap jobs watch {result.JobId}' waits for it").ConfigureAwait(false);
                    return ExitCodes.JobFailed;
                }

                if (status == JobStatus.Deleted)
                {
                    await context.Console.Error.WriteLineAsync(DeletedMeaning(result.JobId)).ConfigureAwait(false);
                    return ExitCodes.JobFailed;
                }
            }

            if (context.Json)
            {
                JsonOutput.Write(context.Console.Out, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("id", result.JobId);
                    json.WriteStartArray("outputs");
                    foreach (var output in result.Outputs)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", output.Id);
                        json.WriteStartArray("urls");
                        foreach (var url in output.Urls)
                        {
                            json.WriteStartObject();
                            json.WriteString("kind", url.Kind.ToString().ToLowerInvariant());
                            json.WriteString("url", url.Value);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteString("traceback", result.Traceback);
                    json.WriteEndObject();
                });
            }
            else
            {
                TableWriter.Write(context.Console.Out, ["OUTPUT", "KIND", "URL"],
                    result.Outputs.SelectMany(o => o.Urls.Select(u => (IReadOnlyList<string?>)[o.Id, u.Kind.ToString().ToLowerInvariant(), u.Value])));
                if (result.Traceback is not null)
                {
                    await context.Console.Out.WriteLineAsync("traceback:").ConfigureAwait(false);
                    await context.Console.Out.WriteLineAsync(result.Traceback).ConfigureAwait(false);
                }
            }

            return result.HasFailed ? ExitCodes.JobFailed : ExitCodes.Success;
        });
        return command;
    }

    private static Command Metrics(CommandRunner runner)
    {
        var id = JobId();
        var command = new Command("metrics", "Print a job's resource use") { id };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var metrics = await maap.Jobs.GetMetricsAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            // The typed values, never the raw text: MAAP fills some fields with Python's "<Element 'mem_usage' at 0x…>".
            var values = MetricValues(metrics);
            if (context.Json)
            {
                JsonOutput.Write(context.Console.Out, json =>
                {
                    json.WriteStartObject();
                    foreach (var (name, value) in values)
                    {
                        switch (value)
                        {
                            case long number:
                                json.WriteNumber(name, number);
                                break;
                            case double number:
                                json.WriteNumber(name, number);
                                break;
                            case DateTimeOffset time:
                                json.WriteString(name, time.ToString("o", CultureInfo.InvariantCulture));
                                break;
                            case string text:
                                json.WriteString(name, text);
                                break;
                            default:
                                json.WriteNull(name);
                                break;
                        }
                    }

                    json.WriteEndObject();
                });
            }
            else
            {
                TableWriter.Write(context.Console.Out, ["METRIC", "VALUE"], values.Select(p => (IReadOnlyList<string?>)[p.Name, p.Value switch
                {
                    DateTimeOffset time => time.ToString("u", CultureInfo.InvariantCulture),
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    var other => other?.ToString(),
                }]));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Each metric under MAAP's element name with its typed value: a string, long, double (seconds), time, or null.</summary>
    private static List<(string Name, object? Value)> MetricValues(JobMetrics metrics) =>
    [
        ("machine_type", metrics.MachineType),
        ("architecture", metrics.Architecture),
        ("operating_system", metrics.OperatingSystem),
        ("machine_memory_size", metrics.MachineMemorySize),
        ("directory_size", metrics.DirectorySize),
        ("job_start_time", metrics.JobStartTime),
        ("job_end_time", metrics.JobEndTime),
        ("job_duration_seconds", metrics.JobDuration?.TotalSeconds),
        ("cpu_usage", metrics.CpuUsage),
        ("cache_usage", metrics.CacheUsage),
        ("mem_usage", metrics.MemoryUsage),
        ("max_mem_usage", metrics.MaxMemoryUsage),
        ("swap_usage", metrics.SwapUsage),
        ("read_io_stats", metrics.ReadIoBytes),
        ("write_io_stats", metrics.WriteIoBytes),
        ("sync_io_stats", metrics.SyncIoBytes),
        ("async_io_stats", metrics.AsyncIoBytes),
        ("total_io_stats", metrics.TotalIoBytes),
    ];

    private static Command Cancel(CommandRunner runner)
    {
        var id = JobId();
        var command = new Command("cancel", "Cancel a job: a queued one is purged, a running one is killed") { id };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            await maap.Jobs.CancelAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"cancel of {parse.GetValue(id)} accepted").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CommandRunner runner)
    {
        var algorithm = new Option<string?>("--algorithm", "-a") { Description = "Only jobs of ALGORITHM:VERSION" };
        var status = new Option<string?>("--status", "-s") { Description = "Only jobs in this status (Accepted, Running, Succeeded, Failed, Dismissed, Deduped, Offline)" };
        var tag = new Option<string?>("--tag", "-t") { Description = "Only jobs with this tag" };
        var queue = new Option<string?>("--queue", "-q") { Description = "Only jobs on this queue" };
        var priority = new Option<int?>("--priority") { Description = "Only jobs with this priority (0-9)" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only jobs submitted at or after this time (ISO 8601)" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Only jobs submitted at or before this time (ISO 8601)" };
        // Details are the default (an id alone says nothing); --details stays so existing scripts keep working.
        var details = new Option<bool>("--details", "-d") { Description = "Kept for scripts: status, algorithm, tag and times are always shown", Hidden = true };
        var limit = new Option<int>("--limit", "-n") { Description = "Print at most this many jobs", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List your jobs, newest first") { algorithm, status, tag, queue, priority, since, until, details, limit };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var max = parse.GetValue(limit);
            if (max < 1)
            {
                throw new ArgumentException("--limit must be at least 1.");
            }

            var query = new JobListQuery
            {
                Tag = parse.GetValue(tag),
                Queue = parse.GetValue(queue),
                Priority = parse.GetValue(priority),
                StartTime = parse.GetValue(since),
                EndTime = parse.GetValue(until),
                IncludeDetails = true,
                PageSize = Math.Min(max, JobListQuery.MaxPageSize),
            };
            if (parse.GetValue(algorithm) is { } reference)
            {
                var (id, version) = AlgorithmReference.Parse(reference);
                query = query with { AlgorithmId = id, Version = version };
            }

            if (parse.GetValue(status) is { } statusText)
            {
                query = query with
                {
                    Status = JobStatus.TryParse(statusText, out var parsed) ? parsed
                        : throw new ArgumentException($"Unknown status '{statusText}': use Accepted, Running, Succeeded, Failed, Dismissed, Deduped, Offline or Deleted."),
                };
            }

            using var maap = context.CreateClient();
            var jobs = new List<JobListItem>();
            await foreach (var job in maap.Jobs.ListAsync(query, cancellationToken).ConfigureAwait(false))
            {
                jobs.Add(job);
                if (jobs.Count == max)
                {
                    break;
                }
            }

            if (context.Json)
            {
                JsonOutput.Write(context.Console.Out, json =>
                {
                    json.WriteStartArray();
                    foreach (var job in jobs)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", job.Id);
                        json.WriteStartArray("tags");
                        job.Tags.ToList().ForEach(json.WriteStringValue);
                        json.WriteEndArray();
                        if (job.Details is { } d)
                        {
                            json.WriteString("algorithm", AlgorithmName(d));
                            json.WriteString("status", StatusName(d.Status));
                            json.WriteString("tag", d.Tag);
                            json.WriteString("queue", d.Queue);
                            json.WriteString("queued", d.TimeQueued?.ToString("o", CultureInfo.InvariantCulture));
                            json.WriteString("started", d.TimeStarted?.ToString("o", CultureInfo.InvariantCulture));
                            json.WriteString("ended", d.TimeEnded?.ToString("o", CultureInfo.InvariantCulture));
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
            }
            else
            {
                TableWriter.Write(context.Console.Out, ["ID", "STATUS", "ALGORITHM", "TAG", "QUEUED", "STARTED", "ENDED"],
                    jobs.Select(j => (IReadOnlyList<string?>)[j.Id, StatusName(j.Details?.Status), j.Details is { } d ? AlgorithmName(d) : null,
                        j.Details?.Tag ?? string.Join(",", j.Tags), Time(j.Details?.TimeQueued), Time(j.Details?.TimeStarted), Time(j.Details?.TimeEnded)]));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Watch(CommandRunner runner)
    {
        var id = JobId();
        var timeout = new Option<TimeSpan?>("--timeout") { Description = "Give up after this long (e.g. 01:00:00); the job keeps running" };
        var command = new Command("watch", "Watch a job's status live until it finishes; exit 1 if it does not succeed. With -o json: JSON Lines, one {\"id\",\"status\",\"elapsed\"} per status change, the last one final") { id, timeout };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            return await WatchAsync(context, maap.Jobs.Get(parse.GetValue(id)!), parse.GetValue(timeout), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> WatchAsync(CliContext context, MaapJob job, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var console = context.Console;
        var live = !console.IsOutputRedirected && !context.Json;
        var gate = new object();
        var started = context.Time.GetTimestamp();
        var current = "…";
        void Draw(string status, TimeSpan elapsed, bool newLine)
        {
            lock (gate)
            {
                if (context.Json)
                {
                    // JSON Lines: stdout stays machine-readable; the failure explanation below goes to stderr.
                    JsonOutput.WriteLine(console.Out, json =>
                    {
                        json.WriteStartObject();
                        json.WriteString("id", job.Id);
                        json.WriteString("status", status);
                        json.WriteNumber("elapsed", Math.Round(elapsed.TotalSeconds, 1));
                        json.WriteEndObject();
                    });
                    return;
                }

                var line = $"{job.Id}  {status,-10}  {FormatElapsed(elapsed)}";
                if (live)
                {
                    console.Out.Write("\r" + line.PadRight(72));
                }
                else if (newLine)
                {
                    console.Out.WriteLine(line);
                }
            }
        }

        var progress = new InlineProgress<JobStatusChange>(change =>
        {
            current = change.Current.Value;
            Draw(current, change.Elapsed, newLine: true);
        });

        // On a terminal the elapsed time ticks between status changes; in a pipe only changes are printed.
        using var stopTicker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ticker = live ? TickAsync(stopTicker.Token) : Task.CompletedTask;
        JobStatus final;
        try
        {
            var options = new JobWaitOptions { Timeout = timeout, MaxDelay = TimeSpan.FromSeconds(15) };
            final = await job.WaitForCompletionAsync(options, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopTicker.CancelAsync().ConfigureAwait(false);
            await ticker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (live)
            {
                await console.Out.WriteLineAsync().ConfigureAwait(false);
            }
        }

        if (final != JobStatus.Succeeded)
        {
            // Only a failed job has a traceback to point to; a deleted one (or an id MAAP does not know) has no result.
            var explanation = final == JobStatus.Failed ? $"job {job.Id} ended Failed; see 'maap jobs result {job.Id}' for its traceback"
                : final == JobStatus.Deleted ? DeletedMeaning(job.Id)
                : $"job {job.Id} ended {StatusName(final)}";
            await console.Error.WriteLineAsync(explanation).ConfigureAwait(false);
            return ExitCodes.JobFailed;
        }

        return ExitCodes.Success;

        async Task TickAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), context.Time, stop).ConfigureAwait(false);
                Draw(current, context.Time.GetElapsedTime(started), newLine: false);
            }
        }
    }

    /// <summary>The canonical status (<c>Succeeded</c>, not HySDS's <c>job-completed</c>); MAAP's word when it is one no kind names.</summary>
    private static string? StatusName(JobStatus? status) =>
        status is not { } s ? null : s.Kind == JobStatusKind.Unknown ? s.Value : s.Kind.ToString();

    private static async Task<bool> IsDeletedAsync(MaapClient maap, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await maap.Jobs.GetStatusAsync(id, cancellationToken).ConfigureAwait(false) == JobStatus.Deleted;
        }
        catch (Exception ex) when (ex is MaapRequestFailedException or MaapProtocolException or HttpRequestException or TimeoutException)
        {
            return false;
        }
    }

    private static string DeletedMeaning(string id) =>
        $"MAAP reports Deleted for ids it does not know as well as for deleted jobs: check that '{id}' is the id 'maap jobs submit' printed";

    private static string? Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture);

    private static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>Reports synchronously on the waiting thread, so lines come out in order.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>
    /// A typed input from <c>-i name=value</c>: a value that is one JSON value (<c>10</c>, <c>true</c>, <c>[1,2]</c>)
    /// goes as JSON, anything else as text — what MAAP itself makes of a raw value.
    /// </summary>
    private static JobInput ParseInput(string name, string value)
    {
        try
        {
            return JobInput.Json(name, value);
        }
        catch (ArgumentException)
        {
            return JobInput.Text(name, value);
        }
    }

    private static string? AlgorithmName(JobDetails details) =>
        details.AlgorithmId is null ? null : $"{details.AlgorithmId}:{details.AlgorithmVersion}";
}
