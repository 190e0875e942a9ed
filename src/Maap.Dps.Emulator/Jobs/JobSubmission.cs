using System.Globalization;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Jobs;

/// <summary>Turns a submission into a queued job the way MAAP's submit handler does (spec §3), or refuses it.</summary>
internal static partial class JobSubmission
{
    /// <summary>The tags a job gets when the caller gives none.</summary>
    public static readonly IReadOnlyList<string> DefaultTags = ["maap-api-submit"];

    public static JobRecord Create(JobSubmitRequest request, EmulatorUser user, AlgorithmCatalog catalog, QueueSet queues, DateTimeOffset now)
    {
        var tags = request.Tags is { Count: > 0 } given ? given : DefaultTags;
        var queue = request.Queue;
        var algorithm = catalog.Find(request.AlgorithmName, request.AlgorithmVersion)
                        ?? throw new JobSubmitRejectedException(SubmitRejection.UnknownAlgorithm, null, [.. queues.Names]);

        var resolved = new List<(AlgorithmParam Param, JsonNode? Value)>();
        foreach (var p in algorithm.Params)
        {
            if (request.Inputs.TryGetValue(p.Name, out var value))
            {
                resolved.Add((p, value));
            }
            else if (p.HasDefault)
            {
                resolved.Add((p, p.Default!.DeepClone()));
            }
            else if (p.Optional)
            {
                continue; // an optional OGC input left out is left out of the job too
            }
            else
            {
                throw new JobSubmitRejectedException(SubmitRejection.MissingInput, p.Name, [.. queues.Names]);
            }
        }

        if (string.IsNullOrEmpty(queue) || !queues.Contains(queue))
        {
            // MAAP's recommended-queue fallback is broken (spec §3) and always refuses a missing queue; so does the emulator.
            throw new JobSubmitRejectedException(SubmitRejection.QueueDenied, string.IsNullOrEmpty(queue) ? null : queue, [.. queues.Names]);
        }

        var utc = now.UtcDateTime;
        var hysdsJobId = $"job-{algorithm.Name}__{algorithm.Version}-{utc.ToString("yyyyMMdd'T'HHmmss.ffffff", CultureInfo.InvariantCulture)}Z";
        var timeLimit = queues.Find(queue)!.TimeLimit;
        var timeLimitSeconds = timeLimit is { } limit ? (long)limit.TotalSeconds : 86400L;
        var context = algorithm.IsOgcProcess
            ? BuildOgcContext(algorithm, resolved, tags[0], queue, timeLimitSeconds, user.Name)
            : BuildContext(algorithm, resolved, tags[0], queue, timeLimitSeconds, user.Name);
        return new JobRecord
        {
            Id = Guid.NewGuid().ToString(),
            UserName = user.Name,
            JobType = algorithm.JobType,
            AlgorithmName = algorithm.Name,
            AlgorithmVersion = algorithm.Version,
            Queue = queue,
            Priority = 0,
            Tag = tags[0],
            Tags = [.. tags],
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
