namespace Maap.Algorithms.Generator.Model;

/// <summary>The <c>System.ComponentModel.DataAnnotations</c> rules the generator checks.</summary>
internal enum RuleKind
{
    Range,
    RegularExpression,
    StringLength,
    MinLength,
    MaxLength,
    AllowedValues,
    DeniedValues,
    Url,
}
