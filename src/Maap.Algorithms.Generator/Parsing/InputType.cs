using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>What <see cref="InputTypeClassifier"/> makes of a parameter type.</summary>
internal readonly struct InputType
{
    public InputType(ScalarKind scalar, CollectionKind collection, ITypeSymbol element, bool isNullable)
    {
        Scalar = scalar;
        Collection = collection;
        Element = element;
        IsNullable = isNullable;
    }

    public ScalarKind Scalar { get; }

    public CollectionKind Collection { get; }

    public ITypeSymbol Element { get; }

    public bool IsNullable { get; }

    public bool IsNumeric => Collection == CollectionKind.None && Scalar is >= ScalarKind.SByte and <= ScalarKind.Decimal;

    public bool IsStringLike => Collection == CollectionKind.None && Scalar == ScalarKind.String;
}
