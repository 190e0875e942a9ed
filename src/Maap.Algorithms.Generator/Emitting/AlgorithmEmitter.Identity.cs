using System.Linq;
using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary><c>AlgorithmId</c>, <c>AlgorithmVersion</c>, <c>DefaultQueue</c>, <c>Deployer</c>, <c>JobType</c>, <c>InputMetadata</c>, <c>DeclaredSecretNames</c>.</summary>
internal static partial class AlgorithmEmitter
{
    private static void EmitIdentity(SourceWriter w, AlgorithmSpec spec)
    {
        w.Block($$"""
            /// <summary>The registered algorithm name, <c>{{Xml(spec.AlgorithmId)}}</c>.</summary>
            public static string AlgorithmId => {{Literal(spec.AlgorithmId)}};

            /// <summary>The registered algorithm version, <c>{{Xml(spec.Version)}}</c>.</summary>
            public static string AlgorithmVersion => {{Literal(spec.Version)}};

            """);
        w.Line(spec.Queue is null
            ? "/// <summary>The default queue; none is declared.</summary>"
            : "/// <summary>The default queue, <c>" + Xml(spec.Queue) + "</c>.</summary>");
        w.Block($$"""
            public static string? DefaultQueue => {{LiteralOrNull(spec.Queue)}};

            /// <summary>The MAAP user who deployed the OGC process, which the client needs when several users deployed this id and version; null when none is declared.</summary>
            public static string? Deployer => {{LiteralOrNull(spec.Deployer)}};

            /// <summary>The WPS job type, <c>job-{id}:{version}</c>: what MAAP's WPS job API names this algorithm by (an OGC process is found by its process id instead).</summary>
            public static string JobType => {{Literal("job-" + spec.AlgorithmId + ":" + spec.Version)}};

            /// <summary>The inputs, in declaration order.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{Ns}}MaapInputMetadata> InputMetadata { get; } = global::System.Array.AsReadOnly(new {{Ns}}MaapInputMetadata[]
            {
            """);
        foreach (var input in spec.Inputs)
        {
            w.Start().Append("    new " + Ns + "MaapInputMetadata(").Append(Literal(input.WireName)).Append(", ").Append(Literal(input.ParameterName)).Append(", " + Ns + "MaapInputKind.").Append(KindName(input.Kind))
                .Append(", \"").Append(DataType(input)).Append("\", ").Append(Bool(input.Required)).Append(", ").Append(LiteralOrNull(input.DefaultText)).Append(", ").Append(LiteralOrNull(input.Description))
                .End(input.Collection == CollectionKind.None ? ")," : ") { IsList = true },");
        }

        var secretNames = spec.Secrets.Count == 0
            ? "global::System.Array.Empty<string>();"
            : "global::System.Array.AsReadOnly(new string[] { " + string.Join(", ", spec.Secrets.Select(s => Literal(s.Name))) + " });";
        w.Block($$"""
            });

            /// <summary>The secrets the algorithm declares with <c>[MaapSecret]</c>.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<string> DeclaredSecretNames { get; } = {{secretNames}}

            """);
    }

    private static string KindName(InputKind kind) => kind switch
    {
        InputKind.File => "File",
        InputKind.Config => "Config",
        InputKind.Positional => "Positional",
        _ => kind.ToString(),
    };
}
