using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Maap.Algorithms.Generator.Diagnostics;
using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>The record's secrets (<c>[MaapSecret]</c>) and inputs (its primary constructor's parameters).</summary>
internal static partial class AlgorithmParser
{
    private static List<SecretSpec> ParseSecrets(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var secrets = new List<SecretSpec>();
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is not { } cls || !InputTypeClassifier.IsNamed(cls, "Maap.Algorithms", "MaapSecretAttribute"))
            {
                continue;
            }

            var name = AttributeArguments.String(attribute, 0);
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

            secrets.Add(new SecretSpec(name!, accessor, AttributeArguments.String(attribute, "Description")));
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

            var declared = InputDeclaration.Read(parameter);
            var kind = declared.Kind;
            var wireName = declared.WireName;
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

            if (NameRules.IsReservedWireName(wireName))
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

            if (!NameRules.IsCwlIdentifier(wireName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotCwlIdentifier, NameLocation(), parameter.Name, wireName));
            }

            if (kind == InputKind.Positional && inputType.Scalar == ScalarKind.Boolean && inputType.Collection != CollectionKind.None)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BooleanListOnCommandLine, TypeLocation(), parameter.Name));
            }

            inputs.Add(new InputSpec(
                parameter.Name,
                wireName,
                kind,
                kind == InputKind.Positional ? positional++ : -1,
                inputType.Scalar,
                inputType.Collection,
                TypeNames.ElementTypeName(inputType.Element),
                TypeNames.DeclaredTypeName(parameter.Type, inputType),
                inputType.IsNullable,
                !parameter.Type.IsValueType,
                ConstantText.Default(parameter, inputType),
                declared.Description,
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
}
