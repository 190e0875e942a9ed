using System.Text;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

/// <summary>Garbage and damaged documents: every reader may only succeed or throw <see cref="FormatException"/>, and the exception-report probe never throws.</summary>
public class WpsXmlFuzzTests
{
    private static readonly string[] Fragments =
    [
        "<", ">", "/", "?", "!", "--", "<!--", "-->", "<![CDATA[", "]]>", "]", "&", "#", "#x", "x", ";", "amp", "lt", "'", "\"", "=", " ", "\t", "\r", "\n",
        "a", "b1", ":", "xmlns", "xmlns:", "ows:ExceptionReport", "ows:Exception", "exceptionCode", "xmlns:ows=\"http://www.opengis.net/ows/2.0\"",
        "<?xml version=\"1.0\"?>", "<!DOCTYPE", "<!ENTITY", "\uD800", "\uDC00", "\uFFFF", "\u0000", "é", "😀", "&#", "&#x", "&#65;", "&amp;", "\uFEFF",
    ];

    private static readonly string[] Documents =
    [
        WpsTestVectors.Tv2SubmitSuccess, WpsTestVectors.Tv5Result, WpsTestVectors.Tv6ResultWithTraceback, WpsTestVectors.Tv7MissingParameter,
        WpsTestVectors.Tv9Metrics, WpsTestVectors.Tv1Execute,
    ];

    [Fact]
    public void Random_fragments_only_ever_fail_with_FormatException()
    {
        var random = new Random(20261124);
        var builder = new StringBuilder();
        for (var round = 0; round < 20_000; round++)
        {
            builder.Clear();
            for (var i = random.Next(30); i > 0; i--)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
            }

            Check(builder.ToString());
        }
    }

    [Fact]
    public void Damaged_test_vectors_only_ever_fail_with_FormatException()
    {
        var random = new Random(17);
        foreach (var document in Documents)
        {
            for (var cut = 0; cut < document.Length; cut++)
            {
                Check(document.Substring(0, cut));
            }

            for (var round = 0; round < 2_000; round++)
            {
                var chars = document.ToCharArray();
                for (var edits = 1 + random.Next(3); edits > 0; edits--)
                {
                    chars[random.Next(chars.Length)] = Fragments[random.Next(Fragments.Length)][0];
                }

                Check(new string(chars));
            }
        }
    }

    private static void Check(string text)
    {
        try
        {
            WpsReader.ReadStatusInfo(text);
        }
        catch (FormatException)
        {
        }

        try
        {
            WpsReader.ReadResult(text);
        }
        catch (FormatException)
        {
        }

        try
        {
            WpsReader.ReadMetrics(text);
        }
        catch (FormatException)
        {
        }

        try
        {
            WpsReader.ReadProcessOfferings(text);
        }
        catch (FormatException)
        {
        }

        _ = WpsReader.TryReadExceptionReport(text);
    }
}
