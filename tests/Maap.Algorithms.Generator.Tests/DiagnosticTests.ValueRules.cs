using System.Collections.Immutable;
using Maap.Algorithms.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>MAAP0011 (a constant that breaks a value rule at a call site) and MAAP0015 (a default that breaks its own rule).</summary>
public sealed partial class DiagnosticTests
{
    [Fact]
    public void MAAP0011_constant_argument_that_breaks_a_value_rule_is_an_error_on_that_argument()
    {
        var source = Usings + """
            [MaapAlgorithm("gedi", "1")] internal partial record Gedi([Range(1, 100)] int Outsize = 10);
            internal static class Caller { public static Gedi Make() => new Gedi(Outsize: 0); }
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        var d = Assert.Single(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0011");

        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("Outsize: 0", SpanText(d));
        Assert.Equal("Input 'outsize' breaks [Range(1, 100)]: it must be at least 1 and at most 100", d.GetMessage());
    }

    [Theory]
    [InlineData("new Gedi(50, Mode.A) with { Outsize = 0 }", "0", "outsize", "Range(1, 100)", "it must be at least 1 and at most 100")]
    [InlineData("new Gedi(50, Mode.A) { Outsize = 101 }", "101", "outsize", "Range(1, 100)", "it must be at least 1 and at most 100")]
    [InlineData("new Gedi(50, (Mode)7)", "(Mode)7", "mode", "a defined Mode value", "7 names no member")]
    [InlineData("new Gedi(50, Mode.A) with { Mode = (Mode)7 }", "(Mode)7", "mode", "a defined Mode value", "7 names no member")]
    [InlineData("new Gedi(50, Mode.A, (Colors)12)", "(Colors)12", "colors", "Colors flags", "12 sets a bit no member covers")]
    public void MAAP0011_covers_with_expressions_initializers_and_enum_casts(string expression, string span, string input, string rule, string why)
    {
        var source = Usings + DefaultEnums + """
            [MaapAlgorithm("gedi", "1")] internal partial record Gedi([Range(1, 100)] int Outsize, Mode Mode, Colors Colors = Colors.Red);
            internal static class Caller { public static Gedi Make() => EXPR; }
            """.Replace("EXPR", expression, StringComparison.Ordinal);
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        var d = Assert.Single(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0011");

        Assert.EndsWith(span, SpanText(d), StringComparison.Ordinal);
        Assert.Equal($"Input '{input}' breaks [{rule}]: {why}", d.GetMessage());
    }

    [Fact]
    public void MAAP0011_is_not_reported_for_defined_enum_values_and_flag_combinations()
    {
        var source = Usings + DefaultEnums + """
            [MaapAlgorithm("gedi", "1")] internal partial record Gedi([Range(1, 100)] int Outsize, Mode Mode, Colors Colors = Colors.Red);
            internal static class Caller { public static Gedi Make() => new Gedi(5, (Mode)1, Colors.Red | Colors.Blue) with { Outsize = 7, Mode = Mode.A }; }
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        Assert.DoesNotContain(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0011");
    }

    [Fact]
    public void MAAP0011_is_not_reported_for_a_valid_constant_or_a_variable()
    {
        var source = Usings + """
            [MaapAlgorithm("gedi", "1")] internal partial record Gedi([Range(1, 100)] int Outsize, [StringLength(3)] string Code);
            internal static class Caller { public static Gedi Make(int n) => new Gedi(50, "abc") with { Outsize = n }; public static Gedi Other(int n) => new Gedi(n, "abc"); }
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        Assert.DoesNotContain(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0011");
    }

    [Theory]
    [InlineData("[Range(1, 100)] int P = 0", "0", "[Range(1, 100)]: it must be at least 1 and at most 100")]
    [InlineData("[Range(1, 100)] int? P = 101", "101", "[Range(1, 100)]: it must be at least 1 and at most 100")]
    [InlineData("[RegularExpression(\"[a-z]+\")] string P = \"ABC\"", "\"ABC\"", "[RegularExpression(\"[a-z]+\")]: it must match the regular expression [a-z]+")]
    [InlineData("[StringLength(3)] string P = \"toolong\"", "\"toolong\"", "[StringLength(3)]: it must be at most 3 characters long")]
    [InlineData("[MinLength(2)] string P = \"a\"", "\"a\"", "[MinLength(2)]: its length must be at least 2")]
    [InlineData("[MaxLength(2)] string P = \"abc\"", "\"abc\"", "[MaxLength(2)]: its length must be at most 2")]
    [InlineData("[AllowedValues(\"a\", \"b\")] string P = \"c\"", "\"c\"", "[AllowedValues(\"a\", \"b\")]: it must be one of: a, b")]
    [InlineData("[DeniedValues(\"x\")] string P = \"x\"", "\"x\"", "[DeniedValues(\"x\")]: it must not be one of: x")]
    [InlineData("[Url] string P = \"data/file.h5\"", "\"data/file.h5\"", "[Url]: it must be an absolute http, https or ftp URL")]
    [InlineData("Mode P = (Mode)5", "(Mode)5", "that it is a defined Mode value: 5 names no member")]
    [InlineData("Mode? P = (Mode)5", "(Mode)5", "that it is a defined Mode value: 5 names no member")]
    [InlineData("Mode P = default", "default", "that it is a defined Mode value: 0 names no member")]
    [InlineData("Colors P = (Colors)12", "(Colors)12", "that it is a Colors value or combination of its flags: 12 sets a bit no member covers")]
    public void MAAP0015_default_that_breaks_its_own_rule_is_an_error_on_the_default_value(string parameter, string span, string rule)
    {
        var source = Usings + DefaultEnums + "[MaapAlgorithm(\"algo\", \"1\")] internal partial record A(int X, " + parameter + ");";
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        var d = Assert.Single(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0015");

        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("https://github.com/maap-algorithms/Maap.Algorithms/blob/main/docs/diagnostics/MAAP0015.md", d.Descriptor.HelpLinkUri);
        Assert.Equal(span, SpanText(d));
        Assert.Equal(source.LastIndexOf(span, StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Equal("The default value of parameter 'P' breaks its own rule " + rule, d.GetMessage());
        // An analyzer diagnostic: the record's code is still generated, and compiles.
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileErrorsAndWarnings());
    }

    [Fact]
    public void MAAP0015_agrees_with_MAAP0011_on_the_same_constant()
    {
        var source = Usings + """
            [MaapAlgorithm("gedi", "1")] internal partial record Gedi([Range(1, 100)] int Outsize = 0, [StringLength(3)] string Code = "abcd");
            internal static class Caller { public static Gedi Make() => new Gedi(Outsize: 0, Code: "abcd"); }
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);
        var diagnostics = GeneratorHarness.Analyze(run.Output);

        Assert.Equal(new[] { "[Range(1, 100)]: it must be at least 1 and at most 100", "[StringLength(3)]: it must be at most 3 characters long" }, diagnostics.Where(x => x.Id == "MAAP0015").Select(x => x.GetMessage()[(x.GetMessage().IndexOf('[', StringComparison.Ordinal))..]));
        Assert.Equal(new[] { "[Range(1, 100)]: it must be at least 1 and at most 100", "[StringLength(3)]: it must be at most 3 characters long" }, diagnostics.Where(x => x.Id == "MAAP0011").Select(x => x.GetMessage()[(x.GetMessage().IndexOf('[', StringComparison.Ordinal))..]));
    }

