using System.Globalization;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;

namespace Maap.Dps.Emulator.Running;

/// <summary>Turns a parsed Execute into a job the way MAAP's submit handler does (spec §3), or into MAAP's error.</summary>
internal static class JobSubmission
{
    public static JobRecord Create(ExecuteRequest request, EmulatorUser user, AlgorithmCatalog catalog, QueueSet queues, DateTimeOffset now)
    {
        var tags = new List<string> { "maap-api-submit" };
        string? queue = null;
        var supplied = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (id, value) in request.Inputs)
        {
            switch (id)
            {
                case "identifier":
                    tags = [.. CommandLine.Text(value).Split(',')];
                    break;
                case "username":
                    break; // MAAP always uses the authenticated user.
                default:
                    if (id == "queue")
                    {
                        queue = CommandLine.Text(value);
                    }

                    supplied[id] = value; // queue and dedup leak into params, as on MAAP, and are dropped below.
                    break;
            }
        }

        var jobType = request.JobType;
        var algorithm = catalog.FindByJobType(jobType)
                        ?? throw new SubmitException(500, $"Failed to submit job of type {jobType}. Exception Message: 'NoneType' object has no attribute 'get'");

        var resolved = new List<(AlgorithmParam Param, JsonNode? Value)>();
        foreach (var p in algorithm.Params)
        {
            if (supplied.TryGetValue(p.Name, out var value))
            {
                resolved.Add((p, value));
            }
            else if (p.HasDefault)
            {
                resolved.Add((p, p.Default!.DeepClone()));
            }
            else
            {
                throw new SubmitException(500,
                    $"Failed to submit job of type {jobType}. Exception Message: Parameter {p.Name} missing from inputs. No default set in algorithm spec. Please specify and resubmit.");
            }
        }

        if (string.IsNullOrEmpty(queue))
        {
            // MAAP's recommended-queue fallback is broken (spec §3) and always refuses; so does the emulator.
            throw new SubmitException(400, $"User does not have access to None. Valid queues: {AlgorithmCatalog.PythonList(queues.Names)}");
        }

        if (!queues.Contains(queue))
        {
            throw new SubmitException(400, $"User does not have access to {queue}. Valid queues: {AlgorithmCatalog.PythonList(queues.Names)}");
        }

        var utc = now.UtcDateTime;
        var hysdsJobId = $"job-{algorithm.Name}__{algorithm.Version}-{utc.ToString("yyyyMMdd'T'HHmmss.ffffff", CultureInfo.InvariantCulture)}Z";
        var timeLimit = queues.Find(queue)!.TimeLimit;
        var timeLimitSeconds = timeLimit is { } limit ? (long)limit.TotalSeconds : 86400L;
        var context = BuildContext(algorithm, resolved, tags[0], queue, timeLimitSeconds, user.Name);
        return new JobRecord
        {
            Id = Guid.NewGuid().ToString(),
            UserName = user.Name,
            JobType = jobType,
            AlgorithmName = algorithm.Name,
            AlgorithmVersion = algorithm.Version,
            Queue = queue,
            Priority = 0,
            Tag = tags[0],
            Tags = tags,
            Status = JobState.Queued,
            SubmittedMs = now.ToUnixTimeMilliseconds(),
            HysdsJobId = hysdsJobId,
            ContextJson = context.ToJsonString(),
            TimeLimitSeconds = timeLimit is null ? null : timeLimitSeconds,
        };
    }

    private static JsonObject BuildContext(AlgorithmRecord algorithm, List<(AlgorithmParam Param, JsonNode? Value)> resolved, string tag, string queue, long timeLimitSeconds, string user)
    {
        var context = new JsonObject();
        var localize = new JsonArray();
        var specParams = new JsonArray();
        var positionals = new List<JsonNode?>();
        var jobSpecCommand = $"/app/dps_wrapper.sh {CommandLine.Quote(CommandLine.AppCommand(algorithm.RunCommand))}";
        foreach (var (p, value) in resolved)
        {
            context[p.Name] = value?.DeepClone();
            specParams.Add(new JsonObject { ["destination"] = p.Destination, ["name"] = p.Name, ["value"] = value?.DeepClone() });
            if (p.Destination == "localize")
            {
                foreach (var url in LocalizeUrls(value))
                {
                    localize.Add(new JsonObject { ["url"] = url });
                }
            }
            else if (p.Destination == "positional")
            {
                positionals.Add(value);
            }
        }

        context["tag"] = tag;
        context["username"] = user;
        context["localize_urls"] = localize;
        context["_command"] = CommandLine.WithPositionals(jobSpecCommand, positionals);
        context["_disk_usage"] = algorithm.DiskSpace;
        context["job_specification"] = new JsonObject
        {
            ["command"] = jobSpecCommand,
            ["disk_usage"] = algorithm.DiskSpace,
            ["recommended-queues"] = new JsonArray(algorithm.Queue),
            ["post"] = new JsonArray("hysds.triage.triage"),
            ["soft_time_limit"] = timeLimitSeconds,
            ["time_limit"] = timeLimitSeconds,
            ["job-version"] = algorithm.Version,
            ["job_queue"] = queue,
            ["params"] = specParams,
        };
        return context;
    }

    /// <summary>A file value may be a URL, an object with <c>url</c>, or a nested list of those.</summary>
    public static IEnumerable<string> LocalizeUrls(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var url in LocalizeUrls(item))
                    {
                        yield return url;
                    }
                }

                break;
            case JsonObject obj:
                yield return CommandLine.Text(obj["url"]);
                break;
            default:
                yield return CommandLine.Text(value);
                break;
        }
    }
}
