using System.Text;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

/// <summary>
/// What the WPS readers accept and refuse at the XML level: references, line ends, attribute normalisation,
/// namespaces, the document and depth bounds, and hostile or malformed documents (DTDs, entities, bad markup).
/// Text is read back as a failed Result's traceback (kept verbatim), an attribute as a Result output's id.
/// </summary>
public class WpsXmlHostileInputTests
{
    private const string ResultStart = """<wps:Result xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>j</wps:JobID>""";
    private const string ResultEnd = "</wps:Result>";

    [Fact]
    public void Predefined_entities_and_character_references_are_decoded()
    {
        Assert.Equal("< > & ' \" A A 😀 é", Text("&lt; &gt; &amp; &apos; &quot; &#65; &#x41; &#x1F600; &#233;"));
    }

    [Fact]
    public void Cdata_sections_comments_and_processing_instructions_inside_text_join_as_text()
    {
        Assert.Equal("a<b>&amp;c]]d", Text("a<![CDATA[<b>&amp;]]><!-- note --><?pi data?>c<![CDATA[]]]]><![CDATA[d]]>"));
    }

    [Fact]
    public void Whitespace_between_cdata_sections_is_kept()
    {
        Assert.Equal(" a \n b ", Text(" <![CDATA[a]]> \n <![CDATA[b]]> "));
    }

    [Fact]
    public void Line_ends_are_normalised_but_a_character_reference_to_CR_is_kept()
    {
        Assert.Equal("a\nb\nc\nd\re", Text("a\r\nb\rc<![CDATA[\r\n]]>d&#xD;e"));
    }