    [Fact]
    public void MAAP0015_is_not_reported_for_valid_defaults()
    {
        var source = Usings + DefaultEnums + """
            [MaapAlgorithm("algo", "1")] internal partial record A(
                [Range(1, 100)] int N = 10, [Range(1, 100)] int? M = null, [StringLength(3)] string S = "abc", [StringLength(3)] string? T = null,
                [RegularExpression("[a-z]+")] string R = "abc", [MinLength(2)] string Mn = "ab", [MaxLength(2)] string Mx = "ab",
                [AllowedValues("a", "b")] string Al = "b", [DeniedValues("x")] string De = "y", [Url] string U = "https://example.com/a",
                Mode Md = Mode.B, Colors C = Colors.Red | Colors.Blue, Colors None = 0, [Range(1, 100)] int[]? L = null);
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0015");
    }

    [Fact]
    public void Pragma_suppresses_MAAP0015()
    {
        var source = Usings + """
            #pragma warning disable MAAP0015
            [MaapAlgorithm("gedi", "1")] internal partial record Gedi([Range(1, 100)] int Outsize = 0);
            #pragma warning restore MAAP0015
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        Assert.DoesNotContain(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0015");
        var unsuppressed = GeneratorHarness.Run(LanguageVersion.Latest, source.Replace("#pragma warning", "// pragma warning", StringComparison.Ordinal));
        Assert.Contains(GeneratorHarness.Analyze(unsuppressed.Output), x => x.Id == "MAAP0015");
    }
}
