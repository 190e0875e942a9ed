using System.Xml.Linq;

namespace Maap.Algorithms.Protocol.Wps;

// Interim XDocument-based writer; replaced by the streaming writer on the wps-xml branch.
internal static class WpsExecuteWriter
{
    public static string Write(JobRequest request)
    {
        XNamespace wps = "http://www.opengis.net/wps/2.0";
        XNamespace ows = "http://www.opengis.net/ows/2.0";
        var root = new XElement(wps + "Execute",
            new XAttribute(XNamespace.Xmlns + "wps", wps),
            new XAttribute(XNamespace.Xmlns + "ows", ows),
            new XAttribute("service", "WPS"), new XAttribute("version", "2.0.0"), new XAttribute("response", "document"), new XAttribute("mode", "sync"),
            new XElement(ows + "Identifier", request.JobType));
        void Input(string id, string value) => root.Add(new XElement(wps + "Input", new XAttribute("id", id), new XElement(wps + "Data", new XElement(wps + "LiteralValue", value))));
        if (request.Tag is not null)
        {
            Input("identifier", request.Tag);
        }

        Input("queue", request.Queue);
        foreach (var input in request.Inputs)
        {
            Input(input.Name, input.Value);
        }

        if (request.Dedup is { } dedup)
        {
            Input("dedup", dedup ? "true" : "false");
        }

        root.Add(new XElement(wps + "Output", new XAttribute("id", "result"), new XAttribute("transmission", "value")));
        return root.ToString(SaveOptions.DisableFormatting);
    }
}
