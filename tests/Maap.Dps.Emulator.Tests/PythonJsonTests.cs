using Maap.Dps.Emulator.Wire;

namespace Maap.Dps.Emulator.Tests;

/// <summary>Each expectation is Python 3's <c>json.dumps(json.loads(text))</c>, checked with python3.</summary>
public sealed class PythonJsonTests
{
    [Theory]
    [InlineData("1.10", "1.1")]
    [InlineData("1e5", "100000.0")]
    [InlineData("-0", "0")]
    [InlineData("3", "3")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("0.1", "0.1")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("1.5e-7", "1.5e-07")]
    [InlineData("1e15", "1000000000000000.0")]
    [InlineData("1e16", "1e+16")]
    [InlineData("100000000000000000000.0", "1e+20")]
    [InlineData("123456789012345678.5", "1.2345678901234568e+17")]
    [InlineData("-2.0E+3", "-2000.0")]
    [InlineData("2.5e-300", "2.5e-300")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("[1, 2.50, {\"a\": -0.0}]", "[1, 2.5, {\"a\": -0.0}]")]
    [InlineData("[1,2]", "[1, 2]")]
    [InlineData("{\"k\":[true,null]}", "{\"k\": [true, null]}")]
    [InlineData("{\"a\": 1, \"b\": 2, \"a\": 3}", "{\"a\": 3, \"b\": 2}")]               // a key twice: first place, last value
    [InlineData("{\"a\": {\"x\": 1}, \"b\": 2, \"a\": [3]}", "{\"a\": [3], \"b\": 2}")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("\"caf\u00e9\\n\"", "\"caf\\u00e9\\n\"")]
    public void Loads_then_Dumps_gives_what_Python_gives(string literal, string python)
    {
        Assert.Equal(python, PythonJson.Dumps(PythonJson.Loads(literal)));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("10 apples")]
    [InlineData("2024-01-01")]
    public void Text_that_is_not_JSON_is_kept_as_it_is(string literal)
    {
        Assert.Equal(literal, PythonJson.Loads(literal)!.GetValue<string>());
    }

    [Fact]
    public void Null_is_None_and_empty_text_stays_empty()
    {
        Assert.Null(PythonJson.Loads("null"));
        Assert.Equal(string.Empty, PythonJson.Loads(string.Empty)!.GetValue<string>());
    }
}
