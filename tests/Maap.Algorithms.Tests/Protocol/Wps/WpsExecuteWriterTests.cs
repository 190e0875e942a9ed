using System.Text;
using System.Xml;
using System.Xml.Linq;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

public class WpsExecuteWriterTests
{
    private static readonly XNamespace Wps = WpsReader.WpsNamespace;
    private static readonly XNamespace Ows = WpsReader.OwsNamespace;

    [Fact]
    public void Seed_request_equals_the_TV1_document_without_its_username_input()
    {
        var expected = Parse(WpsTestVectors.Tv1Execute);
        expected.Root!.Elements(Wps + "Input").Single(e => (string?)e.Attribute("id") == "username").Remove();

        var actual = Parse(WpsExecuteWriter.Write(SeedRequest()));

        Assert.Equal(Canonical(expected.Root), Canonical(actual.Root!));
    }

    [Fact]
    public void Seed_request_is_written_compact_in_maap_py_order()
    {
        var xml = WpsExecuteWriter.Write(SeedRequest());

        Assert.Equal(
            """<wps:Execute xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wps/2.0 ../wps.xsd" service="WPS" version="2.0.0" response="document" mode="sync">"""
            + """<ows:Identifier>job-run-dps-test_ubuntu:delay10</ows:Identifier>"""
            + """<wps:Input id="identifier"><wps:Data><wps:LiteralValue><![CDATA[test-job]]></wps:LiteralValue></wps:Data></wps:Input>"""
            + """<wps:Input id="queue"><wps:Data><wps:LiteralValue><![CDATA[maap-dps-worker-8gb]]></wps:LiteralValue></wps:Data></wps:Input>"""
            + """<wps:Input id="input_file"><wps:Data><wps:LiteralValue><![CDATA[https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md]]></wps:LiteralValue></wps:Data></wps:Input>"""
            + """<wps:Output id="result" transmission="value"/></wps:Execute>""",
            xml);
    }

