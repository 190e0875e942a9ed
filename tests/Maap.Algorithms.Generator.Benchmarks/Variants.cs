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
