using System.Xml;
using System.Xml.Linq;

namespace Maap.Algorithms.Protocol.Wps;

// Interim XDocument-based reader; replaced by the allocation-lean scanner on the wps-xml branch.
internal static class WpsReader
{
    private static readonly XNamespace Wps = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/2.0";

    private static XDocument Load(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 });
            return XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    public static StatusInfo ReadStatusInfo(string xml)
    {
        var root = Load(xml).Root!;
        if (root.Name != Wps + "StatusInfo")
        {
            throw new FormatException($"Expected wps:StatusInfo, found {root.Name}.");
        }

        var id = root.Element(Wps + "JobID")?.Value ?? throw new FormatException("wps:StatusInfo has no wps:JobID.");
        var status = root.Element(Wps + "Status")?.Value ?? throw new FormatException("wps:StatusInfo has no wps:Status.");
        return new StatusInfo(id, JobStatus.FromWps(status));
    }

    public static JobResult ReadResult(string xml)
    {
        var root = Load(xml).Root!;
        if (root.Name != Wps + "Result")
        {
            throw new FormatException($"Expected wps:Result, found {root.Name}.");
        }

        var id = root.Element(Wps + "JobID")?.Value ?? throw new FormatException("wps:Result has no wps:JobID.");
        var outputs = new List<JobOutput>();
        string? traceback = null;
        foreach (var output in root.Elements(Wps + "Output"))
        {
            var outputId = (string?)output.Attribute("id") ?? string.Empty;
            var data = output.Elements(Wps + "Data").Select(d => d.Value).ToList();
            if (outputId == "traceback")
            {
                traceback = string.Join("\n", data);
            }
            else
            {
                outputs.Add(new JobOutput(outputId, data.Select(JobOutputUrl.Classify).ToList()));
            }
        }

        return new JobResult(id, outputs, traceback);
    }

    public static JobMetrics ReadMetrics(string xml)
    {
        var root = Load(xml).Root!;
        if (root.Name != "metrics")
        {
            throw new FormatException($"Expected metrics, found {root.Name}.");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var child in root.Elements())
        {
            values[child.Name.LocalName] = child.IsEmpty || child.Value.Length == 0 ? null : child.Value;
        }

        return new JobMetrics(values);
    }

    public static WpsExceptionReport? TryReadExceptionReport(string text)
    {
        try
        {
            var root = Load(text).Root!;
            if (root.Name.LocalName != "ExceptionReport")
            {
                return null;
            }

            var exception = root.Elements().FirstOrDefault(e => e.Name.LocalName == "Exception");
            return new WpsExceptionReport((string?)exception?.Attribute("exceptionCode"), (string?)exception?.Attribute("locator"), exception?.Elements().FirstOrDefault(e => e.Name.LocalName == "ExceptionText")?.Value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static AlgorithmDescription ReadProcessOfferings(string xml)
    {
        var root = Load(xml).Root!;
        var process = root.Descendants(Wps + "Process").FirstOrDefault() ?? throw new FormatException("No wps:Process.");
        var identifier = process.Element(Ows + "Identifier")?.Value ?? throw new FormatException("wps:Process has no ows:Identifier.");
        string? queue = null;
        var inputs = new List<AlgorithmParameter>();
        foreach (var input in process.Elements(Wps + "Input"))
        {
            var name = input.Element(Ows + "Identifier")?.Value ?? string.Empty;
            if (name == "queue_name")
            {
                queue = input.Descendants().FirstOrDefault(e => e.Name.LocalName is "LiteralValue" or "DefaultValue")?.Value;
                continue;
            }

            inputs.Add(new AlgorithmParameter(name, input.Element(Ows + "Title")?.Value, null));
        }

        return new AlgorithmDescription(identifier, process.Element(Ows + "Title")?.Value, inputs, queue);
    }
}
