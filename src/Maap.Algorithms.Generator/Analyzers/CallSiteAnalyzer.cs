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
/// MAAP0011 and MAAP0012 at the call site: a constant argument to an algorithm record (in its constructor, its
/// object initializer or a <c>with</c> expression) that breaks the parameter's value rule or names no enum member,
/// and a relative URI literal for a file input.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallSiteAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ValueRuleBroken, DiagnosticDescriptors.RelativeFileUri, DiagnosticDescriptors.NoQueue);

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

            start.RegisterOperationAction(c => AnalyzeCreation(c, attributeType, uriType), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeWith(c, attributeType, uriType), OperationKind.With);
            start.RegisterOperationAction(c => AnalyzeQueue(c, attributeType), OperationKind.Invocation);
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol? uriType)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!IsAlgorithm(creation.Type, attributeType))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                Check(context, parameter, argument.Value, argument.Syntax.GetLocation(), uriType);
            }
        }

        // new WordCount(file) { Top = 0 }: a record's positional properties are init-only, so they can be set here too.
        CheckAssignments(context, creation.Initializer, (INamedTypeSymbol)creation.Type!, uriType);
    }

    /// <summary><c>algorithm with { Top = 0 }</c> makes a new value as surely as a constructor call does.</summary>
    private static void AnalyzeWith(OperationAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol? uriType)
    {
        var with = (IWithOperation)context.Operation;
        if (IsAlgorithm(with.Type, attributeType))
        {
            CheckAssignments(context, with.Initializer, (INamedTypeSymbol)with.Type!, uriType);
        }
    }

    /// <summary>
    /// MAAP0018: a generated <c>SubmitAsync</c> or <c>ToJobRequest</c> of a record whose attribute names no Queue, called
    /// without a queue (left out, or a constant null), fails every time; a queue held in a variable may be set.
    /// </summary>
    private static void AnalyzeQueue(OperationAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod is not { Name: "SubmitAsync" or "ToJobRequest", IsStatic: false } method
            || method.ContainingType.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)) is not { } attribute
            || attribute.NamedArguments.Any(a => a.Key == "Queue" && a.Value.Value is string { Length: > 0 }))
        {
            return;
        }

        var queue = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "queue");
        if (queue is null || queue.ArgumentKind == ArgumentKind.DefaultValue
            || (Unwrap(queue.Value).ConstantValue is { HasValue: true, Value: null }))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoQueue, invocation.Syntax.GetLocation(), method.ContainingType.Name));
        }
    }

    private static bool IsAlgorithm(ITypeSymbol? type, INamedTypeSymbol attributeType) =>
        type is INamedTypeSymbol named && named.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

    /// <summary>Each <c>Property = value</c> of an initializer, checked as the primary-constructor parameter it stands for.</summary>
    private static void CheckAssignments(OperationAnalysisContext context, IObjectOrCollectionInitializerOperation? initializer, INamedTypeSymbol type, INamedTypeSymbol? uriType)
    {
        if (initializer is null)
        {
            return;
        }

        var parameters = PrimaryConstructorParameters(type);
        foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is IPropertyReferenceOperation property
                && parameters.FirstOrDefault(p => p.Name == property.Property.Name) is { } parameter)
            {
                Check(context, parameter, assignment.Value, assignment.Value.Syntax.GetLocation(), uriType);
            }
        }
    }

    private static ImmutableArray<IParameterSymbol> PrimaryConstructorParameters(INamedTypeSymbol type) =>
        type.InstanceConstructors
            .Where(c => c.Parameters.Length > 0 && c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax))
            .Select(c => c.Parameters)
            .FirstOrDefault();

    private static void Check(OperationAnalysisContext context, IParameterSymbol parameter, IOperation argument, Location location, INamedTypeSymbol? uriType)
    {
        if (!InputTypeClassifier.TryClassify(parameter, out var inputType))
        {
            return;
        }

        var value = Unwrap(argument);
        var input = InputDeclaration.Read(parameter);
        if (input.Kind == InputKind.File)
        {
            CheckRelativeUri(context, input.WireName, value, uriType);
        }

        if (!value.ConstantValue.HasValue)
        {
            return;
        }

        foreach (var rule in ConstantRuleChecker.BrokenRules(parameter, inputType, value.ConstantValue.Value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ValueRuleBroken, location, input.WireName, rule.Display, RuleMessages.Explain(rule)));
        }

        // (Sensor)7 compiles, but names no member: the value would fail Validate() before any request.
        if (inputType.Scalar == ScalarKind.Enum && inputType.Collection == CollectionKind.None && inputType.Element is INamedTypeSymbol enumType
            && EnumConstants.IsUndefined(enumType, value.ConstantValue.Value, out var isFlags))
        {
            var number = System.Convert.ToString(value.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ValueRuleBroken, location, input.WireName,
                isFlags ? enumType.Name + " flags" : "a defined " + enumType.Name + " value",
                isFlags ? number + " sets a bit no member covers" : number + " names no member"));
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
