using System.Text;
using System.Xml.Linq;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

/// <summary>
/// Random well-formed Result documents, written by System.Xml with unknown elements, comments, CDATA sections,
/// awkward text and prefixes bound anywhere, must read through <see cref="WpsReader"/> as XDocument reads them.
/// </summary>
public class WpsXmlDifferentialTests
{
    private static readonly XNamespace Wps = WpsReader.WpsNamespace;
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
    public void Random_results_read_the_same_as_with_XDocument(int seed)
    {
        var random = new Random(seed);
        var compared = 0;
        for (var round = 0; round < 25; round++)
        {
            var root = RandomResult(random);
            string xml;
            try
            {
                xml = root.ToString(SaveOptions.DisableFormatting);
            }
            catch (System.Xml.XmlException)
            {
                // The generator asked System.Xml for a prefix binding it will not write; not the reader's concern.
                continue;
            }

            if (random.Next(2) == 0)
            {
                xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- prolog -->" + xml + "<!-- epilog -->\n";
            }

            var expected = Expected(XDocument.Parse(xml, LoadOptions.PreserveWhitespace).Root!);

            Assert.Equal(expected, Canonical(WpsReader.ReadResult(xml)));
            compared++;
        }

        Assert.True(compared >= 15, $"Only {compared} documents were compared.");
    }

    private static XElement RandomResult(Random random)
    {
        var root = new XElement(Wps + "Result");
        if (random.Next(2) == 0)
        {
            // Bind WPS to a prefix (or to the default namespace) instead of letting System.Xml pick one.
            var prefix = Prefixes[random.Next(Prefixes.Length)];
            root.Add(new XAttribute(random.Next(3) == 0 ? (XName)"xmlns" : XNamespace.Xmlns + prefix, WpsReader.WpsNamespace));
        }

        var children = new List<XElement> { new(Wps + "JobID", RandomText(random, cdata: false) + "job" + random.Next(100)) };
        for (var i = random.Next(5); i > 0; i--)
        {
            children.Add(random.Next(3) == 0 ? RandomElement(random, depth: 1) : RandomOutput(random));
        }

        foreach (var child in children.OrderBy(_ => random.Next()))
        {
            root.Add(child);
        }

        return root;
    }

    private static XElement RandomOutput(Random random)
    {
        var output = new XElement(Wps + "Output", new XAttribute("id", random.Next(4) == 0 ? WpsReader.TracebackOutputId : RandomText(random, cdata: false) + "o"));
        for (var i = random.Next(4); i > 0; i--)
        {
            if (random.Next(4) == 0)
            {
                output.Add(RandomElement(random, depth: 2));
                continue;
            }

            var data = new XElement(Wps + "Data");
            for (var j = random.Next(4); j > 0; j--)
            {
                switch (random.Next(3))
                {
                    case 0:
                        data.Add(new XCData(RandomText(random, cdata: true)));
                        break;
                    case 1:
                        data.Add(new XComment("c" + random.Next(10)));
                        break;
                    default:
                        data.Add(new XText(RandomText(random, cdata: false)));
                        break;
                }
            }

            output.Add(data);
        }

        return output;
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

    /// <summary>What the reader should return, worked out with LINQ to XML.</summary>
    private static string Expected(XElement root)
    {
        string? traceback = null;
        var outputs = new List<(string Id, IEnumerable<string> Urls)>();
        foreach (var output in root.Elements(Wps + "Output"))
        {
            var id = (string)output.Attribute("id")!;
            var data = output.Elements(Wps + "Data").Select(e => e.Value).ToList();
            if (id == WpsReader.TracebackOutputId)
            {
                var text = data.Count == 0 ? string.Empty : string.Join("\n", data);
                traceback = traceback is null ? text : traceback + "\n" + text;
            }
            else
            {
                outputs.Add((id, data.Select(d => d.Trim()).Where(d => d.Length > 0)));
            }
        }

        var jobId = root.Element(Wps + "JobID")!.Value.Trim();
        return Canonical(jobId, outputs, traceback);
    }

    private static string Canonical(JobResult result) =>
        Canonical(result.JobId, result.Outputs.Select(o => (o.Id, o.Urls.Select(u => u.Value))), result.Traceback);

    private static string Canonical(string jobId, IEnumerable<(string Id, IEnumerable<string> Urls)> outputs, string? traceback)
    {
        var builder = new StringBuilder("[").Append(jobId).Append(']');
        foreach (var (id, urls) in outputs)
        {
            builder.Append(" output[").Append(id).Append("]:");
            foreach (var url in urls)
            {
                builder.Append(" [").Append(url).Append(']');
            }
        }

        return builder.Append(" traceback[").Append(traceback ?? "(none)").Append(']').ToString();
    }
}
