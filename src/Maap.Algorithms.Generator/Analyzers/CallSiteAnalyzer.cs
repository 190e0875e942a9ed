using System.Collections.Immutable;
using System.Linq;
using Maap.Algorithms.Generator.Diagnostics;
using Maap.Algorithms.Generator.Model;
using Maap.Algorithms.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Maap.Algorithms.Generator.Analyzers;

/// <summary>
/// MAAP0011 and MAAP0012 at the call site: a constant argument to an algorithm record that breaks the
/// parameter's value rule, and a relative URI literal for a file input.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallSiteAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ValueRuleBroken, DiagnosticDescriptors.RelativeFileUri);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(AlgorithmParser.AttributeMetadataName);
            var uriType = start.Compilation.GetTypeByMetadataName("System.Uri");
            if (attributeType is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, attributeType, uriType), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol? uriType)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type
            || !type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind != ArgumentKind.Explicit
                || !InputTypeClassifier.TryClassify(parameter, out var inputType))
            {
                continue;
            }

            var value = Unwrap(argument.Value);
            var input = InputDeclaration.Read(parameter);
            if (input.Kind == InputKind.File)
            {
                CheckRelativeUri(context, input.WireName, value, uriType);
            }

            if (!value.ConstantValue.HasValue)
            {
                continue;
            }

            foreach (var rule in ConstantRuleChecker.BrokenRules(parameter, inputType, value.ConstantValue.Value))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ValueRuleBroken,
                    argument.Syntax.GetLocation(),
                    input.WireName,
                    rule.Display,
                    RuleMessages.Explain(rule)));
            }
        }
    }

    private static void CheckRelativeUri(OperationAnalysisContext context, string wireName, IOperation value, INamedTypeSymbol? uriType)
    {
        string? text = null;
        if (value is IObjectCreationOperation { Arguments.Length: >= 1 } uriCreation
            && SymbolEqualityComparer.Default.Equals(uriCreation.Type, uriType)
            && uriCreation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string uriText})
        {
            text = uriText;
        }
        else if (value.Type?.SpecialType == SpecialType.System_String && value.ConstantValue is { HasValue: true, Value: string literal })
        {
            text = literal;
        }

        if (text is not null && !System.Uri.TryCreate(text, System.UriKind.Absolute, out _))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RelativeFileUri, value.Syntax.GetLocation(), wireName, text));
        }
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
