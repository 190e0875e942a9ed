using Maap.Algorithms.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>Records declared under <c>#nullable disable</c>: a reference parameter defaulting to null is optional.</summary>
public sealed class NullableObliviousTests
{
    private const string Source = """
        #nullable disable
        using System.Collections.Generic;
        using Maap.Algorithms;

        namespace Science
        {
            [MaapAlgorithm("oblivious", "1", Queue = "q", RepositoryUrl = "https://example.org/r.git", RunCommand = "run.sh")]
            internal partial record Oblivious(string X, string Y = null, int[] Z = null, string W = "w");

            internal static class ObliviousProbe
            {
                public static JobRequest Request() => new Oblivious("a").ToJobRequest();

                public static JobRequest Missing() => new Oblivious(null).ToJobRequest();

                public static IReadOnlyList<MaapInputMetadata> Metadata() => Oblivious.InputMetadata;

                public static string Yaml() => Oblivious.ToAlgorithmConfigYaml();
            }
        }
        """;

    [Fact]
    public void A_null_default_makes_an_oblivious_reference_input_optional()
    {
        var assembly = CompiledAlgorithms.Load(Source);

        var request = (JobRequest)assembly.Call("Science.ObliviousProbe", "Request")!;
        Assert.Equal(new[] { "x=a", "w=w" }, request.Inputs.Select(i => i.Name + "=" + i.Value));

        var metadata = (IReadOnlyList<MaapInputMetadata>)assembly.Call("Science.ObliviousProbe", "Metadata")!;
        Assert.Equal(new[] { "x:True", "y:False", "z:False", "w:False" }, metadata.Select(m => m.Name + ":" + m.Required));
        var yaml = (string)assembly.Call("Science.ObliviousProbe", "Yaml")!;
        Assert.True(yaml.Contains("{default: '', description: '', name: 'y', required: false}", StringComparison.Ordinal), yaml);
    }

    [Fact]
    public void An_oblivious_reference_input_without_a_default_stays_required()
    {
        var assembly = CompiledAlgorithms.Load(Source);

        var ex = Assert.Throws<ArgumentException>(() => assembly.Call("Science.ObliviousProbe", "Missing"));

        Assert.StartsWith("Input 'x' (X) is required.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_code_compiles_without_warnings_under_nullable_disable()
    {
        var run = GeneratorHarness.Run(LanguageVersion.Latest, Source);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings());
    }
}
