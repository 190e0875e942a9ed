using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Endpoints.Wps;

/// <summary>
/// Writes WPS documents the way MAAP's Python <c>ElementTree.tostring()</c> does (spec §0): no XML declaration, no
/// whitespace between elements, the four namespace declarations in the current server's insertion order, text escaped
/// for <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> only.
/// </summary>
internal static class WpsXml
{
    public const string Namespaces =
        "xmlns:wps=\"http://www.opengis.net/wps/2.0\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
        "xmlns:schemaLocation=\"http://schemas.opengis.net/wps/2.0/wps.xsd\" " +
        "xmlns:ows=\"http://www.opengis.net/ows/2.0\"";

    public static string StatusInfo(string jobId, string wpsStatus) =>
        $"<wps:StatusInfo {Namespaces}><wps:JobID>{Text(jobId)}</wps:JobID><wps:Status>{Text(wpsStatus)}</wps:Status></wps:StatusInfo>";

    public static string ExceptionReport(string code, string locator, string message) =>
        $"<ows:ExceptionReport {Namespaces}><ows:Exception exceptionCode=\"{Attribute(code)}\" locator=\"{Attribute(locator)}\">" +
        $"<ows:ExceptionText>{Text(message)}</ows:ExceptionText></ows:Exception></ows:ExceptionReport>";

    public static string Result(string jobId, IEnumerable<(string Id, IReadOnlyList<string> Data)> outputs)
    {
        var sb = new StringBuilder(512);
        sb.Append("<wps:Result ").Append(Namespaces).Append("><wps:JobID>").Append(Text(jobId)).Append("</wps:JobID>");
        foreach (var (id, data) in outputs)
        {
            sb.Append("<wps:Output id=\"").Append(Attribute(id)).Append("\">");
            foreach (var d in data)
            {
                sb.Append("<wps:Data>").Append(Text(d)).Append("</wps:Data>");
            }

            sb.Append("</wps:Output>");
        }

        return sb.Append("</wps:Result>").ToString();
    }

    /// <summary>
    /// The metrics document of spec §6. With <paramref name="reproduceQuirk"/>, the eight fields MAAP's server breaks
    /// carry its <c>&lt;Element 'x' at 0x…&gt;</c> text (a stable fake address per job and field) instead of the value.
    /// A measurement the job lacks is Python's <c>None</c>.
    /// </summary>
    public static string Metrics(JobMetrics m, bool reproduceQuirk)
    {
        var sb = new StringBuilder(1024).Append("<metrics>");
        Element(sb, "machine_type", m.MachineType);
        Element(sb, "architecture", m.Architecture);
        Element(sb, "machine_memory_size", m.MachineMemoryBytes.ToString(CultureInfo.InvariantCulture));
        Element(sb, "directory_size", Number(m.DirectorySizeBytes));
        Element(sb, "operating_system", m.OperatingSystem);
        Element(sb, "job_start_time", m.StartTime is { } start ? HysdsTime.Iso(start) : "None");
        Element(sb, "job_end_time", m.EndTime is { } end ? HysdsTime.Iso(end) : "None");
        Element(sb, "job_duration_seconds", m.DurationSeconds is { } seconds ? JsonValue.Create(seconds).ToJsonString() : "None");
        Element(sb, "cpu_usage", Number(m.CpuNanoseconds));
        Element(sb, "cache_usage", Number(m.CacheBytes));
        (string Name, string Measured)[] broken =
        [
            ("mem_usage", Number(m.MemoryBytes)),
            ("max_mem_usage", Number(m.MaxMemoryBytes)),
            ("swap_usage", Number(m.SwapBytes)),
            ("read_io_stats", Number(m.ReadBytes)),
            ("write_io_stats", Number(m.WriteBytes)),
            ("sync_io_stats", Number(m.SyncIoBytes)),
            ("async_io_stats", Number(m.AsyncIoBytes)),
            ("total_io_stats", Number(m.TotalIoBytes)),
        ];
        foreach (var (name, measured) in broken)
        {
            Element(sb, name, reproduceQuirk ? ElementRepr(name, m.JobId) : measured);
        }

        return sb.Append("</metrics>").ToString();
    }

