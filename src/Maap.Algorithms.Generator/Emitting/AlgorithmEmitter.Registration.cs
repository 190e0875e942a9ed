using System.Linq;
using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary><c>ToRegistration()</c> and <c>ToAlgorithmConfigYaml()</c>: the record as MAAP registers it.</summary>
internal static partial class AlgorithmEmitter
{
    private static void EmitRegistration(SourceWriter w, AlgorithmSpec spec)
    {
        if (spec.RepositoryUrl is null || spec.RunCommand is null)
        {
            w.Block($$"""
                /// <summary>The MAAP registration of this algorithm.</summary>
                public static {{Ns}}AlgorithmRegistration ToRegistration() =>
                    throw new global::System.InvalidOperationException({{Literal("Set RepositoryUrl and RunCommand on [MaapAlgorithm] of " + spec.TypeName + " to register it: MAAP requires both.")}});
                """);
        }
        else
        {
            w.Block($$"""
                /// <summary>The MAAP registration of this algorithm.</summary>
                public static {{Ns}}AlgorithmRegistration ToRegistration()
                {
                    return new {{Ns}}AlgorithmRegistration(AlgorithmId, AlgorithmVersion, {{Literal(spec.RepositoryUrl)}}, {{Literal(spec.RunCommand)}})
                    {
                """);
            InitOptional(w, "AlgorithmDescription", spec.Description);
            InitOptional(w, "DockerContainerUrl", spec.ContainerUrl);
            InitOptional(w, "BuildCommand", spec.BuildCommand);
            InitOptional(w, "DiskSpace", spec.DiskSpace);
            InitOptional(w, "Queue", spec.Queue);
            w.Block($$"""
                        Inputs = new {{Ns}}AlgorithmInputs
                        {
                """);
            EmitInputGroup(w, spec, "File", InputKind.File);
            EmitInputGroup(w, spec, "Config", InputKind.Config);
            EmitInputGroup(w, spec, "Positional", InputKind.Positional);
            w.Block("""
                        },
                    };
                }
                """);
        }

        w.Block("""

            /// <summary>The <c>algorithm_config.yaml</c> of this algorithm.</summary>
            public static string ToAlgorithmConfigYaml() => ToRegistration().ToYaml();

            """);
    }

    /// <summary>An object-initializer line inside <c>new AlgorithmRegistration(...) { ... }</c>, for a value that is set.</summary>
    private static void InitOptional(SourceWriter w, string property, string? value)
    {
        if (value is not null)
        {
            w.Line("        " + property + " = " + Literal(value) + ",");
        }
    }

    private static void EmitInputGroup(SourceWriter w, AlgorithmSpec spec, string group, InputKind kind)
    {
        var inputs = spec.Inputs.Where(i => i.Kind == kind).ToList();
        if (inputs.Count == 0)
        {
            return;
        }

        w.Line("            " + group + " =");
        w.Line("            {");
        foreach (var input in inputs)
        {
            // MAAP fails a submission that omits an input with no registered default, so optional inputs register ''.
            // data_type 'text' is MAAP's default and is left out, so the YAML matches MAAP's own template.
            var registeredDefault = input.DefaultText ?? (input.IsNullable ? string.Empty : null);
            w.Line("                new " + Ns + "AlgorithmInputDefinition(" + Literal(input.WireName) + ") { "
                + (registeredDefault is null ? string.Empty : "Default = " + Literal(registeredDefault) + ", ")
                + (input.Description is null ? string.Empty : "Description = " + Literal(input.Description) + ", ")
                + "Required = " + Bool(input.Required)
                + (DataType(input) == "text" ? string.Empty : ", DataType = " + Literal(DataType(input))) + " },");
        }

        w.Line("            },");
    }
}
