using Maap.Algorithms.Generator.Emitting;
using Maap.Algorithms.Generator.Parsing;
using Microsoft.CodeAnalysis;

// Variants of the generator's pipeline for the MAAP_BENCH_BREAKDOWN profile: each stops one stage later.
internal sealed class VariantGenerator : IIncrementalGenerator
{
    private readonly int stage;

    public VariantGenerator(int stage) => this.stage = stage;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var s = this.stage;
        if (s is 7 or 8)
        {
            var probe = context.SyntaxProvider.ForAttributeWithMetadataName(AlgorithmParser.AttributeMetadataName, static (n, _) => n is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, (c, ct) =>
            {
                var n = 0;
                var record = (Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax)c.TargetNode;
                foreach (var p in record.ParameterList!.Parameters)
                {
                    var parameter = (IParameterSymbol)c.SemanticModel.GetDeclaredSymbol(p, ct)!;
                    n += parameter.GetAttributes().Length;
                    if (s == 8)
                    {
                        InputTypeClassifier.TryClassify(parameter.Type, out var t);
                        n += Maap.Algorithms.Generator.Parsing.ValueRuleParser.Parse(parameter, t).Count;
                        n += parameter.HasExplicitDefaultValue ? 1 : 0;
                    }
                }

                return n;
            });
            context.RegisterSourceOutput(probe, static (_, _) => { });
            return;
        }

        if (s == 0)
        {
            var found = context.SyntaxProvider.ForAttributeWithMetadataName(AlgorithmParser.AttributeMetadataName, static (n, _) => n is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, static (c, _) => 1);
            context.RegisterSourceOutput(found, static (_, _) => { });
            return;
        }

        var results = context.SyntaxProvider.ForAttributeWithMetadataName(AlgorithmParser.AttributeMetadataName, static (n, _) => n is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, AlgorithmParser.Parse);
        var specs = results.Where(static r => r.Spec is not null).Select(static (r, _) => r.Spec!);
        context.RegisterSourceOutput(specs, (output, spec) =>
        {
            if (s == 1)
            {
                return;
            }

            var text = AlgorithmEmitter.Emit(spec);
            if (s == 3)
            {
                output.AddSource(spec.HintName, text);
            }
            else if (s == 5)
            {
                output.AddSource(spec.HintName, string.Concat(text.AsSpan(0, 1000), "\n*/"));
            }
        });
    }
}
