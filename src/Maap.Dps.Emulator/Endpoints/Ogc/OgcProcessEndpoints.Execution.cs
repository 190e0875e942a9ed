using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Processes;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary><c>POST /api/ogc/processes/{processID}/execution</c> (<c>maap-ogc-spec.md</c> §3.7).</summary>
internal static partial class OgcProcessEndpoints
{
    private const int MaxExecuteBodyBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Submits a job of a deployed process through the job service WPS jobs use. The 404 comes before the queue check;
    /// null inputs count as missing, defaults and <c>optional</c> apply, unknown inputs are dropped; <c>tag</c>
    /// defaults to <c>{id}:{version}</c> and is split on commas. 202 without a <c>Location</c>.
    /// </summary>
    private static async Task<IResult> ExecuteAsync(string processID, HttpContext context, EmulatorServices services)
    {
        var text = await ReadTextAsync(context.Request, context.RequestAborted);
        if (text is null)
        {
            return OgcResponses.Error(StatusCodes.Status400BadRequest, $"FailedJobSubmit: the body is larger than {MaxExecuteBodyBytes} bytes");
        }

        if (text.Length == 0)
        {
            return OgcResponses.Error(StatusCodes.Status400BadRequest, "Body expected in request");
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            return NotJson(new OgcDeployRequest.NotJsonException(e.Message));
        }

        if (Find(processID, services) is not { } process)
        {
            return Error(ProcessRegistry.NoSuchProcess());
        }

        var queue = body?["queue"] is JsonValue q && q.GetValueKind() == JsonValueKind.String ? q.GetValue<string>() : null;
        if (string.IsNullOrEmpty(queue))
        {
            return OgcResponses.Error(StatusCodes.Status400BadRequest, "Need to specify a queue to run this job on MAAP");
        }

        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (body?["inputs"] is JsonObject given)
        {
            foreach (var (name, value) in given)
            {
                if (value is not null)
                {
                    inputs[name] = value.DeepClone(); // a null value counts as missing, as in MAAP's check
                }
            }
        }

        var tag = body?["tag"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        var dedup = body?["dedup"] is JsonValue d && d.GetValueKind() == JsonValueKind.True;
        var request = new JobSubmitRequest(process.HysdsName, process.Row.Version, inputs, queue)
        {
            Tags = (string.IsNullOrEmpty(tag) ? $"{process.Row.Id}:{process.Row.Version}" : tag).Split(','),
            Dedup = dedup,
        };
        Store.JobRecord job;
        try
        {
            job = services.Jobs.Submit(request, context.AuthenticatedUser());
        }
        catch (JobSubmitRejectedException e)
        {
            return e.Reason switch
            {
                SubmitRejection.MissingInput => OgcResponses.Error(StatusCodes.Status400BadRequest,
                    $"FailedJobSubmit: Parameter {e.Subject} missing from inputs. No default set in algorithm spec. Please specify and resubmit."),
                SubmitRejection.QueueDenied => OgcResponses.Error(StatusCodes.Status400BadRequest,
                    $"FailedJobSubmit: User does not have access to {e.Subject}. Valid queues: {PythonRepr.List(e.ValidQueues)}"),
                _ => OgcResponses.Error(StatusCodes.Status404NotFound, "No process with that process ID found on HySDS", OgcResponses.NoSuchProcess),
            };
        }

        var href = OgcProcessBodies.ProcessHref(process.ProcessId);
        return OgcResponses.Json(new JsonObject
        {
            ["title"] = process.Cwl.Title,
            ["description"] = process.Cwl.Description,
            ["keywords"] = OgcProcessBodies.Keywords(process.Cwl.Keywords),
            ["metadata"] = new JsonArray(),
            ["jobID"] = job.Id,
            ["processID"] = process.ProcessId,
            ["type"] = null,
            ["request"] = null,
            ["status"] = "accepted",
            ["message"] = null,
            ["created"] = DateTime.Now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            ["updated"] = null,
            ["links"] = new JsonArray(
                OgcResponses.Link(href + "/execution", "self", "Process Execution"),
                OgcResponses.Link("/ogc/jobs/" + job.Id, "monitor", "Job")),
        }, StatusCodes.Status202Accepted);
    }

    /// <summary>The body as text, or null when it is larger than the bound.</summary>
    private static async Task<string?> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxExecuteBodyBytes)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