    /// <summary>DescribeProcess (spec §11): the algorithm's inputs with their defaults, then <c>queue_name</c>.</summary>
    public static string ProcessOfferings(AlgorithmRecord a, Func<JsonNode, string> defaultText)
    {
        var sb = new StringBuilder(1024);
        sb.Append("<wps:ProcessOfferings ").Append(Namespaces).Append('>')
          .Append("<wps:ProcessOffering jobControlOptions=\"async-execute dismiss\" outputTransmission=\"reference\">")
          .Append("<wps:Process><ows:Title>").Append(Text(a.Description)).Append("</ows:Title>")
          .Append("<ows:Identifier>").Append(Text(a.Key)).Append("</ows:Identifier>");
        foreach (var p in a.Params)
        {
            AppendInput(sb, p.Name, p.Default is null ? null : defaultText(p.Default));
        }

        AppendInput(sb, "queue_name", a.Queue);
        return sb.Append("<wps:Output /></wps:Process></wps:ProcessOffering></wps:ProcessOfferings>").ToString();
    }

    /// <summary>GetCapabilities (spec §14): one process summary per registered algorithm.</summary>
    public static string Capabilities(IEnumerable<AlgorithmRecord> algorithms)
    {
        var sb = new StringBuilder(1024);
        sb.Append("<wps:Capabilities ").Append(Namespaces).Append(" service=\"WPS\" version=\"2.0.0\">")
          .Append("<ows:ServiceIdentification><ows:Title>MAAP DPS Emulator</ows:Title><ows:ServiceType>WPS</ows:ServiceType>")
          .Append("<ows:ServiceTypeVersion>2.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification><wps:Contents>");
        foreach (var a in algorithms)
        {
            sb.Append("<wps:ProcessSummary jobControlOptions=\"async-execute dismiss\"><ows:Title>").Append(Text(a.Description))
              .Append("</ows:Title><ows:Identifier>").Append(Text(a.Key)).Append("</ows:Identifier></wps:ProcessSummary>");
        }

        return sb.Append("</wps:Contents></wps:Capabilities>").ToString();
    }

    /// <summary>Escapes element text as ElementTree does.</summary>
    public static string Text(string value)
    {
        if (value.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return value;
        }

        return value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>Escapes an attribute value as ElementTree does.</summary>
    public static string Attribute(string value) =>
        Text(value).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("\n", "&#10;", StringComparison.Ordinal)
            .Replace("\r", "&#13;", StringComparison.Ordinal)
            .Replace("\t", "&#09;", StringComparison.Ordinal);

    private static void AppendInput(StringBuilder sb, string name, string? value)
    {
        sb.Append("<wps:Input><ows:Title>").Append(Text(name)).Append("</ows:Title><ows:Identifier>")
          .Append(Text(name)).Append("</ows:Identifier><wps:LiteralData><wps:Format mimeType=\"text/plain\" default=\"true\" />")
          .Append("<LiteralDataDomain><ows:AnyValue /><ows:DataType ows:reference=\"xs:string\" />");
        if (value is not null)
        {
            sb.Append("<wps:LiteralValue>").Append(Text(value)).Append("</wps:LiteralValue>");
        }

        sb.Append("</LiteralDataDomain></wps:LiteralData></wps:Input>");
    }

    private static string Number(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "None";

    private static string ElementRepr(string name, string jobId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(jobId + name));
        var address = 0x7f0000000000L | (BitConverter.ToInt64(hash, 0) & 0xffffffff0L);
        return $"<Element '{name}' at 0x{address:x}>";
    }

    private static void Element(StringBuilder sb, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            sb.Append('<').Append(name).Append(" />");
            return;
        }

        sb.Append('<').Append(name).Append('>').Append(Text(value)).Append("</").Append(name).Append('>');
    }
}
