using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>
/// Type and namespace names as the generated C# writes them (<c>global::</c>-qualified), built directly from the
/// symbol for the usual cases because the display formatter is comparatively costly.
/// </summary>
internal static class TypeNames
{
    /// <summary>The element type as C# source; keywords for special types, skipping the (comparatively costly) display formatter.</summary>
    public static string ElementTypeName(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => "string",
        SpecialType.System_Boolean => "bool",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_DateTime => "global::System.DateTime",
        _ => FullyQualifiedName(type),
    };

    /// <summary>
    /// <c>global::</c> + namespace + containing types + name, as <see cref="SymbolDisplayFormat.FullyQualifiedFormat"/>
    /// writes it, built directly for the usual named type (the display formatter is comparatively costly); the
    /// formatter for anything else (generic, keyword-named, not a plain named type).
    /// </summary>
    public static string FullyQualifiedName(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: false, TypeKind: not TypeKind.Error } named && named.SpecialType == SpecialType.None)
        {
            var name = named.Name;
            var plain = IsPlainIdentifier(name);
            for (var outer = named.ContainingType; plain && outer is not null; outer = outer.ContainingType)
            {
                plain = !outer.IsGenericType && IsPlainIdentifier(outer.Name);
                name = outer.Name + "." + name;
            }

            var ns = plain ? NamespaceName(named.ContainingNamespace) : null;
            if (plain && (ns is not null || named.ContainingNamespace is { IsGlobalNamespace: true }))
            {
                return "global::" + (ns is null ? name : ns + "." + name);
            }
        }

        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    /// <summary>The dotted namespace name, or null for the global namespace; the display formatter when a part is a keyword.</summary>
    public static string? NamespaceName(INamespaceSymbol? ns)
    {
        if (ns is null || ns.IsGlobalNamespace)
        {
            return null;
        }

        var name = ns.Name;
        var plain = IsPlainIdentifier(name);
        for (var outer = ns.ContainingNamespace; plain && outer is { IsGlobalNamespace: false }; outer = outer.ContainingNamespace)
        {
            plain = IsPlainIdentifier(outer.Name);
            name = outer.Name + "." + name;
        }

        return plain ? name : ns.ToDisplayString();
    }

    private static bool IsPlainIdentifier(string name) =>
        name.Length > 0 && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;

    /// <summary>The parameter's declared type as C# source, nullable marker included, built from the classified parts.</summary>
    public static string DeclaredTypeName(ITypeSymbol declared, InputType type)
    {
        var element = ElementTypeName(type.Element);
        var name = type.Collection switch
        {
            CollectionKind.Array => element + "[]",
            CollectionKind.List => "global::System.Collections.Generic.List<" + element + ">",
            CollectionKind.ArrayCompatibleInterface => "global::System.Collections.Generic." + Unwrap(declared).Name + "<" + element + ">",
            _ => element,
        };
        return type.IsNullable ? name + "?" : name;
    }

    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
}
