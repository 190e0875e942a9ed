namespace Maap.Algorithms.Generator.Model;

/// <summary>The wording of a broken rule, shared by the generated <c>Validate()</c> and the call-site analyzer.</summary>
internal static class RuleMessages
{
    public static string Explain(ValueRuleSpec rule) => rule.Kind switch
    {
        RuleKind.Range => "it must be " + (rule.MinimumIsExclusive ? "greater than " : "at least ") + rule.Minimum
            + " and " + (rule.MaximumIsExclusive ? "less than " : "at most ") + rule.Maximum,
        RuleKind.RegularExpression => "it must match the regular expression " + rule.Pattern,
        RuleKind.StringLength => rule.Minimum == "0"
            ? "it must be at most " + rule.Maximum + " characters long"
            : "it must be " + rule.Minimum + " to " + rule.Maximum + " characters long",
        RuleKind.MinLength => "its length must be at least " + rule.Minimum,
        RuleKind.MaxLength => "its length must be at most " + rule.Maximum,
        RuleKind.AllowedValues => "it must be one of: " + string.Join(", ", rule.ValueTexts),
        RuleKind.DeniedValues => "it must not be one of: " + string.Join(", ", rule.ValueTexts),
        RuleKind.Url => "it must be an absolute http, https or ftp URL",
        _ => "it breaks the rule",
    };

    /// <summary>The full message: <c>Input 'outsize' (Outsize) breaks [Range(1, 100)]: it must be at least 1 and at most 100.</c></summary>
    public static string Broken(string wireName, string parameterName, ValueRuleSpec rule) =>
        "Input '" + wireName + "' (" + parameterName + ") breaks [" + rule.Display + "]: " + Explain(rule) + ".";
}
