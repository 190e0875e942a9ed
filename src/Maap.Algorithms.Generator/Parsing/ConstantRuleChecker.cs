using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>Evaluates a rule against a compile-time constant argument, with the semantics of DataAnnotations.</summary>
internal static class ConstantRuleChecker
{
    /// <summary>
    /// The rules of <paramref name="parameter"/> that the constant <paramref name="value"/> certainly breaks: the one
    /// check behind MAAP0011 (a constant argument) and MAAP0015 (a parameter's own default), so the two agree.
    /// </summary>
    public static IEnumerable<ValueRuleSpec> BrokenRules(IParameterSymbol parameter, InputType inputType, object? value)
    {
        foreach (var rule in ValueRuleParser.Parse(parameter, inputType))
        {
            // An enum constant is its underlying number, while the rule lists member names: not comparable here.
            if (inputType.Scalar == ScalarKind.Enum && rule.Kind is RuleKind.AllowedValues or RuleKind.DeniedValues)
            {
                continue;
            }

            if (Breaks(rule, value))
            {
                yield return rule;
            }
        }
    }

    /// <summary>True when <paramref name="value"/> certainly breaks <paramref name="rule"/>; false when it holds or cannot be judged.</summary>
    public static bool Breaks(ValueRuleSpec rule, object? value)
    {
        if (value is null)
        {
            return false;
        }

        switch (rule.Kind)
        {
            case RuleKind.Range:
                {
                    if (!TryDouble(value, out var number)
                        || !double.TryParse(rule.Minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
                        || !double.TryParse(rule.Maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out var max))
                    {
                        return false;
                    }

                    var belowMin = rule.MinimumIsExclusive ? number <= min : number < min;
                    var aboveMax = rule.MaximumIsExclusive ? number >= max : number > max;
                    return belowMin || aboveMax;
                }

            case RuleKind.RegularExpression when value is string text && rule.Pattern is not null:
                try
                {
                    return !Regex.IsMatch(text, "^(?:" + rule.Pattern + ")\\z", RegexOptions.None, TimeSpan.FromMilliseconds(200));
                }
                catch (ArgumentException)
                {
                    return false;
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }

            case RuleKind.StringLength when value is string text:
                return text.Length < ParseInt(rule.Minimum) || text.Length > ParseInt(rule.Maximum);

            case RuleKind.MinLength when value is string text:
                return text.Length < ParseInt(rule.Minimum);

            case RuleKind.MaxLength when value is string text:
                return text.Length > ParseInt(rule.Maximum);

            case RuleKind.AllowedValues:
                return !rule.ValueTexts.Contains(ConstantText.Of(value));

            case RuleKind.DeniedValues:
                return rule.ValueTexts.Contains(ConstantText.Of(value));

            case RuleKind.Url when value is string text:
                return !(text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    || text.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase));

            default:
                return false;
        }
    }

    private static int ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static bool TryDouble(object value, out double number)
    {
        switch (value)
        {
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            default:
                number = 0;
                return false;
        }
    }
}
