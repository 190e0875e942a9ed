using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Maap.Dps.Emulator.Wire;

/// <summary>
/// A parsed WPS 2.0 <c>Execute</c> document (spec §3). Inputs keep document order; values are decoded as MAAP does:
/// JSON when the text is JSON, the raw string otherwise.
/// </summary>
internal sealed class ExecuteRequest
{
    public const int MaxBytes = 4 * 1024 * 1024;
    private const string WpsNs = "http://www.opengis.net/wps/2.0";
    private const string OwsNs = "http://www.opengis.net/ows/2.0";

    private ExecuteRequest(string jobType, string outputId, List<KeyValuePair<string, JsonNode?>> inputs)
    {
        JobType = jobType;
        OutputId = outputId;
        Inputs = inputs;
    }

    /// <summary>The <c>ows:Identifier</c>, <c>job-{algo}:{version}</c>.</summary>
    public string JobType { get; }

    public string OutputId { get; }

    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Inputs { get; }

    /// <summary>Parses the document namespace-aware with DTDs prohibited; throws <see cref="FormatException"/> when it is not usable.</summary>
    public static ExecuteRequest Parse(byte[] body)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            IgnoreComments = true,
        };
        string? identifier = null;
        string? outputId = null;
        var inputs = new List<KeyValuePair<string, JsonNode?>>();
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            if (reader.LocalName != "Execute")
            {
                throw new FormatException($"Expected a wps:Execute document, found '{reader.Name}'.");
            }

            var depth = reader.Depth;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
                {
                    continue;
                }

                if (reader.LocalName == "Identifier" && reader.NamespaceURI == OwsNs && identifier is null)
                {
                    identifier = reader.ReadElementContentAsString().Trim();
                }
                else if (reader.LocalName == "Output" && reader.NamespaceURI == WpsNs && outputId is null)
                {
                    outputId = reader.GetAttribute("id") ?? throw new FormatException("wps:Output has no id attribute.");
                }
                else if (reader.LocalName == "Input" && reader.NamespaceURI == WpsNs)
                {
                    var id = reader.GetAttribute("id") ?? throw new FormatException("wps:Input has no id attribute.");
                    inputs.Add(new(id, ReadLiteral(reader)));
                }
            }
        }
        catch (XmlException e)
        {
            throw new FormatException(e.Message, e);
        }

        if (identifier is null)
        {
            throw new FormatException("The Execute document has no ows:Identifier.");
        }

        if (outputId is null)
        {
            throw new FormatException("The Execute document has no wps:Output.");
        }

        return new ExecuteRequest(identifier, outputId, inputs);
    }

    /// <summary>Decodes a literal as MAAP's <c>json.loads</c>-or-raw rule does.</summary>
    public static JsonNode? Decode(string text)
    {
        if (text.Length == 0)
        {
            return JsonValue.Create(string.Empty);
        }

        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create((string?)null);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static JsonNode? ReadLiteral(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return JsonValue.Create(string.Empty);
        }

        using var sub = reader.ReadSubtree();
        while (sub.Read())
        {
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "LiteralValue" && sub.NamespaceURI == WpsNs)
            {
                return Decode(sub.ReadElementContentAsString());
            }
        }

        return JsonValue.Create(string.Empty);
    }
}
