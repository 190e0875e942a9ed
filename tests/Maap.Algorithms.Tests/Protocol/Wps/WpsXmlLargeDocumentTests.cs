using System.Text;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

/// <summary>
/// Text and attribute values full of line ends and other characters an XML parser looks at closely, at the sizes a
/// traceback (job stderr, the job author's to choose) can reach, read back exactly.
/// </summary>
/// <remarks>
/// The hand-written scanner the readers once used was quadratic on such text (2.2 s for 40,000 lines). Time is not
/// asserted here: a timed unit test shares the machine with the rest of the suite. The linear-time check is the
/// benchmark <c>WpsXmlBenchmarks.ReadResultWithLongTraceback</c> at 10,000 and 40,000 lines (docs/performance.md).
/// </remarks>
public class WpsXmlLargeDocumentTests
{
    private const int Lines = 40_000;

    [Fact]
    public void A_forty_thousand_line_traceback_reads_back_exactly()
    {
        var traceback = Traceback(Lines, line => $"  File \"/app/dps/algorithm/run_{line}.py\", line {line}, in process_granule");
        var xml = Result(traceback);
        Assert.True(xml.Length > 2_500_000, $"The document is only {xml.Length} characters.");

        Assert.Equal(traceback, WpsReader.ReadResult(xml).Traceback);
    }

    [Fact]
    public void A_long_text_of_tabs_and_astral_and_private_use_characters_reads_back_exactly()
    {
        // Every line holds a tab, a surrogate pair and a character at or above U+E000, but no '<', '&' or ']'.
        var traceback = Traceback(Lines, line => $"\tframe {line}: 😀 \uE000 𝄞 \uFFFD ok");

        Assert.Equal(traceback, WpsReader.ReadResult(Result(traceback)).Traceback);
    }

    [Fact]
    public void A_long_attribute_value_of_line_ends_reads_back_normalized()
    {
        var value = Traceback(Lines, line => $"  File \"/app/dps/algorithm/run_{line}.py\", line {line},\tin 😀 \uE000");
        var xml = "<wps:Result xmlns:wps=\"http://www.opengis.net/wps/2.0\"><wps:JobID>j</wps:JobID><wps:Output id='" + value + "'/></wps:Result>";

        // XML attribute-value normalization turns each tab and line end into a space.
        Assert.Equal(value.Replace('\t', ' ').Replace('\n', ' '), Assert.Single(WpsReader.ReadResult(xml).Outputs).Id);
    }

    private static string Traceback(int lines, Func<int, string> line)
    {
        var builder = new StringBuilder("Traceback (most recent call last):\n");
        for (var i = 1; i <= lines; i++)
        {
            builder.Append(line(i)).Append('\n');
        }

        return builder.Append("RuntimeError: the granule could not be processed").ToString();
    }

    private static string Result(string traceback) =>
        "<wps:Result xmlns:wps=\"http://www.opengis.net/wps/2.0\"><wps:JobID>j</wps:JobID><wps:Output id=\"traceback\"><wps:Data>"
        + traceback
        + "</wps:Data></wps:Output></wps:Result>";
}
