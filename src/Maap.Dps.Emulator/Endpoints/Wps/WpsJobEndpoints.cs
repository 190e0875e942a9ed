using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Wps;

/// <summary>
/// The WPS job routes, <c>/api/dps/job…</c> (spec §3–§8): each parses its request, asks the <see cref="JobService"/>,
/// and answers with MAAP's codes, content types and quirks. Status, result and metrics are anonymous, as on MAAP.
/// </summary>
internal static class WpsJobEndpoints
{
    private const string Prefix = "/api/dps/job";

    public static void Map(WebApplication app)
    {
        var authenticated = app.MapAuthenticatedGroup(Prefix);
        authenticated.MapPost("", SubmitAsync);
        authenticated.MapGet("/list", List);
        authenticated.MapGet("/{username}/list", DeprecatedList);
        authenticated.MapPost("/cancel/{id}", CancelAsync);

        app.MapGet(Prefix + "/{id}", Result);
        app.MapGet(Prefix + "/{id}/status", (string id, EmulatorServices s) => Status(id, s));
        app.MapGet(Prefix + "/{id}/metrics", Metrics);

        // maap-py asks for the status of "" after a failed submit: /api/dps/job//status (spec §18).
        app.MapFallback((HttpContext context, EmulatorServices s) =>
            context.Request.Path.Value == Prefix + "//status"
                ? Status(string.Empty, s)
                : Responses.HttpError(404, "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."));
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, EmulatorServices services)
    {
        var body = await RequestBody.ReadCappedAsync(context.Request, WpsExecuteRequest.MaxBytes, context.RequestAborted);
        if (body is null)
        {
            return Responses.HttpError(413, "The data value transmitted exceeds the capacity limit.");
        }

        WpsExecuteRequest execute;
        try
        {
            execute = WpsExecuteRequest.Parse(body);
        }
        catch (FormatException e)
        {
            return Responses.UnhandledException("ParseError", e.Message);
        }

        var jobType = execute.JobType;
        try
        {
            var job = services.Jobs.Submit(ToSubmitRequest(execute), context.AuthenticatedUser());
            return Responses.Xml(WpsXml.StatusInfo(job.Id, WpsStatus.Accepted));
        }
        catch (JobSubmitRejectedException e)
        {
            var (status, message) = e.Reason switch
            {
                SubmitRejection.UnknownAlgorithm => (500, $"Failed to submit job of type {jobType}. Exception Message: 'NoneType' object has no attribute 'get'"),
                SubmitRejection.MissingInput => (500,
                    $"Failed to submit job of type {jobType}. Exception Message: Parameter {e.Subject} missing from inputs. No default set in algorithm spec. Please specify and resubmit."),
                _ => (400, $"User does not have access to {e.Subject ?? "None"}. Valid queues: {PythonRepr.List(e.ValidQueues)}"),
            };
            return Responses.MislabelledXml(WpsXml.ExceptionReport("FailedJobSubmit", "Execute", message), status);
        }
    }

    /// <summary>
    /// Reads an Execute's inputs as MAAP does: <c>identifier</c> is the comma-separated tags, <c>username</c> is ignored
    /// (the caller is the authenticated user), <c>queue</c> picks the queue. Queue and dedup also stay among the inputs,
    /// as on MAAP, where only an algorithm that declares them would see them.
    /// </summary>
    private static JobSubmitRequest ToSubmitRequest(WpsExecuteRequest execute)
    {
        IReadOnlyList<string>? tags = null;
        string? queue = null;
        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (id, value) in execute.Inputs)
        {
            switch (id)
            {
                case "identifier":
                    tags = CommandLine.Text(value).Split(',');
                    break;
                case "username":
                    break;
                default:
                    if (id == "queue")
                    {
                        queue = CommandLine.Text(value);
                    }

                    inputs[id] = value;
                    break;
            }
        }

