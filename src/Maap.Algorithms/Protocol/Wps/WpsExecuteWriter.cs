using System.Text;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>
/// Writes the WPS 2.0 <c>Execute</c> document MAAP's <c>POST /api/dps/job</c> takes (spec §3), compact, with the
/// namespaces and attributes of maap-py's template.
/// </summary>
/// <remarks>
/// Inputs go in maap-py's order: <c>identifier</c> (the tag, when set), <c>queue</c>, the algorithm inputs, then
/// <c>dedup</c> (when set). No <c>username</c> input is sent: the server sets it from the credentials anyway.
/// Each value travels in CDATA as maap-py sends it, but any string survives the trip: a <c>]]&gt;</c> is split
/// across two sections, and a carriage return goes out as <c>&amp;#xD;</c> between sections, because an XML parser
/// turns a raw CR into LF. Characters XML 1.0 cannot carry at all are refused with an <see cref="ArgumentException"/>,
/// never written.
/// </remarks>
internal static class WpsExecuteWriter
{
    private const string Start =
        "<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/2.0\" xmlns:ows=\"http://www.opengis.net/ows/2.0\" "
        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "xsi:schemaLocation=\"http://www.opengis.net/wps/2.0 ../wps.xsd\" service=\"WPS\" version=\"2.0.0\" "
        + "response=\"document\" mode=\"sync\"><ows:Identifier>job-";

    private const string End = "<wps:Output id=\"result\" transmission=\"value\"/></wps:Execute>";

    /// <summary>Writes the Execute document for <paramref name="request"/>. The caller validates the request first.</summary>
    /// <param name="request">The job to submit.</param>
    /// <returns>The document, without an XML declaration (as maap-py sends it).</returns>
    /// <exception cref="ArgumentException">A value is null or holds a character XML cannot carry.</exception>
    public static string Write(JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = new StringBuilder(1024);
        builder.Append(Start);
        AppendEscaped(builder, Required(request.AlgorithmId, nameof(request.AlgorithmId)), attribute: false);
        builder.Append(':');
        AppendEscaped(builder, Required(request.Version, nameof(request.Version)), attribute: false);
        builder.Append("</ows:Identifier>");
        if (request.Tag is { } tag)
        {
            AppendInput(builder, "identifier", tag);
        }

        AppendInput(builder, "queue", Required(request.Queue, nameof(request.Queue)));
        foreach (var input in request.Inputs)
        {
            if (input is null)
            {
                throw new ArgumentException("Inputs contains a null entry.", nameof(request));
            }

            AppendInput(builder, Required(input.Name, nameof(request.Inputs)), Required(input.Value, nameof(request.Inputs)));
        }

        if (request.Dedup is { } dedup)
        {
            AppendInput(builder, "dedup", dedup ? "true" : "false");
        }

        return builder.Append(End).ToString();
    }

    private static string Required(string? value, string name) =>
        value ?? throw new ArgumentException($"{name} is null; the Execute document cannot carry a null value.", name);

    private static void AppendInput(StringBuilder builder, string id, string value)
    {
        builder.Append("<wps:Input id=\"");
        AppendEscaped(builder, id, attribute: true);
        builder.Append("\"><wps:Data><wps:LiteralValue><![CDATA[");
        AppendCData(builder, value);
        builder.Append("]]></wps:LiteralValue></wps:Data></wps:Input>");
    }

    /// <summary>Appends <paramref name="value"/> inside an open CDATA section, splitting sections where a literal section cannot hold it.</summary>
    private static void AppendCData(StringBuilder builder, string value)
    {
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c < 0xD800)
            {
                if (c == '>' && i >= 2 && value[i - 1] == ']' && value[i - 2] == ']')
                {
                    // "]]>" would close the section: end it after "]]" and start the next one with ">".
                    builder.Append(value, runStart, i - runStart).Append("]]><![CDATA[");
                    runStart = i;
                }

                continue;
            }

            if (c == '\r')
            {
                builder.Append(value, runStart, i - runStart).Append("]]>&#xD;<![CDATA[");
                runStart = i + 1;
                continue;
            }

            i = CheckOtherChar(value, i);
        }

        builder.Append(value, runStart, value.Length - runStart);
    }

    private static void AppendEscaped(StringBuilder builder, string value, bool attribute)
    {
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? escape = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                '\t' when attribute => "&#x9;",
                '\n' when attribute => "&#xA;",
                '\r' => "&#xD;",
                _ => null,
            };
            if (escape is not null)
            {
                builder.Append(value, runStart, i - runStart).Append(escape);
                runStart = i + 1;
            }
            else if (c < 0x20 || c >= 0xD800)
            {
                i = CheckOtherChar(value, i);
            }
        }

        builder.Append(value, runStart, value.Length - runStart);
    }

    /// <summary>Checks a control or non-BMP-range character at <paramref name="i"/>; returns the index of its last code unit.</summary>
    private static int CheckOtherChar(string value, int i)
    {
        var c = value[i];
        if (c is '\t' or '\n' || (c >= 0xE000 && c <= 0xFFFD))
        {
            return i;
        }

        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
        {
            return i + 1;
        }

        throw new ArgumentException($"The value contains the character U+{(int)c:X4} at position {i}, which XML (and so MAAP's job API) cannot carry.", nameof(value));
    }
}
