using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Maap.Algorithms.Generator.Diagnostics;
using Maap.Algorithms.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Maap.Algorithms.Generator.Analyzers;

/// <summary>MAAP0010: the same algorithm id and version declared by two records in one compilation.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateAlgorithmAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DuplicateAlgorithm);

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

            var declared = new ConcurrentBag<(string Key, string Id, string Version, INamedTypeSymbol Type, Location Location)>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    foreach (var attribute in type.GetAttributes())
                    {
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                            && attribute.ConstructorArguments.Length == 2
                            && attribute.ConstructorArguments[0].Value is string id
                            && attribute.ConstructorArguments[1].Value is string version)
                        {
                            var location = attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
                            declared.Add((id + ":" + version, id, version, type, location));
                        }
                    }
                },
                SymbolKind.NamedType);

            start.RegisterCompilationEndAction(end =>
            {
                foreach (var group in declared.GroupBy(d => d.Key).Where(g => g.Count() > 1))
                {
                    // Order by source position so the first declaration stays clean and every later one is flagged.
                    var ordered = group.OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
                    var first = ordered[0];
                    foreach (var duplicate in ordered.Skip(1))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.DuplicateAlgorithm,
                            duplicate.Location,
                            duplicate.Id,
                            duplicate.Version,
                            first.Type.ToDisplayString()));
                    }
                }
            });
        });
    }
}