        // An identifier that is not job-{name}:{version} names no algorithm: the service then refuses it as unknown.
        var key = execute.JobType.StartsWith("job-", StringComparison.Ordinal) ? execute.JobType[4..] : string.Empty;
        var colon = key.LastIndexOf(':');
        return new JobSubmitRequest(colon < 0 ? string.Empty : key[..colon], colon < 0 ? string.Empty : key[(colon + 1)..], inputs, queue)
        {
            Tags = tags,
            Dedup = inputs.TryGetValue("dedup", out var dedup) && CommandLine.Text(dedup).Equals("true", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static IResult Status(string id, EmulatorServices services) =>
        Responses.Xml(WpsXml.StatusInfo(id, WpsStatus.FromState(services.Jobs.Get(id, caller: null)?.Status)));

    private static IResult Result(string id, HttpContext context, EmulatorServices services)
    {
        var results = services.Jobs.GetResults(id, caller: null);
        if (results is null || results.IsPending)
        {
            // A queued job has no metrics yet, and MAAP dereferences them anyway (spec §5).
            return Responses.Xml(WpsXml.ExceptionReport("FailedGetResult", "GetResult",
                $"Failed to get job result of job with id: {id}. 'NoneType' object has no attribute 'get'. If you don't see expected results, please contact administrator of DPS"), 500);
        }

        var root = EmulatorServices.HostRoot(context.Request);
        var outputs = new List<(string, IReadOnlyList<string>)>();
        foreach (var product in results.Products)
        {
            outputs.Add((product.Id, product.Urls(root)));
            if (results.Traceback is not null)
            {
                // MAAP returns inside its loop: the first product, then the traceback (spec §5).
                outputs.Add(("traceback", [results.Traceback]));
                break;
            }
        }

        return Responses.Xml(WpsXml.Result(id, outputs));
    }

    private static IResult Metrics(string id, EmulatorServices services)
    {
        var metrics = services.Jobs.GetMetrics(id, caller: null);
        if (metrics is not { IsMeasured: true })
        {
            var reason = metrics is null ? "'NoneType' object has no attribute 'get'" : "list index out of range";
            return Responses.Xml(WpsXml.ExceptionReport("FailedGetMetrics", "GetMetrics",
                $"Failed to get job metrics. {reason}. Please contact administrator of DPS for clarification if needed"), 500);
        }

        return Responses.Xml(WpsXml.Metrics(metrics, services.Options.ReproduceMetricsQuirk));
    }

    private static async Task<IResult> CancelAsync(string id, HttpContext context, EmulatorServices services, string? wait_for_completion)
    {
        // Any non-empty value waits, "false" included (spec §7).
        var wait = !string.IsNullOrEmpty(wait_for_completion);
        var cancel = await services.Jobs.CancelAsync(id, context.AuthenticatedUser(), wait, context.RequestAborted);
        switch (cancel.Outcome)
        {
            case JobCancelOutcome.NotFound:
                return Responses.Xml(WpsXml.ExceptionReport("FailedJobSubmit", "Execute",
                    $"Failed to dismiss job {id}. Please try again or contact DPS administrator. Job with id {id} was not found."), 500);
            case JobCancelOutcome.NotCancellable:
                return Responses.MislabelledXml(WpsXml.ExceptionReport("FailedJobCancel", "Dismiss", $"Not allowed to cancel job with status {cancel.Status}"), 400);
        }

        if (cancel.Settled is not { } settled)
        {
            return Responses.Xml(WpsXml.StatusInfo(id, WpsStatus.Accepted), 202);
        }

        // The status reported is the lightweight purge or revoke job's, not the cancelled job's.
        return Responses.Xml(WpsXml.StatusInfo(id, settled ? WpsStatus.Succeeded : WpsStatus.Running), settled ? 202 : 500);
    }

    /// <summary>The pre-4.2 maap-py route: the caller's own list, 403 for anyone else's (spec §8).</summary>
    private static IResult DeprecatedList(string username, HttpContext context, EmulatorServices services) =>
        username == context.AuthenticatedUser().Name
            ? List(context, services)
            : Responses.Xml(WpsXml.ExceptionReport("FailedGetJobs", "GetJobs", $"Failed to get jobs for user {username}. Forbidden request"), 403);

    private static IResult List(HttpContext context, EmulatorServices services)
    {
        var user = context.AuthenticatedUser();
        if (!WpsJobListQuery.TryParse(context.Request.Query, user.Name, out var query, out var invalidStatus))
        {
            return Responses.UnhandledException("ValueError",
                $"Invalid WPS status: {invalidStatus}. Valid values are: Accepted, Running, Succeeded, Failed, Dismissed, Deduped, Deleted, Offline");
        }

        var jobs = services.Jobs.List(query.Filter, user);
        var root = EmulatorServices.HostRoot(context.Request);
        var buffer = new ArrayBufferWriter<byte>(jobs.Count * (query.Details ? 2048 : 64) + 64);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("status", 200);
            w.WriteStartArray("jobs");
            foreach (var job in jobs)
            {
                w.WriteStartObject();
                if (query.Details)
                {
                    w.WritePropertyName(job.Id);
                    MozartJobDocument.Write(w, job, root);
                }
                else
                {
                    w.WriteString("id", job.Id);
                    w.WriteStartArray("tags");
                    foreach (var tag in job.Tags)
                    {
                        w.WriteStringValue(tag);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Responses.RawJson(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
