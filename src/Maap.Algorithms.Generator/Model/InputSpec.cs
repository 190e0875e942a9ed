namespace Maap.Algorithms.Generator.Model;

/// <summary>One algorithm input: a primary-constructor parameter of the record.</summary>
internal sealed record InputSpec(
    string ParameterName,
    string WireName,
    InputKind Kind,
    int PositionalIndex,
    ScalarKind Scalar,
    CollectionKind Collection,
    string ElementTypeName,
    string DeclaredTypeName,
    bool IsNullable,
    bool IsReferenceType,
    string? DefaultText,
    string? Description,
    EquatableArray<ValueRuleSpec> Rules)
{
    public bool Required => !IsNullable && DefaultText is null;
}
