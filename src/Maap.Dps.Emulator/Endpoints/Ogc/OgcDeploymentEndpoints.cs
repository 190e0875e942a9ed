using System.Globalization;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>
/// The deployment routes, <c>/api/ogc/deploymentJobs…</c> (<c>maap-ogc-spec.md</c> §3.15). Like MAAP, a single
/// deployment is readable by any authenticated user; the list holds the caller's own. The GitLab webhook is refused:
/// the emulator moves its deployments itself and has no GitLab secret to compare <c>X-Gitlab-Token</c> with.
/// </summary>
internal static class OgcDeploymentEndpoints
{
    private const string Prefix = "/api/ogc/deploymentJobs";

    public static void Map(WebApplication app)
    {
        app.MapPost(Prefix, () => OgcResponses.HttpError(StatusCodes.Status401Unauthorized, "Not authorized."));
        var group = app.MapAuthenticatedGroup(Prefix, OgcResponses.HttpError);
        group.MapGet("", List);
        group.MapGet("/{deploymentJobID}", Get);
    }

    /// <summary>200, or 201 for the one read that first reports the deployment's success; 404 for an unknown or non-integer id.</summary>
    private static IResult Get(string deploymentJobID, HttpContext context, EmulatorServices services)
    {
        var observed = int.TryParse(deploymentJobID, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? services.Processes.ObserveDeployment(id)
            : null;
        if (observed is not { } o)
        {
            return OgcResponses.Error(StatusCodes.Status404NotFound, "No deployment with that deployment ID found");
        }

        return OgcResponses.Json(
            OgcProcessBodies.Deployment(o.Row, EmulatorServices.HostRoot(context.Request), listed: false),
            o.FirstSuccess ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult List(HttpContext context, EmulatorServices services)
    {
        var root = EmulatorServices.HostRoot(context.Request);
        var list = new JsonArray();
        foreach (var row in services.Processes.ListDeployments(context.AuthenticatedUser().Name))
        {
            list.Add(OgcProcessBodies.Deployment(row, root, listed: true));
        }

        return OgcResponses.Json(new JsonObject { ["deploymentJobs"] = list, ["total"] = list.Count });
    }
}
