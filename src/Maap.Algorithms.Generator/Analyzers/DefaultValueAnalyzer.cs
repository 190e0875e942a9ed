using System.Collections.Immutable;
using System.Linq;
using Maap.Algorithms.Generator.Diagnostics;
using Maap.Algorithms.Generator.Model;
using Maap.Algorithms.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Maap.Algorithms.Generator.Analyzers;

/// <summary>
/// MAAP0015: an algorithm record's parameter whose own default value breaks the parameter's value rule, or, for an
/// enum, names no member. The same check as MAAP0011 (<see cref="ConstantRuleChecker"/>), applied to the declaration.
/// An analyzer rather than part of the generator's parser, so it costs the generator nothing; like every analyzer
/// diagnostic it does not stop the record's code from being generated.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DefaultValueAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DefaultBreaksRule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(AlgorithmParser.AttributeMetadataName);
            if (attributeType is null)
            {
                return;
            }

            start.RegisterSymbolAction(c => Analyze(c, attributeType), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.IsRecord || !type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
        {
            return;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (!constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(context.CancellationToken) is RecordDeclarationSyntax { ParameterList: not null }))
            {
                continue;
            }

            foreach (var parameter in constructor.Parameters)
            {
                if (!parameter.HasExplicitDefaultValue
                    || parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not ParameterSyntax { Default.Value: { } valueSyntax }
                    || !InputTypeClassifier.TryClassify(parameter, out var inputType)
                    || inputType.Collection != CollectionKind.None)
                {
                    continue;
                }

                var value = parameter.ExplicitDefaultValue;
                foreach (var rule in ConstantRuleChecker.BrokenRules(parameter, inputType, value))
                {
                    Report(context, valueSyntax, parameter, "[" + rule.Display + "]: " + RuleMessages.Explain(rule));
                }

                if (inputType.Scalar == ScalarKind.Enum && inputType.Element is INamedTypeSymbol enumType
                    && EnumConstants.IsUndefined(enumType, value, out var isFlags))
                {
                    var number = System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    Report(context, valueSyntax, parameter, isFlags
                        ? "that it is a " + enumType.Name + " value or combination of its flags: " + number + " sets a bit no member covers"
                        : "that it is a defined " + enumType.Name + " value: " + number + " names no member");
                }
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, ExpressionSyntax valueSyntax, IParameterSymbol parameter, string rule) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DefaultBreaksRule, valueSyntax.GetLocation(), parameter.Name, rule));
}
