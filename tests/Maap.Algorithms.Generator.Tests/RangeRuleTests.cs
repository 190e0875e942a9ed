using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Maap.Algorithms.Generator.Tests.Infrastructure;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>
/// [Range] compares the value itself against the bounds. DataAnnotations converts the value to the bounds' type, so
/// its [Range(1, 10)] accepts 10.4 (truncated to 10); the generated check deliberately does not.
/// </summary>
public sealed class RangeRuleTests
{
    private const string Source = """
        using System.ComponentModel.DataAnnotations;
        using Maap.Algorithms;

        namespace Science
        {
            [MaapAlgorithm("range-rule", "1", Queue = "q")]
            public partial record RangeRule([Range(1, 10)] double D = 1, [Range(1, 10)] decimal M = 1);

            public static class RangeProbe
            {
                public static object Make(double d, double m) => new RangeRule(d, (decimal)m);
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => CompiledAlgorithms.Load(Source));

    [Fact]
    public void An_int_range_on_a_double_or_decimal_compares_the_value_without_truncating_it()
    {
        Assert.True(new RangeAttribute(1, 10).IsValid(10.4));

        Assert.StartsWith("Input 'd' (D) breaks [Range(1, 10)]", Assert.Throws<ArgumentException>(() => Validate(10.4, 1)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Input 'm' (M) breaks [Range(1, 10)]", Assert.Throws<ArgumentException>(() => Validate(1, 10.4)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Input 'd' (D) breaks [Range(1, 10)]", Assert.Throws<ArgumentException>(() => Validate(0.9, 1)).Message, StringComparison.Ordinal);
        Validate(10, 10);
        Validate(1, 1);
    }

    private static void Validate(double d, double m)
    {
        var algorithm = Compiled.Value.Call("Science.RangeProbe", "Make", d, m)!;
        algorithm.GetType().GetMethod("Validate")!.Invoke(algorithm, BindingFlags.DoNotWrapExceptions, null, null, null);
    }
}
