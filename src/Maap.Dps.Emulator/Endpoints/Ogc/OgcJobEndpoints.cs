using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>
/// The OGC job routes, <c>/api/ogc/jobs…</c> (<c>maap-ogc-spec.md</c> §3.8–3.14): status, dismiss, results, metrics
/// and the caller's list. They work on any job, WPS-submitted ones included. Unlike MAAP, which checks no ownership on
/// the single-job routes, another user's job is answered like an unknown id (the <see cref="JobService"/> rule).
/// </summary>
internal static partial class OgcJobEndpoints
{
    private const string Prefix = "/api/ogc/jobs";

    /// <summary>What <c>GET /ogc/jobs/{id}</c> may add with <c>fields=</c>, besides the four keys it always has.</summary>
    private static readonly HashSet<string> StatusFields = new(StringComparer.Ordinal)
    {
        "title", "description", "keywords", "request", "message", "created", "started", "finished", "updated", "progress",
        "tags", "job_queue", "process_name", "products", "links", "inputs", "jobID", "processID", "type", "status",
    };

    public static void Map(WebApplication app)
    {
        var jobs = app.MapAuthenticatedGroup(Prefix, OgcResponses.HttpError);
        jobs.MapGet("", List);
        jobs.MapGet("/{jobID}", Status);
        jobs.MapDelete("/{jobID}", DismissAsync);
        jobs.MapGet("/{jobID}/results", Results);
        jobs.MapGet("/{jobID}/metrics", Metrics);
    }

    private static IResult NoSuchJob() => OgcResponses.Error(StatusCodes.Status404NotFound, "No job with that job ID found", OgcResponses.NoSuchJob);

    private static IResult InvalidField(string field) =>
        OgcResponses.Error(StatusCodes.Status400BadRequest, $"Invalid field requested {field}. Remember to separate fields with commas");

    /// <summary>The requested <c>fields=</c>, split on commas exactly (so <c>"a, b"</c> asks for <c>" b"</c>); empty when absent.</summary>
    private static string[] Fields(HttpRequest request) =>
        OgcJobFields.Param(request.Query, "fields") is { Length: > 0 } fields ? fields.Split(',') : [];

    private static IResult Status(string jobID, HttpContext context, EmulatorServices services)
    {
        var job = services.Jobs.Get(jobID, context.AuthenticatedUser());
        if (job is null)
        {
            return NoSuchJob();
        }

        var process = services.Jobs.Processes.TryGetProcess(job.JobType);
        var full = StatusBody(job, process, EmulatorServices.HostRoot(context.Request));
        var body = new JsonObject
        {
            ["jobID"] = full["jobID"]!.DeepClone(),
            ["processID"] = full["processID"]!.DeepClone(),
            ["type"] = null,
            ["status"] = full["status"]?.DeepClone(),
        };
        if (OgcJobFields.Flag(context.Request.Query, "getJobDetails"))
        {
            return OgcResponses.Json(full);
        }

        foreach (var field in Fields(context.Request))
        {
            if (!StatusFields.Contains(field))
            {
                return InvalidField(field);
            }

            body[field] = field == "inputs" ? OgcJobFields.Inputs(job) : full[field]?.DeepClone();
        }

        return OgcResponses.Json(body);
    }

    /// <summary>The <c>getJobDetails=true</c> body, in MAAP's key order; <c>fields=</c> picks from it.</summary>
    private static JsonObject StatusBody(JobRecord job, OgcProcessSummary? process, string hostRoot) => new()
    {
        ["jobID"] = job.Id,
        ["processID"] = process is null ? OgcJobFields.ProcessIdUnknown : process.ProcessId,
        ["type"] = null,
        ["status"] = OgcJobStatus.FromState(job.Status),
        ["title"] = process?.Title,
        ["description"] = process?.Description,
        ["keywords"] = OgcJobFields.KeywordList(process?.Keywords),
        ["request"] = null,
        ["message"] = null,
        ["created"] = OgcJobFields.Time(job.SubmittedMs),
        ["started"] = OgcJobFields.Time(job.StartedMs),
        ["finished"] = OgcJobFields.Time(job.EndedMs),
        ["updated"] = null,
        ["progress"] = null,
        ["tags"] = new JsonArray([.. job.Tags.Distinct(StringComparer.Ordinal).Select(t => (JsonNode?)JsonValue.Create(t))]),
        ["job_queue"] = job.Queue,
        ["process_name"] = OgcJobFields.ProcessName(job.JobType) ?? OgcJobFields.ProcessNameUnknown,
        ["products"] = OgcJobFields.FirstProductUrl(job, hostRoot),
        ["links"] = new JsonArray(OgcResponses.Link($"/ogc/jobs/{job.Id}", "self", "Job Status")),
    };

    private static async Task<IResult> DismissAsync(string jobID, HttpContext context, EmulatorServices services)
    {
        // MAAP reads waitForCompletion; maap-py's wait_for_completion is a different key and changes nothing.
        var wait = OgcJobFields.Flag(context.Request.Query, "waitForCompletion");
        var cancel = await services.Jobs.CancelAsync(jobID, context.AuthenticatedUser(), wait, context.RequestAborted);
        switch (cancel.Outcome)
        {
            case JobCancelOutcome.NotFound:
                return NoSuchJob();
            case JobCancelOutcome.NotCancellable:
                // The message names the HySDS state, not the OGC word.
                return OgcResponses.Error(StatusCodes.Status400BadRequest, $"Not allowed to cancel job with status {cancel.Status}");
        }

        if (cancel.Settled is false)
        {
            // MAAP reports the state its revoke job was left in; the emulator's revoke was still under way.
            return OgcResponses.Error(StatusCodes.Status500InternalServerError, $"Failed to cancel job, status was {JobState.Started}");
        }

        return OgcResponses.Json(new JsonObject { ["jobID"] = jobID, ["type"] = "process", ["status"] = "dismissed" }, StatusCodes.Status202Accepted);
    }
}
