using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Maap.Algorithms.Generator.Diagnostics;
using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>Turns one <c>[MaapAlgorithm]</c> declaration into an <see cref="AlgorithmSpec"/>. The only layer that touches symbols.</summary>
internal static class AlgorithmParser
{
    public const string AttributeMetadataName = "Maap.Algorithms.MaapAlgorithmAttribute";
    public const string InterfaceMetadataName = "Maap.Algorithms.IMaapAlgorithm`1";

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var spec = ParseType(type, declaration, context.Attributes[0], context.SemanticModel, diagnostics, cancellationToken);
        if (diagnostics.Count == 0)
        {
            return new ParseResult(spec, EquatableArray<DiagnosticInfo>.Empty);
        }

        var failed = diagnostics.Any(d => DiagnosticDescriptors.ById(d.DescriptorId).DefaultSeverity == DiagnosticSeverity.Error);
        return new ParseResult(failed ? null : spec, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static AlgorithmSpec? ParseType(
        INamedTypeSymbol type,
        TypeDeclarationSyntax declaration,
        AttributeData attribute,
        SemanticModel semanticModel,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        if (!type.IsRecord || type.TypeParameters.Length > 0 || type.IsAbstract)
        {
            var what = !type.IsRecord ? (type.TypeKind == TypeKind.Struct ? "a struct" : "a class")
                : type.IsAbstract ? "an abstract record" : "a generic record";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotRecord, declaration.Identifier.GetLocation(), type.Name, what));
            return null;
        }

