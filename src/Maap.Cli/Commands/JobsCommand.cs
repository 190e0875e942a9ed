using System.CommandLine;
using System.Globalization;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap jobs submit|status|result|metrics|cancel|list|watch</c>.</summary>
internal static partial class JobsCommand
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
        var algorithm = new Argument<string>("algorithm") { Description = "ALGORITHM:VERSION (e.g. run-dps-test_ubuntu:delay10), or the processID of a deployed OGC process (e.g. 12)" };
        var queue = new Option<string>("--queue", "-q") { Description = "The queue to run on (MAAP requires one)", Required = true };
        var tag = new Option<string?>("--tag", "-t") { Description = "The job tag (names the output folder)" };
        var dedup = new Option<bool?>("--dedup") { Description = "Let MAAP deduplicate against an identical earlier job" };
        var inputs = new Option<string[]>("--input", "-i") { Description = "An algorithm input as name=value; repeat for each input" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Watch the job until it finishes; exit 1 if it does not succeed. With -o json: JSON Lines, {\"id\",\"status\"} then one {\"id\",\"status\",\"elapsed\"} per status change" };
        var command = new Command("submit", "Submit a job") { algorithm, queue, tag, dedup, inputs, wait };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var request = await NewRequestAsync(maap, parse.GetValue(algorithm)!, parse.GetValue(queue)!, parse.GetValue(tag), parse.GetValue(dedup), cancellationToken).ConfigureAwait(false);
            foreach (var input in parse.GetValue(inputs) ?? [])
            {
                var equals = input.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new ArgumentException($"Input '{input}' is not name=value.");
                }

                request.WithInput(ParseInput(input[..equals], input[(equals + 1)..]));
            }

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

    /// <summary>
    /// ALGORITHM:VERSION, or a processID (digits only): then the process's own id and version come from its description
    /// (a route MAAP serves without authentication), and the job goes to that process over OGC.
    /// </summary>
    private static async Task<JobRequest> NewRequestAsync(MaapClient maap, string algorithm, string queue, string? tag, bool? dedup, CancellationToken cancellationToken)
    {
        if (algorithm.Length > 0 && algorithm.All(char.IsAsciiDigit))
        {
            var process = await maap.Processes.DescribeAsync(algorithm, cancellationToken).ConfigureAwait(false);
            return new JobRequest(process.Id, process.Version, queue) { ProcessId = process.ProcessId, Tag = tag, Dedup = dedup };
        }

        var (id, version) = AlgorithmReference.Parse(algorithm);
        return new JobRequest(id, version, queue) { Tag = tag, Dedup = dedup };
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
}
