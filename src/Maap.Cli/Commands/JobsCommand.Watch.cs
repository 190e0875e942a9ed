using System.CommandLine;
using System.Globalization;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap jobs watch</c>, and the watch <c>jobs submit --wait</c> runs.</summary>
internal static partial class JobsCommand
{
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

        void OnChange(JobStatusChange change)
        {
            current = change.Current.Value;
            Draw(current, change.Elapsed, newLine: true);
        }

        // On a terminal the elapsed time ticks between status changes; in a pipe only changes are printed.
        using var stopTicker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ticker = live ? TickAsync(stopTicker.Token) : Task.CompletedTask;
        JobStatus final;
        try
        {
            var options = new JobWaitOptions { Timeout = timeout, MaxDelay = TimeSpan.FromSeconds(15) };
            final = await job.WaitForCompletionAsync(OnChange, options, cancellationToken).ConfigureAwait(false);
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

    private static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
