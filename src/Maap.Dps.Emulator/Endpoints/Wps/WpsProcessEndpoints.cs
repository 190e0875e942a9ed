using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Wps;

/// <summary>
/// The WPS views of registered algorithms (spec §11, §14): GetCapabilities and DescribeProcess, and MAS's describe,
/// which answers in the same WPS XML. All anonymous, as on MAAP.
/// </summary>
internal static class WpsProcessEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/mas/algorithm/{id}", (string id, EmulatorServices s) => Describe(id, s, "FailedDescribeAlgo", "DescribeAlgo"));
        app.MapGet("/api/dps/job/describeprocess/{id}", (string id, EmulatorServices s) => Describe(id, s, "FailedDescribeProcess", "DescribeProcess"));
        app.MapGet("/api/dps/job", (EmulatorServices s) => Responses.Xml(WpsXml.Capabilities(s.Catalog.All)));
    }

    private static IResult Describe(string id, EmulatorServices services, string code, string locator)
    {
        var a = services.Catalog.FindByKey(id);
        return a is null
            ? Responses.Xml(WpsXml.ExceptionReport(code, locator, $"Failed to describe process {id}. 'NoneType' object has no attribute 'get'"), 500)
            : Responses.Xml(WpsXml.ProcessOfferings(a, CommandLine.Text));
    }
}