    [Fact]
    public void Long_text_with_tabs_newlines_private_use_and_astral_characters_is_accepted()
    {
        var text = string.Concat(Enumerable.Repeat("plain text\tand\nmore \uE000\uFFFD 😀 𝄞 é ", 20));

        Assert.Equal(text, Text(text));
        Assert.Equal(text.Replace('\t', ' ').Replace('\n', ' '), OutputId("\"" + text + "\""));
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
            var expected = System.Xml.Linq.XDocument.Parse("<r a=\"" + value + "\">" + value + "</r>", System.Xml.Linq.LoadOptions.PreserveWhitespace).Root!;

            var result = WpsReader.ReadResult(ResultStart + "<wps:Output id=\"" + value + "\"/><wps:Output id=\"traceback\"><wps:Data>" + value + "</wps:Data></wps:Output>" + ResultEnd);

            Assert.Equal(expected.Attribute("a")!.Value, Assert.Single(result.Outputs).Id);
            Assert.Equal(expected.Value, result.Traceback);
        }
    }

    [Fact]
    public void Text_and_attribute_values_of_many_lines_read_with_line_ends_normalised()
    {
        var lines = Enumerable.Range(1, 2_000).Select(i => $"\tline {i} 😀 \uE000 \uFFFD");
        var lf = string.Join("\n", lines);

        Assert.Equal(lf, Text(lf));
        Assert.Equal(lf, Text(string.Join("\r\n", lines)));
        Assert.Equal(lf, Text(string.Join("\r", lines)));
        var spaced = lf.Replace('\t', ' ').Replace('\n', ' ');
        Assert.Equal(spaced, OutputId("\"" + lf + "\""));
        Assert.Equal(spaced, OutputId("'" + string.Join("\r\n", lines) + "'"));
        Assert.Equal(spaced, OutputId("\"" + string.Join("\r", lines) + "\""));
    }

    [Fact]
    public void An_error_after_many_line_ends_is_reported_at_its_own_line_and_position()
    {
        // The document start holds no line end, so the line numbers are those of the old scanner's vectors. XmlReader
        // counts the position from 1 at the character it refuses (a surrogate pair is two positions).
        var lines = string.Concat(Enumerable.Repeat("\tframe 😀 \uE000\n", 1_000));
        (string Xml, string Where)[] cases =
        [
            (TracebackDocument(lines + "  \u0001"), "Line 1001, position 3"),
            (TracebackDocument("\n" + lines + "x]]>"), "Line 1002, position 2"),
            (TracebackDocument(lines + "x &nbsp;"), "Line 1001, position 4"),
            (OutputIdDocument("\"" + lines + "\u0008\""), "Line 1001, position 1"),
            (OutputIdDocument("'" + lines + "  <'"), "Line 1001, position 3"),
            (TracebackDocument("<!--" + lines + "\u000B-->"), "Line 1001, position 1"),
            (TracebackDocument("<![CDATA[" + lines + "\uFFFF]]>"), "Line 1001, position 1"),
        ];

        foreach (var (xml, where) in cases)
        {
            var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(xml));

            Assert.Contains(where, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unpaired_surrogates_at_either_end_of_a_run_of_text_or_attribute_value_are_a_format_error()
    {
        var lines = string.Concat(Enumerable.Repeat("line\t😀\n", 100));
        string[] cases =
        [
            TracebackDocument(lines + "\uD83D<b/>"),
            TracebackDocument(lines + "\uD83D&amp;"),
            TracebackDocument(lines + "\uD83D]"),
            TracebackDocument(lines + "&amp;\uDE00"),
            TracebackDocument(lines + "]\uDE00"),
            TracebackDocument(lines + "<![CDATA[x]]>\uDE00"),
            TracebackDocument(lines + "\uDE00\uD83D"),
            ResultStart + "<wps:Output id=\"traceback\"><wps:Data>" + lines + "\uD83D",
            OutputIdDocument("\"" + lines + "\uD83D\""),
            OutputIdDocument("\"" + lines + "\uD83D&amp;\""),
            OutputIdDocument("'" + lines + "&amp;\uDE00'"),
            OutputIdDocument("'" + lines + "\uD83D\uD83D\uDE00'"),
        ];

        foreach (var xml in cases)
        {
            var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(xml));

            Assert.StartsWith("Malformed XML", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Attribute_values_with_either_quote_are_decoded_and_whitespace_normalised()
    {
        Assert.Equal("x \"q\" & y", OutputId("'x \"q\" &amp; y'"));
        Assert.Equal("tab here next\t\nkept", OutputId("\"tab\there\r\nnext&#x9;&#xA;kept\""));
    }

    [Fact]
    public void Prefixed_attributes_resolve_through_their_namespace()
    {
        var result = WpsReader.ReadResult(ResultStart + """<wps:Output xmlns:a="urn:a" xmlns:b="urn:b" b:id="2" a:id="1" id="0" xml:lang="en"/>""" + ResultEnd);

        Assert.Equal("0", Assert.Single(result.Outputs).Id);

        // Only a prefixed id: the unprefixed attribute the reader wants is missing.
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(ResultStart + """<wps:Output xmlns:a="urn:a" a:id="1"/>""" + ResultEnd));
        Assert.Contains("id attribute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_namespace_applies_to_elements_and_can_be_undeclared()
    {
        // The first Status is in no namespace (the default is undeclared on it), so the second one is the status;
        // inside Extra, p:Status is WPS again but is not a child of the root.
        const string xml = """<StatusInfo xmlns="http://www.opengis.net/wps/2.0"><Status xmlns="">Ignored</Status><Extra xmlns=""><p:Status xmlns:p="http://www.opengis.net/wps/2.0">Ignored</p:Status></Extra><JobID>abc</JobID><Status>Running</Status></StatusInfo>""";

        var info = WpsReader.ReadStatusInfo(xml);

        Assert.Equal("abc", info.JobId);
        Assert.Equal(JobStatus.Running, info.Status);
    }

    [Fact]
    public void A_rebound_prefix_is_restored_when_its_element_ends()
    {
        const string xml = """<x:StatusInfo xmlns:x="http://www.opengis.net/wps/2.0"><x:Extra xmlns:x="urn:2"><x:Status>Ignored</x:Status></x:Extra><x:Status xmlns:x="urn:2">Ignored</x:Status><x:JobID>abc</x:JobID><x:Status>Succeeded</x:Status></x:StatusInfo>""";

        var info = WpsReader.ReadStatusInfo(xml);

        Assert.Equal(JobStatus.Succeeded, info.Status);
    }

    [Fact]
    public void Namespace_uri_with_references_is_decoded()
    {
        const string xml = """<w:StatusInfo xmlns:w="http://www.opengis.net/wps/2&#x2E;0"><w:JobID>abc</w:JobID><w:Status>Running</w:Status></w:StatusInfo>""";

        Assert.Equal(JobStatus.Running, WpsReader.ReadStatusInfo(xml).Status);
    }

    [Fact]
    public void Declaration_bom_comments_and_processing_instructions_around_the_root_are_allowed()
    {
        var xml = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c -->\n<?pi x?>\n" + WpsTestVectors.Tv2SubmitSuccess + "\n<!-- end -->\n<?pi y?>\n";

        Assert.Equal(JobStatus.Accepted, WpsReader.ReadStatusInfo(xml).Status);
    }

    [Fact]
    public void Sixty_four_levels_of_nesting_are_accepted()
    {
        // The root and 63 levels of unknown elements below it.
        Assert.Equal("j", WpsReader.ReadResult(ResultDocument(Nested(63))).JobId);
    }

    [Fact]
    public void Sixty_five_levels_of_nesting_are_refused_even_inside_a_skipped_element()
    {
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(ResultDocument(Nested(64))));

        Assert.Contains("deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_names_are_accepted()
    {
        var metrics = WpsReader.ReadMetrics("<metrics><données>1</données><名前>2</名前><a.b-c_d·e>3</a.b-c_d·e></metrics>");

        Assert.Equal(["données", "名前", "a.b-c_d·e"], metrics.RawValues.Keys);
    }

    [Fact]
    public void Element_text_with_a_child_element_is_an_error()
    {
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo("""<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>text<child/></wps:JobID><wps:Status>Running</wps:Status></wps:StatusInfo>"""));

        Assert.Contains("child", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each refused for what it is, not for its shape: a document that got past the parser would read, since the
    /// hostile part sits inside a Result that has its JobID (or is the whole document when it is the prolog or root).
    /// </summary>
    public static TheoryData<string, string> Hostile() => new()
    {
        { "billion laughs", """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>""" },
        { "external entity", """<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>""" },
        { "external DTD", """<!DOCTYPE foo SYSTEM "http://attacker.example/evil.dtd"><foo/>""" },
        { "DTD before a Result", """<!DOCTYPE wps:Result [<!ENTITY x "y">]>""" + ResultDocument("&x;") },
        { "entity declaration in content", ResultDocument("""<!ENTITY x "y">""") },
        { "undefined entity", ResultDocument("&xxe;") },
        { "html entity", ResultDocument("&nbsp;") },
        { "undefined entity in attribute", ResultDocument("<foo a=\"&xxe;\"/>") },
        { "bare ampersand", ResultDocument("a & b") },
        { "unterminated reference", ResultDocument("&amp") },
        { "reference to NUL", ResultDocument("&#0;") },
        { "reference beyond Unicode", ResultDocument("&#x110000;") },
        { "reference to a surrogate", ResultDocument("&#xD800;") },
        { "uppercase X in hex reference", ResultDocument("&#X41;") },
        { "empty character reference", ResultDocument("&#;") },
        { "too deep", ResultDocument(Nested(64)) },
        { "unclosed element", ResultStart + "<b></b>" },
        { "unclosed root", ResultStart },
        { "mismatched end tag", ResultDocument("<a><b></a></b>") },
        { "end tag with another prefix for the same namespace", ResultDocument("""<x:a xmlns:x="urn:1" xmlns:y="urn:1"></y:a>""") },
        { "end tag without start", ResultDocument("") + "</b>" },
        { "undeclared element prefix", "<wps:StatusInfo/>" },
        { "undeclared attribute prefix", ResultDocument("<a b:c=\"1\"/>") },
        { "empty prefixed namespace", ResultDocument("<p:a xmlns:p=\"\"/>") },
        { "declaring xmlns", ResultDocument("<a xmlns:xmlns=\"urn:x\"/>") },
        { "rebinding xml", ResultDocument("<a xmlns:xml=\"urn:x\"/>") },
        { "duplicate attribute", ResultDocument("<a b=\"1\" b=\"2\"/>") },
        { "duplicate expanded attribute", ResultDocument("""<a xmlns:p="urn:1" xmlns:q="urn:1" p:b="1" q:b="2"/>""") },
        { "duplicate namespace declaration", ResultDocument("""<a xmlns:p="urn:1" xmlns:p="urn:2"/>""") },
        { "junk after root", ResultDocument("") + "junk" },
        { "second root", ResultDocument("") + "<b/>" },
        { "text before root", "text" + ResultDocument("") },
        { "empty document", "" },
        { "whitespace only", "  \n " },
        { "comment only", "<!-- nothing -->" },
        { "declaration not at start", " <?xml version=\"1.0\"?>" + ResultDocument("") },
        { "second declaration", "<?xml version=\"1.0\"?>" + ResultDocument("<?xml version=\"1.0\"?>") },
        { "bad name start", ResultDocument("<1a/>") },
        { "two colons", ResultDocument("<a:b:c xmlns:a=\"urn:a\"/>") },
        { "empty local name", ResultDocument("<a: xmlns:a=\"urn:a\"/>") },
        { "leading colon", ResultDocument("<:a/>") },
        { "unquoted attribute", ResultDocument("<a b=c/>") },
        { "attribute without value", ResultDocument("<a b/>") },
        { "attributes without whitespace", ResultDocument("<a b=\"1\"c=\"2\"/>") },
        { "less-than in attribute", ResultDocument("<a b=\"<\"/>") },
        { "unterminated attribute", ResultStart + "<a b=\"1/>" },
        { "unterminated start tag", ResultStart + "<a b=\"1\"" },
        { "bad self-close", ResultDocument("<a / >") },
        { "control character in text", ResultDocument("\u0001") },
        { "control character in attribute", ResultDocument("<a b=\"\u0008\"/>") },
        { "control character deep in a long text", ResultDocument(new string('x', 37) + "\u001F" + new string('y', 20)) },
        { "control character deep in a long attribute", ResultDocument("<a b=\"" + new string('x', 37) + "\u0000\"/>") },
        { "control character deep in a long comment", ResultDocument("<!--" + new string('x', 37) + "\u000B-->") },
        { "non-character U+FFFF", ResultDocument("\uFFFF") },
        { "cdata end in text", ResultDocument("]]>") },
        { "double hyphen in comment", ResultDocument("<!-- a -- b -->") },
        { "unclosed comment", ResultDocument("<!-- a ") },
        { "unclosed cdata", ResultDocument("<![CDATA[ a ") },
        { "unclosed processing instruction", ResultDocument("<?pi ") },
        { "cdata outside root", "<![CDATA[x]]>" + ResultDocument("") },
        { "unknown markup declaration", ResultDocument("<!ELEMENT a ANY>") },
        { "json", "{\"code\": 500}" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_or_malformed_xml_is_a_format_error(string what, string xml)
    {
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(xml));

        Assert.False(string.IsNullOrEmpty(what));
        Assert.StartsWith("Malformed XML", error.Message, StringComparison.Ordinal);
        Assert.Null(WpsReader.TryReadExceptionReport(xml));
    }

    [Fact]
    public void The_hostile_documents_read_once_their_hostile_part_is_gone()
    {
        // The control for the theory above: the same frame around harmless content reads.
        Assert.Equal("j", WpsReader.ReadResult(ResultDocument("text <a b=\"1\"><c/></a> &amp; <![CDATA[x]]><!-- c --><?pi ?>")).JobId);
    }

    [Fact]
    public void Unpaired_surrogates_are_a_format_error()
    {
        // Not theory data: xunit serialises theory strings as UTF-8, which cannot hold an unpaired surrogate.
        foreach (var xml in new[] { ResultDocument("\uD800"), ResultDocument("\uDC00"), ResultDocument("<a b=\"\uD800\"/>"), ResultStart + "\uD83D", ResultDocument("<!-- \uDC00 -->"), ResultDocument("<a\uD800/>") })
        {
            var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(xml));

            Assert.StartsWith("Malformed XML", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dtd_error_says_dtds_are_prohibited()
    {
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult("<!DOCTYPE a [<!ENTITY x \"y\">]>" + ResultDocument("&x;")));

        Assert.Contains("DTD is prohibited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_entity_error_names_the_entity_and_its_line()
    {
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(ResultStart + "\n  &xxe;" + ResultEnd));

        Assert.Contains("'xxe'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Line 2, position 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_document_is_refused_before_reading()
    {
        var xml = "<a>" + new string('x', WpsReader.MaxDocumentLength) + "</a>";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadMetrics(xml));

        Assert.Contains("characters long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_refuse_an_oversized_document()
    {
        var xml = """<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>""" + new string('x', WpsReader.MaxDocumentLength) + "</wps:JobID></wps:StatusInfo>";

        Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo(xml));
    }

    [Fact]
    public void Many_namespace_declarations_in_scope_are_accepted()
    {
        // The old scanner held 64 declarations in a fixed buffer and refused a 65th; XML 1.0 sets no limit, and the
        // document length bounds them anyway.
        var builder = new StringBuilder("""<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0" """);
        for (var i = 0; i <= 64; i++)
        {
            builder.Append($" xmlns:p{i}=\"urn:{i}\"");
        }

        builder.Append("><wps:JobID>abc</wps:JobID><wps:Status>Running</wps:Status></wps:StatusInfo>");

        Assert.Equal("abc", WpsReader.ReadStatusInfo(builder.ToString()).JobId);
    }

    /// <summary>The text of a failed Result's traceback, whose one <c>wps:Data</c> holds <paramref name="content"/> as written.</summary>
    private static string? Text(string content) => WpsReader.ReadResult(TracebackDocument(content)).Traceback;

    /// <summary>The id of a Result's one output, whose <c>id</c> attribute is written as <paramref name="quotedValue"/> (quotes included).</summary>
    private static string OutputId(string quotedValue) => Assert.Single(WpsReader.ReadResult(OutputIdDocument(quotedValue)).Outputs).Id;

    private static string TracebackDocument(string content) =>
        ResultStart + "<wps:Output id=\"traceback\"><wps:Data>" + content + "</wps:Data></wps:Output>" + ResultEnd;

    private static string OutputIdDocument(string quotedValue) => ResultStart + "<wps:Output id=" + quotedValue + "/>" + ResultEnd;

    private static string ResultDocument(string inner) => ResultStart + inner + ResultEnd;

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));
}
