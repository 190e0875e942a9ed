using System.Diagnostics;
using System.Text;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

/// <summary>
/// Text and attribute values full of line ends and other characters an XML parser looks at closely must read in
/// linear time. A traceback is job stderr, so its size and content are the job author's (or the server's) to choose.
/// </summary>
/// <remarks>
/// The hand-written scanner the readers once used searched the rest of a text node or attribute value for the next
/// <c>&lt;</c>, <c>&amp;</c> or <c>]</c> again after each such character: quadratic, 2.2 s for the 40,000-line
/// traceback below on the shared 2-core build machine (linear: about 10 ms). These tests keep <see cref="System.Xml.XmlReader"/>
/// and the readers' own loops linear too. The bound is the best of three runs, so other work on the machine does not
/// make the test fail, and it is far above linear and far below quadratic.
/// </remarks>
public class WpsXmlScalingTests
{
    private const int Lines = 40_000;
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_forty_thousand_line_traceback_is_read_in_linear_time()
    {
        var traceback = Traceback(Lines, line => $"  File \"/app/dps/algorithm/run_{line}.py\", line {line}, in process_granule");
        var xml = Result(traceback);
        Assert.True(xml.Length > 2_500_000, $"The document is only {xml.Length} characters.");

        string? read = null;
        var best = BestOfThree(() => read = WpsReader.ReadResult(xml).Traceback);

        Assert.Equal(traceback, read);
        Assert.True(best < Bound, $"Reading a {xml.Length}-character Result with a {Lines}-line traceback took {best.TotalMilliseconds:F0} ms at best; linear scanning takes a few ms.");
    }

    [Fact]
    public void A_long_text_of_tabs_and_astral_and_private_use_characters_is_read_in_linear_time()
    {
        // Every line holds a tab, a surrogate pair and a character at or above U+E000, but no '<', '&' or ']'.
        var traceback = Traceback(Lines, line => $"\tframe {line}: 😀 \uE000 𝄞 \uFFFD ok");
        var xml = Result(traceback);

        string? read = null;
        var best = BestOfThree(() => read = WpsReader.ReadResult(xml).Traceback);

        Assert.Equal(traceback, read);
        Assert.True(best < Bound, $"Reading a {xml.Length}-character text took {best.TotalMilliseconds:F0} ms at best; linear scanning takes a few ms.");
    }

    [Fact]
    public void A_long_attribute_value_of_line_ends_is_read_in_linear_time()
    {
        var value = Traceback(Lines, line => $"  File \"/app/dps/algorithm/run_{line}.py\", line {line},\tin 😀 \uE000");
        var xml = "<wps:Result xmlns:wps=\"http://www.opengis.net/wps/2.0\"><wps:JobID>j</wps:JobID><wps:Output id='" + value + "'/></wps:Result>";

        string? read = null;
        var best = BestOfThree(() => read = Assert.Single(WpsReader.ReadResult(xml).Outputs).Id);

        Assert.Equal(value.Replace('\t', ' ').Replace('\n', ' '), read);
        Assert.True(best < Bound, $"Reading a {value.Length}-character attribute value took {best.TotalMilliseconds:F0} ms at best; linear scanning takes a few ms.");
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

    private static TimeSpan BestOfThree(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            stopwatch.Stop();
            if (stopwatch.Elapsed < best)
            {
                best = stopwatch.Elapsed;
            }
        }

        return best;
    }
}
