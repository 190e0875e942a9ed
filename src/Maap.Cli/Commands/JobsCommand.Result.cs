using System.CommandLine;
using System.Globalization;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap jobs result</c> and <c>maap jobs metrics</c>.</summary>
internal static partial class JobsCommand
{
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
}
