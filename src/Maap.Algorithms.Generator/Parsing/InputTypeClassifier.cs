using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>Maps a parameter type to a supported input shape, or says it is unsupported.</summary>
internal static class InputTypeClassifier
{
    /// <summary>
    /// Classifies a record parameter. A reference-type parameter whose explicit default is <c>null</c> is optional
    /// whatever its annotation: under <c>#nullable disable</c> (oblivious) null is the record's own default.
    /// </summary>
    public static bool TryClassify(IParameterSymbol parameter, out InputType result)
    {
        if (!TryClassify(parameter.Type, out result))
        {
            return false;
        }

        if (!result.IsNullable && parameter.Type.IsReferenceType && parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null)
        {
            result = new InputType(result.Scalar, result.Collection, result.Element, isNullable: true);
        }

        return true;
    }

    public static bool TryClassify(ITypeSymbol type, out InputType result)
    {
        result = default;
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
        {
            nullable = true;
            type = wrapped.TypeArguments[0];
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            nullable = true;
        }

        var collection = CollectionKind.None;
        var element = type;
        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return false;
            }

            collection = CollectionKind.Array;
            element = array.ElementType;
        }
        else if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic)
        {
            switch (generic.OriginalDefinition.SpecialType)
            {
                case SpecialType.System_Collections_Generic_IEnumerable_T:
                case SpecialType.System_Collections_Generic_IList_T:
                case SpecialType.System_Collections_Generic_ICollection_T:
                case SpecialType.System_Collections_Generic_IReadOnlyList_T:
                case SpecialType.System_Collections_Generic_IReadOnlyCollection_T:
                    collection = CollectionKind.ArrayCompatibleInterface;
                    break;
                default:
                    if (IsNamed(generic.OriginalDefinition, "System.Collections.Generic", "List`1"))
                    {
                        collection = CollectionKind.List;
                    }
                    else
                    {
                        return false;
                    }

                    break;
            }

            element = generic.TypeArguments[0];
        }

        if (collection != CollectionKind.None
            && (element.NullableAnnotation == NullableAnnotation.Annotated || element.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
        {
            return false;
        }

        if (!TryScalar(element, out var scalar))
        {
            return false;
        }

        result = new InputType(scalar, collection, element, nullable);
        return true;
    }

    private static bool TryScalar(ITypeSymbol type, out ScalarKind scalar)
    {
        scalar = type.SpecialType switch
        {
            SpecialType.System_String => ScalarKind.String,
            SpecialType.System_Boolean => ScalarKind.Boolean,
            SpecialType.System_SByte => ScalarKind.SByte,
            SpecialType.System_Byte => ScalarKind.Byte,
            SpecialType.System_Int16 => ScalarKind.Int16,
            SpecialType.System_UInt16 => ScalarKind.UInt16,
            SpecialType.System_Int32 => ScalarKind.Int32,
            SpecialType.System_UInt32 => ScalarKind.UInt32,
            SpecialType.System_Int64 => ScalarKind.Int64,
            SpecialType.System_UInt64 => ScalarKind.UInt64,
            SpecialType.System_Single => ScalarKind.Single,
            SpecialType.System_Double => ScalarKind.Double,
            SpecialType.System_Decimal => ScalarKind.Decimal,
            SpecialType.System_DateTime => ScalarKind.DateTime,
            _ => (ScalarKind)(-1),
        };
        if (scalar >= 0)
        {
            return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            scalar = ScalarKind.Enum;
            return true;
        }

        if (IsNamed(type, "System", "DateTimeOffset"))
        {
            scalar = ScalarKind.DateTimeOffset;
        }
        else if (IsNamed(type, "System", "DateOnly"))
        {
            scalar = ScalarKind.DateOnly;
        }
        else if (IsNamed(type, "System", "TimeSpan"))
        {
            scalar = ScalarKind.TimeSpan;
        }
        else if (IsNamed(type, "System", "Uri"))
        {
            scalar = ScalarKind.Uri;
        }
        else if (IsNamed(type, "Maap.Algorithms", "SecretName"))
        {
            scalar = ScalarKind.SecretName;
        }
        else
        {
            return false;
        }

        return true;
    }

    public static bool IsNamed(ITypeSymbol type, string ns, string metadataName) =>
        type.MetadataName == metadataName
        && type.ContainingType is null
        && IsNamespace(type.ContainingNamespace, ns);

    /// <summary>Compares a namespace with a dotted name without building display strings (a hot path for large projects).</summary>
    public static bool IsNamespace(INamespaceSymbol? ns, string dotted)
    {
        var end = dotted.Length;
        while (ns is { IsGlobalNamespace: false })
        {
            var start = dotted.LastIndexOf('.', end - 1) + 1;
            var name = ns.Name;
            if (end - start != name.Length || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            ns = ns.ContainingNamespace;
            end = start - 1;
            if (end < 0)
            {
                return ns is null || ns.IsGlobalNamespace;
            }
        }

        return false;
    }
}
