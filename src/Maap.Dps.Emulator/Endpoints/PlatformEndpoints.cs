using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Maap.Dps.Emulator.Endpoints;

/// <summary>Configuration discovery (§1), the member profile (§10), and the published-output file server.</summary>
internal static class PlatformEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/environment/config", Config);
        app.MapAuthenticatedGroup("/api/members/self").MapGet("", Self);
        app.MapGet($"/{EmulatorPaths.Bucket}/{{**path}}", Workspace);
    }

    private static IResult Config(HttpContext context)
    {
        var root = EmulatorServices.HostRoot(context.Request) + "/api";
        var endpoints = new JsonObject
        {
            ["search_granule_url"] = "cmr/granules",
            ["search_collection_url"] = "cmr/collections",
            ["algorithm_register"] = "mas/algorithm",
            ["algorithm_build"] = "dps/algorithm/build",
            ["mas_algo"] = "mas/algorithm",
            ["dps_job"] = "dps/job",
            ["processes_ogc"] = "ogc/processes",
            ["deployment_jobs_ogc"] = "ogc/deploymentJobs",
            ["jobs_ogc"] = "ogc/jobs",
            ["wmts"] = "wmts",
            ["member"] = "members/self",
            ["member_dps_token"] = "members/dps/userImpersonationToken",
            ["requester_pays"] = "members/self/awsAccess/requesterPaysBucket",
            ["edc_credentials"] = "members/self/awsAccess/edcCredentials/{endpoint_uri}",
            ["s3_signed_url"] = "members/self/presignedUrlS3/{bucket}/{key}",
            ["workspace_bucket_credentials"] = "members/self/awsAccess/workspaceBucket",
        };
        return Responses.Json(new JsonObject
        {
            ["maap_endpoint"] = endpoints,
            ["service"] = new JsonObject
            {
                ["maap_token"] = "some-token",
                ["tiler_endpoint"] = "https://8e9mu91qr6.execute-api.us-east-1.amazonaws.com/production",
                ["maap_api_root"] = root,
            },
            ["search"] = new JsonObject
            {
                ["indexed_attributes"] = new JsonArray("site_name,Site Name,string", "data_format,Data Format,string"),
            },
        });
    }

    private static IResult Self(HttpContext context, EmulatorServices services)
    {
        var user = context.AuthenticatedUser();
        var scheme = context.AuthenticationScheme();
        if (scheme == "api-key")
        {
            return Responses.RawJson("null"); // MAAP's handler returns nothing for API-key callers (§10).
        }

        var profile = new JsonObject
        {
            ["id"] = (int)(BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user.Name))) % 100000),
            ["username"] = user.Name,
            ["first_name"] = user.Name,
            ["last_name"] = "Emulated",
            ["email"] = $"{user.Name}@emulator.localhost",
            ["status"] = "active",
            ["urs_token"] = null,
            ["public_ssh_key"] = null,
            ["public_ssh_key_name"] = null,
            ["public_ssh_key_modified_date"] = null,
            ["creation_date"] = "2024-01-01T00:00:00",
            ["session_key"] = user.Token,
        };
        if (scheme == "proxy-ticket")
        {
            profile["organizations"] = new JsonArray(new JsonObject { ["id"] = 1, ["name"] = "MAAP DPS Emulator" });
        }

        return Responses.Json(profile);
    }

    /// <summary>
    /// Published outputs, readable with a plain GET and no credentials, like the S3 website endpoint: a key (file) is
    /// served, a prefix (folder) is not listed. Nothing is served through a symbolic link, so no path reaches outside
    /// the workspace whatever a job left in it.
    /// </summary>
    private static IResult Workspace(string? path, EmulatorServices services)
    {
        var root = services.Paths.Workspace;
        var full = services.Paths.ResolveWorkspacePath(path ?? string.Empty);
        if (full is null || full == root || PassesThroughLink(root, full) || !File.Exists(full))
        {
            return Results.NotFound();
        }

        var type = ContentTypes.TryGetContentType(full, out var t) ? t : "application/octet-stream";
        return Results.File(full, type, enableRangeProcessing: true);
    }

    /// <summary>Whether <paramref name="full"/> or a folder between it and <paramref name="root"/> is a symbolic link.</summary>
    private static bool PassesThroughLink(string root, string full)
    {
        for (var p = full; p.Length > root.Length; p = Path.GetDirectoryName(p)!)
        {
            if (new FileInfo(p).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }
}
