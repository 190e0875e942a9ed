using System.Linq;
using Maap.Algorithms.Generator.Emitting;
using Maap.Algorithms.Generator.Model;
using Maap.Algorithms.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator;

/// <summary>
/// Generates submission, validation, registration and in-job binding for every <c>[MaapAlgorithm]</c>
/// record. One pipeline: attribute lookup → parse to a value model → emit; diagnostics ride a second output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MaapAlgorithmGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the parse step, for incremental-caching tests.</summary>
    public const string ParseStep = "MaapAlgorithmParse";

    /// <summary>The tracking name of the spec step, for incremental-caching tests.</summary>
    public const string SpecStep = "MaapAlgorithmSpec";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AlgorithmParser.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                AlgorithmParser.Parse)
            .WithTrackingName(ParseStep);

        var specs = results
            .Where(static r => r.Spec is not null)
            .Select(static (r, _) => r.Spec!)
            .WithTrackingName(SpecStep);

        var diagnostics = results
            .Select(static (r, _) => r.Diagnostics)
            .Where(static d => d.Count > 0);

        context.RegisterSourceOutput(specs, static (output, spec) =>
            output.AddSource(spec.HintName, AlgorithmEmitter.Emit(spec)));

        context.RegisterSourceOutput(diagnostics, static (output, list) =>
        {
            foreach (var diagnostic in list)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }
}
