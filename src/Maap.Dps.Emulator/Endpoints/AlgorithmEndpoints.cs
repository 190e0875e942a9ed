using System.Text;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints;

/// <summary>Algorithm registration and description (spec §11, §12.1, §14).</summary>
internal static class AlgorithmEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/mas/algorithm", List);
        app.MapPost("/api/mas/algorithm", RegisterAsync);
        app.MapGet("/api/mas/algorithm/resource", Queues);
        app.MapGet("/api/mas/algorithm/{id}", (string id, EmulatorServices s) => Describe(id, s, "FailedDescribeAlgo", "DescribeAlgo"));
        app.MapDelete("/api/mas/algorithm/{id}", Delete);
        app.MapGet("/api/dps/job/describeprocess/{id}", (string id, EmulatorServices s) => Describe(id, s, "FailedDescribeProcess", "DescribeProcess"));
        app.MapGet("/api/dps/job", Capabilities);
    }

    private static IResult List(HttpContext context, EmulatorServices services, string? visibility)
    {
        var user = services.Authenticate(context, out var denied, out _);
        if (user is null)
        {
            return denied;
        }

        var list = new JsonArray();
        foreach (var a in services.Catalog.All)
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
        var user = services.Authenticate(context, out var denied, out _);
        if (user is null)
        {
            return denied;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        AlgorithmRecord record;
        try
        {
            record = services.Catalog.Register(body, user.Name, [.. services.Queues.Names], services.Queues.Default, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
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

    private static IResult Queues(HttpContext context, EmulatorServices services)
    {
        var user = services.Authenticate(context, out var denied, out _);
        if (user is null)
        {
            return denied;
        }

        return Responses.Json(new JsonObject
        {
            ["code"] = 200,
            ["queues"] = new JsonArray([.. services.Queues.Names.Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["message"] = "success",
        });
    }

    private static IResult Delete(string id, HttpContext context, EmulatorServices services)
    {
        var user = services.Authenticate(context, out var denied, out _);
        if (user is null)
        {
            return denied;
        }

        var algorithm = Find(id, services);
        if (algorithm is null)
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

    private static IResult Describe(string id, EmulatorServices services, string code, string locator)
    {
        var a = Find(id, services);
        if (a is null)
        {
            return Responses.Xml(WpsXml.ExceptionReport(code, locator,
                $"Failed to describe process {id}. 'NoneType' object has no attribute 'get'"), 500);
        }

        var sb = new StringBuilder(1024);
        sb.Append("<wps:ProcessOfferings ").Append(WpsXml.Namespaces).Append('>')
          .Append("<wps:ProcessOffering jobControlOptions=\"async-execute dismiss\" outputTransmission=\"reference\">")
          .Append("<wps:Process><ows:Title>").Append(WpsXml.Text(a.Description)).Append("</ows:Title>")
          .Append("<ows:Identifier>").Append(WpsXml.Text(a.Key)).Append("</ows:Identifier>");
        foreach (var p in a.Params)
        {
            AppendInput(sb, p.Name, p.Default is null ? null : CommandLine.Text(p.Default));
        }

        AppendInput(sb, "queue_name", a.Queue);
        sb.Append("<wps:Output /></wps:Process></wps:ProcessOffering></wps:ProcessOfferings>");
        return Responses.Xml(sb.ToString());
    }

    private static void AppendInput(StringBuilder sb, string name, string? value)
    {
        sb.Append("<wps:Input><ows:Title>").Append(WpsXml.Text(name)).Append("</ows:Title><ows:Identifier>")
          .Append(WpsXml.Text(name)).Append("</ows:Identifier><wps:LiteralData><wps:Format mimeType=\"text/plain\" default=\"true\" />")
          .Append("<LiteralDataDomain><ows:AnyValue /><ows:DataType ows:reference=\"xs:string\" />");
        if (value is not null)
        {
            sb.Append("<wps:LiteralValue>").Append(WpsXml.Text(value)).Append("</wps:LiteralValue>");
        }

        sb.Append("</LiteralDataDomain></wps:LiteralData></wps:Input>");
    }

    private static IResult Capabilities(EmulatorServices services)
    {
        var sb = new StringBuilder(1024);
        sb.Append("<wps:Capabilities ").Append(WpsXml.Namespaces).Append(" service=\"WPS\" version=\"2.0.0\">")
          .Append("<ows:ServiceIdentification><ows:Title>MAAP DPS Emulator</ows:Title><ows:ServiceType>WPS</ows:ServiceType>")
          .Append("<ows:ServiceTypeVersion>2.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification><wps:Contents>");
        foreach (var a in services.Catalog.All)
        {
            sb.Append("<wps:ProcessSummary jobControlOptions=\"async-execute dismiss\"><ows:Title>").Append(WpsXml.Text(a.Description))
              .Append("</ows:Title><ows:Identifier>").Append(WpsXml.Text(a.Key)).Append("</ows:Identifier></wps:ProcessSummary>");
        }

        sb.Append("</wps:Contents></wps:Capabilities>");
        return Responses.Xml(sb.ToString());
    }

    private static AlgorithmRecord? Find(string id, EmulatorServices services)
    {
        var colon = id.LastIndexOf(':');
        return colon <= 0 ? null : services.Catalog.Find(id[..colon], id[(colon + 1)..]);
    }
}
