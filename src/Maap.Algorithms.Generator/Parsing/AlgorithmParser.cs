using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Maap.Algorithms.Generator.Diagnostics;
using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>
/// Turns one <c>[MaapAlgorithm]</c> declaration into an <see cref="AlgorithmSpec"/>. The only layer that touches symbols.
/// This file reads the record and its attribute; <c>AlgorithmParser.Inputs.cs</c> its parameters and secrets.
/// </summary>
internal static partial class AlgorithmParser
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
        var id = AttributeArguments.String(attribute, 0);
        var version = AttributeArguments.String(attribute, 1);
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

        var ns = TypeNames.NamespaceName(type.ContainingNamespace);
        return new AlgorithmSpec(
            HintName(type, ns),
            ns,
            new EquatableArray<ContainingTypeSpec>(containing),
            (type.IsReadOnly && type.TypeKind == TypeKind.Struct ? "readonly " : string.Empty) + Keyword(type),
            type.Name,
            TypeNames.FullyQualifiedName(type),
            id ?? string.Empty,
            version ?? string.Empty,
            AttributeArguments.String(attribute, "Queue"),
            AttributeArguments.String(attribute, "Description"),
            AttributeArguments.String(attribute, "RunCommand"),
            AttributeArguments.String(attribute, "RepositoryUrl"),
            AttributeArguments.String(attribute, "ContainerUrl"),
            AttributeArguments.String(attribute, "DiskSpace"),
            AttributeArguments.String(attribute, "BuildCommand"),
            AttributeArguments.String(attribute, "ContainerImage"),
            AttributeArguments.String(attribute, "Author"),
            AttributeArguments.String(attribute, "Keywords"),
            AttributeArguments.String(attribute, "CommitHash"),
            AttributeArguments.String(attribute, "Deployer"),
            AttributeArguments.Int32(attribute, "MemoryMiB"),
            AttributeArguments.Int32(attribute, "Cores"),
            AttributeArguments.Int32(attribute, "DiskGiB"),
            new EquatableArray<InputSpec>(inputs),
            new EquatableArray<SecretSpec>(secrets),
            implementInterface,
            inputs.FirstOrDefault(i => !NameRules.IsCwlIdentifier(i.WireName))?.WireName);
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