        if (!CheckPartial(type, diagnostics))
        {
            return null;
        }

        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var id = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        var version = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        if (!NameRules.IsValidAlgorithmId(id))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAlgorithmId, ArgumentLocation(attributeSyntax, 0) ?? declaration.Identifier.GetLocation(), id ?? "null"));
        }

        if (!NameRules.IsValidVersion(version))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidVersion, ArgumentLocation(attributeSyntax, 1) ?? declaration.Identifier.GetLocation(), version ?? "null"));
        }

        var secrets = ParseSecrets(type, diagnostics, cancellationToken);
        var inputs = ParseInputs(type, declaration, semanticModel, secrets, diagnostics, cancellationToken);
        var parseOptions = declaration.SyntaxTree.Options as CSharpParseOptions;
        var implementInterface = parseOptions is not null
            && parseOptions.LanguageVersion >= LanguageVersion.CSharp11
            && semanticModel.Compilation.GetTypeByMetadataName(InterfaceMetadataName) is not null;

        var containing = new List<ContainingTypeSpec>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, new ContainingTypeSpec(Keyword(outer), NameWithTypeParameters(outer)));
        }

        var ns = NamespaceName(type.ContainingNamespace);
        return new AlgorithmSpec(
            HintName(type, ns),
            ns,
            new EquatableArray<ContainingTypeSpec>(containing),
            (type.IsReadOnly && type.TypeKind == TypeKind.Struct ? "readonly " : string.Empty) + Keyword(type),
            type.Name,
            FullyQualifiedName(type),
            id ?? string.Empty,
            version ?? string.Empty,
            Named(attribute, "Queue"),
            Named(attribute, "Description"),
            Named(attribute, "RunCommand"),
            Named(attribute, "RepositoryUrl"),
            Named(attribute, "ContainerUrl"),
            Named(attribute, "DiskSpace"),
            Named(attribute, "BuildCommand"),
            new EquatableArray<InputSpec>(inputs),
            new EquatableArray<SecretSpec>(secrets),
            implementInterface);
    }

    private static bool CheckPartial(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax syntax && !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    var suffix = ReferenceEquals(current, type) ? string.Empty : " (it contains the algorithm record '" + type.Name + "')";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, syntax.Identifier.GetLocation(), current.Name, suffix));
                    ok = false;
                }
            }
        }

        return ok;
    }

    private static List<SecretSpec> ParseSecrets(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var secrets = new List<SecretSpec>();
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is not { } cls || !InputTypeClassifier.IsNamed(cls, "Maap.Algorithms", "MaapSecretAttribute"))
            {
                continue;
            }

            var name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
            if (!NameRules.IsValidSecretName(name))
            {
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSecretName, ArgumentLocation(syntax, 0) ?? syntax?.GetLocation(), name ?? "null"));
                continue;
            }

            if (secrets.Any(s => s.Name == name))
            {
                continue;
            }

            var accessor = NameRules.ToPascalCase(name!);
            if (secrets.Find(s => s.AccessorName == accessor) is { } earlier)
            {
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SecretAccessorClash, ArgumentLocation(syntax, 0) ?? syntax?.GetLocation(),
                    earlier.Name, name!, GeneratedMembers.GetPrefix + accessor + GeneratedMembers.SecretSuffix));
                continue;
            }

            secrets.Add(new SecretSpec(name!, accessor, Named(attribute, "Description")));
        }

        return secrets;
    }

    /// <summary>
    /// The primary constructor's parameters. Asked of the semantic model per parameter when the attributed
    /// declaration holds the parameter list, which avoids building the record's synthesized members.
    /// </summary>
    private static IReadOnlyList<IParameterSymbol> PrimaryConstructorParameters(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (declaration is RecordDeclarationSyntax { ParameterList: { } list })
        {
            var result = new List<IParameterSymbol>(list.Parameters.Count);
            foreach (var syntax in list.Parameters)
            {
                if (semanticModel.GetDeclaredSymbol(syntax, cancellationToken) is not { } parameter)
                {
                    return Array.Empty<IParameterSymbol>();
                }

                result.Add(parameter);
            }

            return result;
        }

        // The parameter list is on another partial declaration of the record.
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is RecordDeclarationSyntax { ParameterList: { } other } && other.Parameters.Count == constructor.Parameters.Length)
                {
                    return constructor.Parameters;
                }
            }
        }

        return Array.Empty<IParameterSymbol>();
    }

    private static List<InputSpec> ParseInputs(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel semanticModel, List<SecretSpec> secrets, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var inputs = new List<InputSpec>();
        var parameters = PrimaryConstructorParameters(type, declaration, semanticModel, cancellationToken);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = 0;
        foreach (var parameter in parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Locations are only built when a diagnostic needs one.
            Location? TypeLocation() =>
                (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ParameterSyntax)?.Type?.GetLocation() ?? parameter.Locations.FirstOrDefault();
            Location? NameLocation() => parameter.Locations.FirstOrDefault();

            var kind = InputKind.Positional;
            string? wireName = null;
            string? description = null;
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass is not { } cls || !InputTypeClassifier.IsNamespace(cls.ContainingNamespace, "Maap.Algorithms"))
                {
                    continue;
                }

                switch (cls.Name)
                {
                    case "FileInputAttribute": kind = InputKind.File; break;
                    case "ConfigInputAttribute": kind = InputKind.Config; break;
                    case "PositionalInputAttribute": kind = InputKind.Positional; break;
                    default: continue;
                }

                wireName = Named(attribute, "Name");
                description = Named(attribute, "Description");
            }

            wireName ??= NameRules.ToSnakeCase(parameter.Name);
            if (!InputTypeClassifier.TryClassify(parameter, out var inputType))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, TypeLocation(), parameter.Name, parameter.Type.ToDisplayString()));
                continue;
            }

            if (kind == InputKind.File && (inputType.Collection != CollectionKind.None || inputType.Scalar is not (ScalarKind.Uri or ScalarKind.String)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileInputType, TypeLocation(), parameter.Name, parameter.Type.ToDisplayString()));
                continue;
            }

            if (Array.IndexOf(NameRules.Reserved, wireName) >= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedWireName, NameLocation(), parameter.Name, wireName));
            }
            else if (seen.TryGetValue(wireName, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWireName, NameLocation(), first, parameter.Name, wireName));
            }
            else
            {
                seen.Add(wireName, parameter.Name);
            }

            inputs.Add(new InputSpec(
                parameter.Name,
                wireName,
                kind,
                kind == InputKind.Positional ? positional++ : -1,
                inputType.Scalar,
                inputType.Collection,
                ElementTypeName(inputType.Element),
                DeclaredTypeName(parameter.Type, inputType),
                inputType.IsNullable,
                !parameter.Type.IsValueType,
                DefaultText(parameter, inputType),
                description,
                new EquatableArray<ValueRuleSpec>(ValueRuleParser.Parse(parameter, inputType))));
        }

        // After the loop: Resolve{Parameter} and Get{Parameter}ValueAsync depend on the other parameters.
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (GeneratedMembers.Clash(parameter.Name, type.IsValueType, inputs, secrets) is { } clash)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedMemberName, parameter.Locations.FirstOrDefault(), parameter.Name, type.Name, clash));
            }
        }

        return inputs;
    }

    /// <summary>The element type as C# source; keywords for special types, skipping the (comparatively costly) display formatter.</summary>
    private static string ElementTypeName(ITypeSymbol type) => type.SpecialType switch
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
    private static string FullyQualifiedName(ITypeSymbol type)
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
    private static string? NamespaceName(INamespaceSymbol? ns)
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
    private static string DeclaredTypeName(ITypeSymbol declared, InputType type)
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

    /// <summary>The registered default, formatted exactly as the runtime's <c>MaapInputValues.Format</c> would send it.</summary>
    private static string? DefaultText(IParameterSymbol parameter, InputType type)
    {
        if (!parameter.HasExplicitDefaultValue || type.Collection != CollectionKind.None)
        {
            return null;
        }

        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            // 'T x = default' on a non-nullable value type registers default(T); a null default means "optional".
            if (type.IsNullable || !parameter.Type.IsValueType)
            {
                return null;
            }

            value = type.Scalar switch
            {
                ScalarKind.Boolean => false,
                ScalarKind.DateTime => "0001-01-01T00:00:00.0000000",
                ScalarKind.DateTimeOffset => "0001-01-01T00:00:00.0000000+00:00",
                ScalarKind.DateOnly => "0001-01-01",
                ScalarKind.TimeSpan => "00:00:00",
                _ => 0,
            };
        }

        if (type.Scalar == ScalarKind.Enum && type.Element is INamedTypeSymbol enumType)
        {
            return EnumText(enumType, value);
        }

        return value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            double d => NameRules.Invariant(d),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The text <c>Enum.ToString()</c> gives for a constant: the member's name, <c>A, B</c> for a [Flags] combination, else the number.</summary>
    private static string EnumText(INamedTypeSymbol enumType, object value)
    {
        var bits = Bits(value);
        var members = new List<(string Name, ulong Bits)>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is not null)
            {
                var member = (field.Name, Bits(field.ConstantValue));
                if (member.Item2 == bits)
                {
                    return field.Name;
                }

                members.Add(member);
            }
        }

        var isFlags = enumType.GetAttributes().Any(a => a.AttributeClass is { Name: "FlagsAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });
        if (isFlags && bits != 0)
        {
            // Enum.ToString's flags walk: from the largest member down, take each one whose bits are all still set;
            // names come out smallest first. Any bit left over makes it a number.
            var found = new List<string>();
            var rest = bits;
            foreach (var member in members.Where(m => m.Bits != 0).OrderByDescending(m => m.Bits))
            {
                if ((rest & member.Bits) == member.Bits)
                {
                    rest -= member.Bits;
                    found.Add(member.Name);
                    if (rest == 0)
                    {
                        break;
                    }
                }
            }

            if (rest == 0)
            {
                found.Reverse();
                return string.Join(", ", found);
            }
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture)!;
    }

    /// <summary>An enum constant's bits: unsigned types as they are, signed ones sign-extended (the same for every member), never throwing.</summary>
    internal static ulong Bits(object value) => value switch
    {
        ulong u => u,
        uint u => u,
        ushort u => u,
        byte u => u,
        char c => c,
        long l => unchecked((ulong)l),
        int i => unchecked((ulong)(long)i),
        short s => unchecked((ulong)(long)s),
        sbyte s => unchecked((ulong)(long)s),
        _ => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };

    private static string? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value.Value as string;
            }
        }

        return null;
    }

    private static Location? ArgumentLocation(AttributeSyntax? syntax, int index) =>
        syntax?.ArgumentList is { } list && list.Arguments.Count > index ? list.Arguments[index].GetLocation() : null;

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string NameWithTypeParameters(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

    private static string HintName(INamedTypeSymbol type, string? ns)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        if (ns is not null)
        {
            name = ns + "." + name;
        }

        return name.Replace('`', '-') + ".MaapAlgorithm.g.cs";
    }
}
