using System.Globalization;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>
/// The OGC process routes, <c>/api/ogc/processes…</c> (<c>maap-ogc-spec.md</c> §3.1–3.7): list, describe and package
/// anonymously; deploy, replace, undeploy and execute for an authenticated caller. A path id that is not an integer
/// answers 404 <c>no-such-process</c> (MAAP's Postgres raises a DataError there, a 500).
/// </summary>
internal static partial class OgcProcessEndpoints
{
    private const string Prefix = "/api/ogc/processes";

    public static void Map(WebApplication app)
    {
        app.MapGet(Prefix, List);
        app.MapGet(Prefix + "/{processID}", Describe);
        app.MapGet(Prefix + "/{processID}/package", Package);
        var group = app.MapAuthenticatedGroup(Prefix, OgcResponses.HttpError);
        group.MapPost("", DeployAsync);
        group.MapPut("/{processID}", ReplaceAsync);
        group.MapDelete("/{processID}", Undeploy);
        group.MapPost("/{processID}/execution", ExecuteAsync);
    }

    private static IResult List(HttpRequest request, EmulatorServices services)
    {
        var q = request.Query;
        var processes = new JsonArray();
        var links = new JsonArray();
        foreach (var p in services.Processes.Deployed(Param(q, "deployer"), Param(q, "algorithmName"), Param(q, "algorithmVersion")))
        {
            processes.Add(OgcProcessBodies.ListEntry(p));
            links.Add(OgcProcessBodies.SelfLink(p.ProcessId));
        }

        return OgcResponses.Json(new JsonObject { ["processes"] = processes, ["links"] = links });
    }

    private static IResult Describe(string processID, EmulatorServices services)
    {
        if (Find(processID, services) is not { } process)
        {
            return Error(ProcessRegistry.NoSuchProcess());
        }

        if (services.Catalog.Find(process.HysdsName, process.Row.Version) is null)
        {
            return OgcResponses.Error(StatusCodes.Status404NotFound, "No process with that process ID found on HySDS", OgcResponses.NoSuchProcess);
        }

        return OgcResponses.Json(OgcProcessBodies.Describe(process, processID));
    }

    private static IResult Package(string processID, EmulatorServices services) =>
        Find(processID, services) is { } process
            ? OgcResponses.Json(OgcProcessBodies.Package(process))
            : Error(ProcessRegistry.NoSuchProcess());

    private static async Task<IResult> DeployAsync(HttpContext context, EmulatorServices services)
    {
        try
        {
            var request = await OgcDeployRequest.ReadAsync(context.Request, services.CwlDownloads, context.RequestAborted);
            var cwl = ProcessCwlReader.Read(request.CwlText);
            var deployment = services.Processes.Deploy(cwl, request.CwlText, request.Href, context.AuthenticatedUser());
            return OgcResponses.Json(OgcProcessBodies.Deployed(cwl, deployment, EmulatorServices.HostRoot(context.Request)), StatusCodes.Status202Accepted);
        }
        catch (ProcessRequestException e)
        {
            return Error(e);
        }
        catch (OgcDeployRequest.NotJsonException e)
        {
            return NotJson(e);
        }
    }

    private static async Task<IResult> ReplaceAsync(string processID, HttpContext context, EmulatorServices services)
    {
        try
        {
            var id = ProcessId(processID) ?? throw ProcessRegistry.NoSuchProcess();
            var caller = context.AuthenticatedUser();
            services.Processes.OwnedProcess(id, caller); // 404 and 403 before the body is looked at
            var request = await OgcDeployRequest.ReadAsync(context.Request, services.CwlDownloads, context.RequestAborted);
            var cwl = ProcessCwlReader.Read(request.CwlText);
            var deployment = services.Processes.Replace(id, cwl, request.CwlText, request.Href, caller);
            return OgcResponses.Json(OgcProcessBodies.Replaced(cwl, deployment, id, EmulatorServices.HostRoot(context.Request)), StatusCodes.Status202Accepted);
        }
        catch (ProcessRequestException e)
        {
            return Error(e);
        }
        catch (OgcDeployRequest.NotJsonException e)
        {
            return NotJson(e);
        }
    }

    private static IResult Undeploy(string processID, HttpContext context, EmulatorServices services)
    {
        try
        {
            services.Processes.Undeploy(ProcessId(processID) ?? throw ProcessRegistry.NoSuchProcess(), context.AuthenticatedUser());
            return OgcResponses.Json(new JsonObject { ["detail"] = "Deleted process" });
        }
        catch (ProcessRequestException e)
        {
            return Error(e);
        }
    }

    /// <summary>A <see cref="ProcessRequestException"/> as <c>generate_error</c>; a duplicate adds <c>additionalProperties</c> after <c>instance</c>.</summary>
    internal static IResult Error(ProcessRequestException e)
    {
        var type = e.Kind switch
        {
            ProcessErrorKind.NoSuchProcess => OgcResponses.NoSuchProcess,
            ProcessErrorKind.ImmutableProcess => OgcResponses.ImmutableProcess,
            ProcessErrorKind.DuplicatedProcess => OgcResponses.DuplicatedProcess,
            _ => null,
        };
        var body = OgcResponses.ErrorBody(e.Status, e.Message, type);
        if (e.DuplicateOf is { } processId)
        {
            body["additionalProperties"] = new JsonObject { ["processID"] = processId };
        }

        return OgcResponses.Json(body, e.Status);
    }

    /// <summary>restx's answer to an exception it did not expect, with MAAP's default <c>FLASK_DEBUG</c> on.</summary>
    private static IResult NotJson(OgcDeployRequest.NotJsonException e) =>
        OgcResponses.Json(new JsonObject { ["message"] = e.Message, ["type"] = "JSONDecodeError" }, StatusCodes.Status500InternalServerError);

    private static OgcProcess? Find(string processID, EmulatorServices services) =>
        ProcessId(processID) is { } id ? services.Processes.FindDeployed(id) : null;

    /// <summary>The integer a path segment names, or null (then the process is "not found").</summary>
    private static int? ProcessId(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? Param(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
}
