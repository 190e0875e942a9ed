using System.Text.Json;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

/// <summary>
/// MAAP runs Python's <c>json.loads</c> on every submitted value and keeps the raw text only when that fails. The
/// accept/reject column below is what Python 3's <c>json.loads</c> answers for each text (checked with python3).
/// </summary>
public sealed class WpsTextValuesTests
{
    [Theory]
    [InlineData("10")]
    [InlineData("1.10")]        // json.loads gives 1.1
    [InlineData("1e5")]         // 100000.0
    [InlineData("-0")]
    [InlineData("[1,2]")]
    [InlineData("null")]        // None: the input would go missing
    [InlineData("true")]
    [InlineData(" 7 ")]
    [InlineData("\t[]\n")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("[NaN, Infinity]")]
    [InlineData("{\"NaN\": NaN}")]
    [InlineData("{\"a\":1}")]
    [InlineData("\"quoted\"")]  // json.loads drops the quotes
    [InlineData("[\"NaN\"]")]
    public void Text_that_json_loads_would_change_is_sent_as_a_JSON_string_of_the_same_text(string text)
    {
        var sent = WpsTextValues.Protect(text);

        Assert.NotEqual(text, sent);
        Assert.Equal(text, JsonSerializer.Deserialize<string>(sent));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("-NaN")]
    [InlineData("nan")]
    [InlineData("True")]
    [InlineData("NaN!")]
    [InlineData("10 apples")]
    [InlineData("- 1")]
    [InlineData("01")]
    [InlineData("[1,]")]
    [InlineData("2024-01-01")]
    [InlineData("00:10:00")]
    [InlineData("s3://bucket/key")]
    [InlineData("GEE_TOKEN")]
    public void Text_that_json_loads_rejects_is_sent_as_it_is(string text)
    {
        // Quoting it would be wrong: MAAP would keep the quotes.
        Assert.Same(text, WpsTextValues.Protect(text));
    }

    [Fact]
    public void Deeply_nested_JSON_text_is_still_recognised()
    {
        // Python nests to its recursion limit; System.Text.Json's default depth of 64 would miss this.
        var text = new string('[', 100) + new string(']', 100);

        Assert.Equal(text, JsonSerializer.Deserialize<string>(WpsTextValues.Protect(text)));
    }
}
