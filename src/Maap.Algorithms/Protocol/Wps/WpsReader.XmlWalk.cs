using System.Globalization;
using System.Text;
using System.Xml;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>
/// The bounded walk every WPS reader uses: one <see cref="XmlReader"/> configuration and the only code that moves it,
/// so every element read or skipped passes the depth check.
/// </summary>
internal static partial class WpsReader
{
    /// <summary>The deepest element nesting accepted (the root is level 1).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The longest document accepted, in characters: the default <see cref="MaapClientOptions.MaxResponseBytes"/>,
    /// which a UTF-8 body of that many bytes cannot exceed.
    /// </summary>
    public const int MaxDocumentLength = 16 * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxDocumentLength,
        // With DTDs prohibited only the five predefined entities exist; this bounds expansion should that ever change.
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Whitespace is kept: it is part of a traceback or a value that sits between CDATA sections.
        IgnoreWhitespace = false,
        CheckCharacters = true,
        ConformanceLevel = ConformanceLevel.Document,
    };

    /// <summary>Runs <paramref name="read"/> over a reader on <paramref name="xml"/>, turning every XML error into a <see cref="FormatException"/>.</summary>
    private static T Parse<T>(string xml, Func<XmlReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > MaxDocumentLength)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The XML document is {xml.Length} characters long; at most {MaxDocumentLength} are accepted."));
        }

        var text = new StringReader(xml);
        if (xml.StartsWith('\uFEFF'))
        {
            // A byte order mark that survived decoding is the encoding's signature, not a character of the document
            // (XML 1.0 §4.3.3); XmlReader only drops it from bytes.
            text.Read();
        }

        try
        {
            using var reader = XmlReader.Create(text, Settings);
            return read(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"Malformed XML: {e.Message}", e);
        }
    }

    // The helpers below are the only code that moves the reader, so every element read (wanted or skipped) passes
    // the depth check in Read. XmlReader.Skip and ReadElementContentAsString would move it past that check.

    /// <summary>Moves to the next node, refusing an element nested deeper than <see cref="MaxDepth"/>.</summary>
    private static bool Read(XmlReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        // XmlReader.Depth counts the root as 0.
        if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxDepth)
        {
            var line = (IXmlLineInfo)reader;
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Malformed XML: elements are nested deeper than {MaxDepth} levels at line {line.LineNumber}, position {line.LinePosition}."));
        }

        return true;
    }

    private static bool IsStartElement(XmlReader reader, string namespaceUri, string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI == namespaceUri;

    /// <summary>Moves to the root element and checks its name.</summary>
    private static void ReadRootElement(XmlReader reader, string namespaceUri, string localName, string description)
    {
        reader.MoveToContent();
        if (!IsStartElement(reader, namespaceUri, localName))
        {
            throw new FormatException($"Expected {description} (root element {{{namespaceUri}}}{localName}) but the root element is {{{reader.NamespaceURI}}}{reader.LocalName}.");
        }
    }

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/>, skipping text. Positioned on
    /// the parent's start tag, that is its first child; after a child has been consumed, its next sibling.
    /// </summary>
    /// <returns>True on a child's start tag; false on the parent's end tag (or on the parent itself when it is empty).</returns>
    private static bool ReadChildElement(XmlReader reader, int parentDepth)
    {
        if (reader.NodeType == XmlNodeType.Element && reader.Depth == parentDepth && reader.IsEmptyElement)
        {
            return false;
        }

        while (Read(reader))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                return true;
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == parentDepth)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Moves to the next element start tag inside the element at <paramref name="ancestorDepth"/>, at any depth: the
    /// same walk as <see cref="ReadChildElement"/>, with the elements found not skipped, so it descends into them.
    /// </summary>
    private static bool ReadDescendantElement(XmlReader reader, int ancestorDepth) => ReadChildElement(reader, ancestorDepth);

    /// <summary>Skips the current element, positioned on its start tag, and everything inside it; ends on its end tag.</summary>
    private static void Skip(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (Read(reader))
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>Reads the rest of the document, which must hold nothing but the end of the root, whitespace, comments and processing instructions.</summary>
    private static void ReadToEndOfDocument(XmlReader reader)
    {
        while (Read(reader))
        {
        }
    }

    /// <summary>
    /// Reads the text content of the current element, positioned on its start tag, and ends on its end tag. Text and
    /// CDATA sections are joined; comments and processing instructions between them are dropped.
    /// </summary>
    /// <returns>The text; empty for an empty element.</returns>
    /// <exception cref="FormatException">The element contains a child element.</exception>
    private static string ReadElementText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var name = reader.Name;
        var depth = reader.Depth;
        string? first = null;
        StringBuilder? joined = null;
        while (Read(reader))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (first is null)
                    {
                        first = reader.Value;
                    }
                    else
                    {
                        (joined ??= new StringBuilder(first)).Append(reader.Value);
                    }

                    break;
                case XmlNodeType.Element:
                    throw new FormatException($"Expected only text inside the element <{name}>, but it contains the element <{reader.Name}>.");
                case XmlNodeType.EndElement when reader.Depth == depth:
                    return joined?.ToString() ?? first ?? string.Empty;
            }
        }

        return joined?.ToString() ?? first ?? string.Empty;
    }
}