    [Fact]
    public void Request_without_a_tag_sends_no_identifier_input()
    {
        var request = new JobRequest("algo", "main", "maap-dps-sandbox").WithInput("a", "1");

        Assert.Equal(["queue", "a"], InputIds(Parse(WpsExecuteWriter.Write(request))));
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Dedup_is_sent_last_when_set(bool dedup, string expected)
    {
        var request = new JobRequest("algo", "main", "q") { Tag = "t", Dedup = dedup }.WithInput("b", "2").WithInput("a", "1");
        var document = Parse(WpsExecuteWriter.Write(request));

        Assert.Equal(["identifier", "queue", "b", "a", "dedup"], InputIds(document));
        Assert.Equal(expected, LiteralValue(document, "dedup"));
    }

    [Fact]
    public void No_username_input_is_ever_sent()
    {
        var xml = WpsExecuteWriter.Write(SeedRequest());

        Assert.DoesNotContain("username", xml, StringComparison.Ordinal);
    }

    public static TheoryData<string> OddValues() => new()
    {
        "]]>",
        "]]]]>>",
        "a]]>b]]>c",
        "]]",
        "]",
        ">",
        "x]]",
        "<tag attr=\"v\">&amp;</tag>",
        "&",
        "&lt;",
        "\"double\" and 'single'",
        "\r",
        "\r\n",
        "line1\r\nline2\rline3\nline4",
        "]]\r>",
        "\t\ttabs\t",
        "  leading and trailing  ",
        " ",
        "",
        "héllo wörld ✓ 日本語",
        "astral 😀 𝄞 pair",
        "\uE000\uFFFD",
        "<![CDATA[nested]]>",
        "{\"k\": [1, 2, \"<x>\"]}",
    };

    [Theory]
    [MemberData(nameof(OddValues))]
    public void Any_value_round_trips_through_System_Xml(string value)
    {
        var request = new JobRequest("algo", "main", value) { Tag = value }.WithInput("v", value);

        var document = Parse(WpsExecuteWriter.Write(request));

        Assert.Equal(value, LiteralValue(document, "identifier"));
        Assert.Equal(value, LiteralValue(document, "queue"));
        // A text input is the text itself unless MAAP's json.loads would change it (WpsTextValuesTests).
        Assert.Equal(WpsTextValues.Protect(value), LiteralValue(document, "v"));
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("a<b>&c'd")]
    [InlineData("tab\tnewline\ncr\rcrlf\r\n")]
    [InlineData(" spaced ")]
    public void Odd_input_ids_are_escaped_and_round_trip(string id)
    {
        var xml = WpsExecuteWriter.Write(new JobRequest("algo", "main", "q").WithInput(id, "value"));

        var document = Parse(xml);

        Assert.Contains(id, document.Root!.Elements(Wps + "Input").Select(e => (string)e.Attribute("id")!));
        Assert.Equal("value", LiteralValue(document, id));
    }

    [Fact]
    public void Odd_job_type_text_is_escaped()
    {
        var xml = WpsExecuteWriter.Write(new JobRequest("a&<b>", "v\r1", "q"));

        Assert.Equal("job-a&<b>:v\r1", Parse(xml).Root!.Element(Ows + "Identifier")!.Value);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("bell\u0007")]
    [InlineData("\uFFFE")]
    [InlineData("\uFFFF")]
    public void Characters_xml_cannot_carry_are_refused(string value)
    {
        Assert.Throws<ArgumentException>(() => WpsExecuteWriter.Write(new JobRequest("algo", "main", "q").WithInput("v", value)));
        Assert.Throws<ArgumentException>(() => WpsExecuteWriter.Write(new JobRequest("algo", "main", "q").WithInput(value, "v")));
    }

    [Fact]
    public void Unpaired_surrogates_are_refused()
    {
        // Not theory data: attribute arguments are stored as UTF-8, which cannot hold an unpaired surrogate.
        foreach (var value in new[] { "lone \uD800 high", "lone \uDC00 low", "swapped \uDC00\uD800", "end \uD83D" })
        {
            Characters_xml_cannot_carry_are_refused(value);
        }
    }

    [Fact]
    public void Writing_twice_gives_the_same_document()
    {
        Assert.Equal(WpsExecuteWriter.Write(SeedRequest()), WpsExecuteWriter.Write(SeedRequest()));
    }

    [Fact]
    public void Long_values_are_written_whole()
    {
        var value = new string('x', 100_000) + "]]>" + new string('y', 50_000);

        var xml = WpsExecuteWriter.Write(new JobRequest("algo", "main", "q").WithInput("v", value));

        Assert.Equal(value, LiteralValue(Parse(xml), "v"));
        Assert.StartsWith("<wps:Execute", WpsExecuteWriter.Write(SeedRequest()), StringComparison.Ordinal);
    }

    private static XDocument Parse(string xml) => XDocument.Parse(xml, LoadOptions.PreserveWhitespace);

    internal static JobRequest SeedRequest() =>
        new JobRequest("run-dps-test_ubuntu", "delay10", "maap-dps-worker-8gb") { Tag = "test-job" }
            .WithInput("input_file", "https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md");

    private static string[] InputIds(XDocument document) =>
        document.Root!.Elements(Wps + "Input").Select(e => (string)e.Attribute("id")!).ToArray();

    private static string LiteralValue(XDocument document, string id) =>
        document.Root!.Elements(Wps + "Input").Single(e => (string?)e.Attribute("id") == id).Element(Wps + "Data")!.Element(Wps + "LiteralValue")!.Value;

    /// <summary>
    /// A namespace-aware canonical form: expanded names, attributes sorted (namespace declarations dropped, since
    /// prefixes do not matter), whitespace-only text dropped, text and CDATA joined.
    /// </summary>
    private static string Canonical(XElement element)
    {
        var builder = new StringBuilder();
        Append(builder, element);
        return builder.ToString();

        static void Append(StringBuilder builder, XElement element)
        {
            builder.Append('<').Append(element.Name.ToString());
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
            {
                builder.Append(' ').Append(attribute.Name.ToString()).Append("=\"").Append(attribute.Value).Append('"');
            }

            builder.Append('>');
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XElement child:
                        Append(builder, child);
                        break;
                    case XText text when !string.IsNullOrWhiteSpace(text.Value):
                        builder.Append(text.Value);
                        break;
                }
            }

            builder.Append("</").Append(element.Name.ToString()).Append('>');
        }
    }
}
