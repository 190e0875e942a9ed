using System.Text;
using System.Xml.Linq;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

/// <summary>Random well-formed documents, written by System.Xml, must read the same through the scanner as through XDocument.</summary>
public class WpsXmlScannerDifferentialTests
{
    private static readonly string[] Namespaces = ["", "urn:a", "http://www.opengis.net/wps/2.0", "urn:b&c"];
    private static readonly string[] Prefixes = ["p", "wps", "w", "ows", "x1"];
    private static readonly string[] Fragments =
    [
        "a", "text", " ", "\t", "\n", "\r", "\r\n", "<", ">", "&", "\"", "'", "]]>", "]", "é", "日本", "😀", "\uE000", "&amp;", "0x7f", "  ",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Random_documents_read_the_same_as_with_XDocument(int seed)
    {
        var random = new Random(seed);
        var compared = 0;
        for (var round = 0; round < 25; round++)
        {
            var root = RandomElement(random, depth: 0);
            string xml;
            try
            {
                xml = root.ToString(SaveOptions.DisableFormatting);
            }
            catch (System.Xml.XmlException)
            {
                // The generator asked System.Xml for a prefix binding it will not write; not the scanner's concern.
                continue;
            }

            if (random.Next(2) == 0)
            {
                xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- prolog -->" + xml + "<!-- epilog -->\n";
            }

            var expected = Canonical(XDocument.Parse(xml, LoadOptions.PreserveWhitespace).Root!);

            Assert.Equal(expected, ScannerCanonical(xml));
            compared++;
        }

        Assert.True(compared >= 15, $"Only {compared} documents were compared.");
    }

    private static XElement RandomElement(Random random, int depth)
    {
        var element = new XElement(XName.Get("e" + random.Next(5), Namespaces[random.Next(Namespaces.Length)]));
        if (random.Next(3) == 0)
        {
            // Declare a prefix here, sometimes rebinding one an ancestor declared.
            element.Add(new XAttribute(XNamespace.Xmlns + Prefixes[random.Next(Prefixes.Length)], Namespaces[1 + random.Next(Namespaces.Length - 1)]));
        }

        for (var i = random.Next(4); i > 0; i--)
        {
            var name = XName.Get("a" + random.Next(6), random.Next(3) == 0 ? Namespaces[1 + random.Next(Namespaces.Length - 1)] : string.Empty);
            if (element.Attribute(name) is null)
            {
                element.Add(new XAttribute(name, RandomText(random, cdata: false)));
            }
        }

        for (var i = random.Next(depth < 4 ? 5 : 2); i > 0; i--)
        {
            switch (random.Next(5))
            {
                case 0 when depth < 6:
                case 1 when depth < 6:
                    element.Add(RandomElement(random, depth + 1));
                    break;
                case 2:
                    element.Add(new XCData(RandomText(random, cdata: true)));
                    break;
                case 3:
                    element.Add(new XComment("c" + random.Next(10)));
                    break;
                default:
                    element.Add(new XText(RandomText(random, cdata: false)));
                    break;
            }
        }

        return element;
    }

    private static string RandomText(Random random, bool cdata)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(5); i > 0; i--)
        {
            var fragment = Fragments[random.Next(Fragments.Length)];
            if (cdata && (fragment.Contains('\r') || fragment.Contains("]]>", StringComparison.Ordinal)))
            {
                // A CDATA section cannot hold "]]>", and a parser turns its raw CR into LF.
                continue;
            }

            builder.Append(fragment);
        }

        return builder.ToString();
    }

    private static string Canonical(XElement root)
    {
        var builder = new StringBuilder();
        Append(root);
        return builder.ToString();

        void Append(XElement element)
        {
            builder.Append('<').Append(element.Name.ToString());
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
            {
                builder.Append(' ').Append(attribute.Name.ToString()).Append("=[").Append(attribute.Value).Append(']');
            }

            builder.Append('>');
            var text = new StringBuilder();
            foreach (var node in element.Nodes())
            {
                if (node is XText run)
                {
                    text.Append(run.Value);
                }
                else if (node is XElement child)
                {
                    Flush(text);
                    Append(child);
                }
            }

            Flush(text);
            builder.Append("</>");
        }

        void Flush(StringBuilder text)
        {
            if (text.Length > 0)
            {
                builder.Append('[').Append(text).Append(']');
                text.Clear();
            }
        }
    }

    /// <summary>The same canonical form from the scanner; attribute names come from XDocument, values from the scanner.</summary>
    private static string ScannerCanonical(string xml)
    {
        var elements = XDocument.Parse(xml, LoadOptions.PreserveWhitespace).Descendants().ToList();
        var builder = new StringBuilder();
        var text = new StringBuilder();
        var index = 0;
        var scanner = new WpsXmlScanner(xml);
        while (scanner.Read())
        {
            switch (scanner.NodeType)
            {
                case WpsXmlNodeType.StartElement:
                    Flush();
                    builder.Append("<{").Append(scanner.NamespaceUri).Append('}').Append(scanner.LocalName);
                    if (scanner.NamespaceUri.IsEmpty)
                    {
                        // XName.ToString() writes a name in no namespace without braces.
                        builder.Remove(builder.Length - scanner.LocalName.Length - 2, 2);
                    }

                    foreach (var attribute in elements[index++].Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
                    {
                        builder.Append(' ').Append(attribute.Name.ToString()).Append("=[").Append(scanner.GetAttribute(attribute.Name.NamespaceName, attribute.Name.LocalName)).Append(']');
                    }

                    builder.Append('>');
                    break;
                case WpsXmlNodeType.EndElement:
                    Flush();
                    builder.Append("</>");
                    break;
                case WpsXmlNodeType.Text:
                    text.Append(WpsXmlScanner.DecodeContent(scanner.RawValue));
                    break;
                case WpsXmlNodeType.CData:
                    text.Append(scanner.RawValue);
                    break;
            }
        }

        return builder.ToString();

        void Flush()
        {
            if (text.Length > 0)
            {
                builder.Append('[').Append(text).Append(']');
                text.Clear();
            }
        }
    }
}
