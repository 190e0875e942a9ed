using System.Text;

namespace Maap.Dps.Emulator.Wire;

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
}
