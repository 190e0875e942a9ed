using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Maap.Dps.Emulator.Wire;

namespace Maap.Dps.Emulator.Endpoints.Wps;

/// <summary>
/// A parsed WPS 2.0 <c>Execute</c> document (spec §3). Inputs keep document order; values are decoded as MAAP does:
/// JSON when the text is JSON, the raw string otherwise.
/// </summary>
internal sealed class WpsExecuteRequest
{
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The deepest element nesting read (the root is 1). MAAP's template nests 5 deep.</summary>
    public const int MaxDepth = 32;
    private static readonly XNamespace Wps = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/2.0";

    private WpsExecuteRequest(string jobType, string outputId, List<KeyValuePair<string, JsonNode?>> inputs)
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
    public static WpsExecuteRequest Parse(byte[] body)
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
            EnsureDepth(body, settings);
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            if (reader.LocalName != "Execute")
            {
                throw new FormatException($"Expected a wps:Execute document, found '{reader.Name}'.");
            }

            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
                {
                    reader.Read();
                    continue;
                }

                // XNode.ReadFrom consumes the whole element and leaves the reader on the next node, whitespace or not.
                var element = (XElement)XNode.ReadFrom(reader);
                if (element.Name == Ows + "Identifier" && identifier is null)
                {
                    identifier = element.Value.Trim();
                }
                else if (element.Name == Wps + "Output" && outputId is null)
                {
                    outputId = (string?)element.Attribute("id") ?? throw new FormatException("wps:Output has no id attribute.");
                }
                else if (element.Name == Wps + "Input")
                {
                    var id = (string?)element.Attribute("id") ?? throw new FormatException("wps:Input has no id attribute.");
                    var literal = element.Element(Wps + "Data")?.Element(Wps + "LiteralValue") ?? element.Descendants(Wps + "LiteralValue").FirstOrDefault();
                    inputs.Add(new(id, PythonJson.Loads(literal?.Value ?? string.Empty)));
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

        return new WpsExecuteRequest(identifier, outputId, inputs);
    }

    /// <summary>
    /// A first pass that refuses nesting deeper than <see cref="MaxDepth"/> as soon as it meets it, before anything
    /// builds a tree: 100,000 nested elements (well inside the size bound) cost the tree reader quadratic time.
    /// </summary>
    private static void EnsureDepth(byte[] body, XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(new MemoryStream(body, writable: false), settings);
        while (reader.Read())
        {
            if (reader.Depth >= MaxDepth)
            {
                throw new FormatException($"The Execute document nests elements deeper than {MaxDepth} levels.");
            }
        }
    }
}
