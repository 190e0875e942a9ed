using System.CommandLine;
using System.Globalization;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap jobs list</c>.</summary>
internal static partial class JobsCommand
{
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

    private static string? AlgorithmName(JobDetails details) =>
        details.AlgorithmId is null ? null : $"{details.AlgorithmId}:{details.AlgorithmVersion}";
}
