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
/// <c>&lt;</c>, <c>&amp;</c> or <c>]</c> again after each such character: quadratic, 2.2 s for a 40,000-line
/// traceback on the shared 2-core build machine (linear: about 10 ms). These tests keep <see cref="System.Xml.XmlReader"/>
/// and the readers' own loops linear too. They compare the same reading at two sizes rather than against a fixed
/// time, so a loaded machine slows both alike: four times the input must take well under the sixteen times a
/// quadratic reader needs. Each size is timed five times, alternating, and the best of each is compared.
/// </remarks>
public class WpsXmlScalingTests
{
    private const int Lines = 40_000;

    /// <summary>The largest ratio accepted between reading 4x the input and reading 1x: linear is 4, quadratic 16.</summary>
    private const double MaxRatio = 9;

    [Fact]
    public void A_forty_thousand_line_traceback_is_read_in_linear_time()
    {
        AssertLinear(lines =>
        {
            var traceback = Traceback(lines, line => $"  File \"/app/dps/algorithm/run_{line}.py\", line {line}, in process_granule");
            var xml = Result(traceback);
            return () => Assert.Equal(traceback, WpsReader.ReadResult(xml).Traceback);
        });
    }

    [Fact]
    public void A_long_text_of_tabs_and_astral_and_private_use_characters_is_read_in_linear_time()
    {
        // Every line holds a tab, a surrogate pair and a character at or above U+E000, but no '<', '&' or ']'.
        AssertLinear(lines =>
        {
            var traceback = Traceback(lines, line => $"\tframe {line}: 😀 \uE000 𝄞 \uFFFD ok");
            var xml = Result(traceback);
            return () => Assert.Equal(traceback, WpsReader.ReadResult(xml).Traceback);
        });
    }

    [Fact]
    public void A_long_attribute_value_of_line_ends_is_read_in_linear_time()
    {
        AssertLinear(lines =>
        {
            var value = Traceback(lines, line => $"  File \"/app/dps/algorithm/run_{line}.py\", line {line},\tin 😀 \uE000");
            var xml = "<wps:Result xmlns:wps=\"http://www.opengis.net/wps/2.0\"><wps:JobID>j</wps:JobID><wps:Output id='" + value + "'/></wps:Result>";
            return () => Assert.Equal(value.Replace('\t', ' ').Replace('\n', ' '), Assert.Single(WpsReader.ReadResult(xml).Outputs).Id);
        });
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

    /// <summary>Times reading <see cref="Lines"/>/4 and <see cref="Lines"/> lines, alternating, and compares the best of each.</summary>
    private static void AssertLinear(Func<int, Action> makeRead)
    {
        var small = makeRead(Lines / 4);
        var large = makeRead(Lines);
        var bestSmall = TimeSpan.MaxValue;
        var bestLarge = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            bestSmall = Min(bestSmall, Time(small));
            bestLarge = Min(bestLarge, Time(large));
        }

        // A millisecond of slack keeps timer resolution out of it when the small read takes almost nothing.
        var ratio = bestLarge.TotalMilliseconds / (bestSmall.TotalMilliseconds + 1);
        Assert.True(ratio < MaxRatio,
            $"Reading {Lines} lines took {bestLarge.TotalMilliseconds:F1} ms and {Lines / 4} lines {bestSmall.TotalMilliseconds:F1} ms: {ratio:F1}x for 4x the input (linear is 4x, quadratic 16x).");
    }

    private static TimeSpan Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
