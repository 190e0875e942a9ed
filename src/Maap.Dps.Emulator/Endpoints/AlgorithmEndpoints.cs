using System.Text;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints;

/// <summary>Algorithm registration, listing and deletion, and the queue list (spec §12.1, §14).</summary>
internal static class AlgorithmEndpoints
{
    public static void Map(WebApplication app)
    {
        var algorithms = app.MapAuthenticatedGroup("/api/mas/algorithm");
        algorithms.MapGet("", List);
        algorithms.MapPost("", RegisterAsync);
        algorithms.MapGet("/resource", Queues);
        algorithms.MapDelete("/{id}", Delete);
    }

    private static IResult List(HttpContext context, EmulatorServices services, string? visibility)
    {
        var user = context.AuthenticatedUser();
        var list = new JsonArray();
        foreach (var a in services.Catalog.All.Where(a => !a.IsOgcProcess))
        {
            var mine = a.Owner == user.Name;
            var include = visibility switch
            {
                "private" => mine,
                "public" => !mine,
                _ => true,
            };
            if (include)
            {
                list.Add(new JsonObject { ["type"] = a.Name, ["version"] = a.Version });
            }
        }

        return Responses.Json(new JsonObject { ["code"] = 200, ["algorithms"] = list, ["message"] = "success" });
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, EmulatorServices services)
    {
        var user = context.AuthenticatedUser();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        AlgorithmRecord record;
        try
        {
            record = await services.Catalog.RegisterAsync(body, user.Name, [.. services.Queues.Names], services.Queues.Default, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), context.RequestAborted);
        }
        catch (RegistrationException e) when (e.Status == 400)
        {
            return Responses.CodeMessage(400, e.Message);
        }
        catch (RegistrationException e)
        {
            return Responses.Json(new JsonObject { ["code"] = 500, ["message"] = e.Message, ["error"] = e.Message }, 500);
        }

        var root = EmulatorServices.HostRoot(context.Request);
        return Responses.Json(new JsonObject
        {
            ["code"] = 200,
            ["message"] = new JsonObject
            {
                ["id"] = Math.Abs(record.RegisteredMs % 1_000_000),
                ["status"] = "success",
                ["ref"] = record.Version,
                ["job_type"] = record.JobType,
                ["web_url"] = $"{root}/api/mas/algorithm/{record.Key}",
                ["detailed_status"] = new JsonObject { ["text"] = "passed", ["label"] = "registered by the MAAP DPS emulator; no image build needed" },
            },
        });
    }

    private static IResult Queues(EmulatorServices services)
    {
        return Responses.Json(new JsonObject
        {
            ["code"] = 200,
            ["queues"] = new JsonArray([.. services.Queues.Names.Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["message"] = "success",
        });
    }

    private static IResult Delete(string id, HttpContext context, EmulatorServices services)
    {
        var user = context.AuthenticatedUser();
        var algorithm = services.Catalog.FindByKey(id);
        if (algorithm is null || algorithm.IsOgcProcess)
        {
            return Responses.CodeMessage(404, $"Algorithm {id} not found");
        }

        if (algorithm.Owner != user.Name)
        {
            return Responses.CodeMessage(403, $"Algorithm {id} was registered by another user and cannot be deleted by {user.Name}");
        }

        services.Catalog.Delete(algorithm);
        return Responses.CodeMessage(200, $"successfully deleted {algorithm.JobType}");
    }
}
