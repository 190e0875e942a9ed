namespace Maap.Algorithms.Generator.Model;

/// <summary>
/// One value rule on one input. <see cref="Minimum"/> and <see cref="Maximum"/> are invariant numbers
/// (Range, lengths); <see cref="Pattern"/> is the regular expression; <see cref="Values"/> are C# literals
/// (AllowedValues/DeniedValues) with <see cref="ValueTexts"/> their plain text for messages.
/// </summary>
internal sealed record ValueRuleSpec(
    RuleKind Kind,
    string Display,
    string? Minimum,
    string? Maximum,
    bool MinimumIsExclusive,
    bool MaximumIsExclusive,
    string? Pattern,
    EquatableArray<string> Values,
    EquatableArray<string> ValueTexts);
