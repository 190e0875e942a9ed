using System.Globalization;
using System.Linq;
using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary>Inside the running job: <c>FromContext</c> and <c>Resolve{Parameter}</c> per file input.</summary>
internal static partial class AlgorithmEmitter
{
    private static readonly string[] ScalarParsers = BuildScalarParsers();

    private static void EmitFromContext(SourceWriter w, AlgorithmSpec spec)
    {
        w.Block($$"""
            /// <summary>Reads the inputs inside a running DPS job.</summary>
            public static {{spec.FullyQualifiedName}} FromContext({{Ns}}DpsJobContext context)
            """);
        if (spec.Inputs.Count == 0)
        {
            w.Block($$"""
                {
                    global::System.ArgumentNullException.ThrowIfNull(context);
                    return new {{spec.FullyQualifiedName}}();
                }

                """);
            return;
        }

        // One line per input: DpsInputReader does the lookup, defaults, nullability and file checks by metadata.
        w.OpenBrace();
        w.Block($$"""
            var input = new {{Ns}}DpsInputReader(context, InputMetadata);
            return new {{spec.FullyQualifiedName}}(
            """);
        for (var i = 0; i < spec.Inputs.Count; i++)
        {
            var input = spec.Inputs[i];
            var type = input.DeclaredTypeName.TrimEnd('?');
            var method = !input.IsNullable ? "Read" : input.IsReferenceType ? "ReadOptional" : "ReadNullable";
            w.Start().Append("    input.").Append(method).Append("<").Append(type).Append(">(").Append(i.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(Parser(input))
                .End(i + 1 < spec.Inputs.Count ? ")," : "));");
        }

        w.Close();
        w.Line();
    }

    /// <summary>A <c>Func&lt;string, string, T&gt;</c> that parses the input's text (second argument: the input name).</summary>
    private static string Parser(InputSpec input)
    {
        var scalar = ScalarParser(input);
        return input.Collection switch
        {
            CollectionKind.None => scalar,
            CollectionKind.List => "static (text, name) => " + Values + "ParseList<" + input.ElementTypeName + ">(text, name, " + scalar + ")",
            _ => "static (text, name) => " + Values + "ParseArray<" + input.ElementTypeName + ">(text, name, " + scalar + ")",
        };
    }

    private static string ScalarParser(InputSpec input) => input.Scalar switch
    {
        ScalarKind.Enum => Values + "ParseEnum<" + input.ElementTypeName + ">",
        _ => ScalarParsers[(int)input.Scalar],
    };

    private static string[] BuildScalarParsers()
    {
        var kinds = (ScalarKind[])System.Enum.GetValues(typeof(ScalarKind));
        var parsers = new string[kinds.Max(k => (int)k) + 1];
        foreach (var kind in kinds)
        {
            parsers[(int)kind] = Values + "Parse" + kind;
        }

        return parsers;
    }

    private static void EmitFileAccessors(SourceWriter w, AlgorithmSpec spec)
    {
        foreach (var input in spec.Inputs.Where(GeneratedMembers.HasResolveMethod))
        {
            var member = "this." + Id(input.ParameterName);
            var resolve = "context.ResolveInputFile(" + Literal(input.WireName) + ", " + FormatScalar(input.Scalar, input.ElementTypeName, member) + ")";
            w.Block($$"""
                /// <summary>The URL and local path of file input <c>{{Xml(input.WireName)}}</c>.</summary>
                public {{Ns}}DpsInputFile{{(input.IsNullable ? "?" : string.Empty)}} {{GeneratedMembers.ResolvePrefix}}{{input.ParameterName}}({{Ns}}DpsJobContext context)
                {
                    global::System.ArgumentNullException.ThrowIfNull(context);
                    return {{(input.IsNullable ? member + " is null ? null : " + resolve : resolve)}};
                }

                """);
        }
    }
}
