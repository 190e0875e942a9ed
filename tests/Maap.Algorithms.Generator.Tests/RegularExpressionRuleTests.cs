using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Maap.Algorithms.Generator.Tests.Infrastructure;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>[RegularExpression] as DataAnnotations applies it: the empty string passes, anything else must match whole.</summary>
public sealed class RegularExpressionRuleTests
{
    private const string Source = """
        using System.ComponentModel.DataAnnotations;
        using Maap.Algorithms;

        namespace Science
        {
            [MaapAlgorithm("regex-rule", "1", Queue = "q")]
            public partial record RegexRule([RegularExpression("[a-z]+")] string S = "");

            public static class RegexProbe
            {
                public static object Make(string s) => new RegexRule(s);
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => CompiledAlgorithms.Load(Source));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    public void Empty_and_matching_text_pass_as_with_DataAnnotations(string value)
    {
        Assert.True(new RegularExpressionAttribute("[a-z]+").IsValid(value));

        Validate(value);
    }

    [Theory]
    [InlineData("A1")]
    [InlineData("abc1")]
    [InlineData("abc\n")]
    public void Text_that_does_not_match_whole_fails(string value)
    {
        Assert.False(new RegularExpressionAttribute("[a-z]+").IsValid(value));

        var ex = Assert.Throws<ArgumentException>(() => Validate(value));

        Assert.StartsWith("Input 's' (S) breaks [RegularExpression(\"[a-z]+\")]", ex.Message, StringComparison.Ordinal);
    }

    private static void Validate(string value)
    {
        var algorithm = Compiled.Value.Call("Science.RegexProbe", "Make", value)!;
        algorithm.GetType().GetMethod("Validate")!.Invoke(algorithm, BindingFlags.DoNotWrapExceptions, null, null, null);
    }
}
