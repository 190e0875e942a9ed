using System.Reflection;
using Maap.Algorithms.Generator.Tests.Infrastructure;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>Enum inputs: [Flags] combinations and values that name no member.</summary>
public sealed class EnumInputTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using Maap.Algorithms;

        namespace Science
        {
            [Flags]
            public enum Layers { None = 0, Canopy = 1, Ground = 2, Water = 8 }

            public enum Mode { Fast = 1, Slow = 2 }

            [MaapAlgorithm("enum-algo", "1", Queue = "q", RepositoryUrl = "https://example.org/r.git", RunCommand = "run.sh")]
            public partial record EnumAlgo(
                Layers Layers = Layers.Canopy | Layers.Ground,
                Mode Mode = Mode.Fast,
                Layers Single = Layers.Water,
                Layers Empty = Layers.None,
                Layers? Optional = null,
                Mode[]? Modes = null);

            public static class EnumProbe
            {
                public static Maap.Algorithms.JobRequest Request(int layers) => new EnumAlgo((Layers)layers).ToJobRequest();

                public static EnumAlgo Make(int layers, int mode, int? optional, int[]? modes) =>
                    new EnumAlgo((Layers)layers, (Mode)mode, Optional: (Layers?)optional, Modes: modes is null ? null : Array.ConvertAll(modes, m => (Mode)m));

                public static IReadOnlyList<Maap.Algorithms.MaapInputMetadata> Metadata() => EnumAlgo.InputMetadata;

                public static string Layers(Maap.Algorithms.DpsJobContext context) => ((int)EnumAlgo.FromContext(context).Layers).ToString();
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => CompiledAlgorithms.Load(Source));

    [Fact]
    public void A_flags_combination_survives_submit_and_reads_back_in_the_job()
    {
        var sent = (JobRequest)Call("Request", 1 | 2 | 8)!;
        Assert.Contains(sent.Inputs, i => i.Name == "layers" && i.Value == "Canopy, Ground, Water");
        using var dir = DpsWorkDir.Create(sent, (IReadOnlyList<MaapInputMetadata>)Call("Metadata")!);

        Assert.Equal("11", Call("Layers", dir.Context()));
    }

    [Fact]
    public void A_flags_combination_default_registers_as_Enum_ToString_writes_it()
    {
        var metadata = (IReadOnlyList<MaapInputMetadata>)Call("Metadata")!;

        Assert.Equal("Canopy, Ground", metadata.Single(m => m.Name == "layers").DefaultValue);
        Assert.Equal("Water", metadata.Single(m => m.Name == "single").DefaultValue);
        Assert.Equal("None", metadata.Single(m => m.Name == "empty").DefaultValue);
        var yaml = (string)Compiled.Value.Call("Science.EnumAlgo", "ToAlgorithmConfigYaml")!;
        Assert.Contains("{default: 'Canopy, Ground', description: '', name: layers, required: false}", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseEnum_accepts_flags_combinations_and_rejects_uncovered_bits()
    {
        Assert.Equal(AttributeTargets.Class | AttributeTargets.Method, MaapInputValues.ParseEnum<AttributeTargets>("Class, Method", "t"));
        Assert.Equal(Layers.None, MaapInputValues.ParseEnum<Layers>("None", "l"));
        Assert.Throws<DpsJobInputException>(() => MaapInputValues.ParseEnum<Layers>("4", "l"));
        Assert.Throws<DpsJobInputException>(() => MaapInputValues.ParseEnum<DayOfWeek>("Monday, Friday", "d"));
        Assert.Throws<DpsJobInputException>(() => MaapInputValues.ParseEnum<DayOfWeek>("9", "d"));
    }

    [Theory]
    [InlineData(3, 5, null, null, "Input 'mode' (Mode) is 5, which is not a defined Mode value.")]
    [InlineData(4, 1, null, null, "Input 'layers' (Layers) is 4, which is not a defined Layers value or combination of its flags.")]
    [InlineData(3, 1, 16, null, "Input 'optional' (Optional) is 16, which is not a defined Layers value or combination of its flags.")]
    [InlineData(3, 1, null, new[] { 1, 7 }, "Input 'modes' (Modes) is 7, which is not a defined Mode value.")]
    public void Validate_rejects_a_value_that_no_member_defines(int layers, int mode, int? optional, int[]? modes, string message)
    {
        var algorithm = Call("Make", layers, mode, optional, modes)!;

        var ex = Assert.Throws<ArgumentException>(() => Validate(algorithm));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_defined_values_and_flags_combinations()
    {
        Validate(Call("Make", 1 | 2 | 8, 2, 0, new[] { 1, 2 })!);
        Validate(Call("Make", 0, 1, null, null)!);
    }

    [Flags]
    private enum Layers
    {
        None = 0,
        Canopy = 1,
    }

    private static void Validate(object algorithm) =>
        algorithm.GetType().GetMethod("Validate")!.Invoke(algorithm, BindingFlags.DoNotWrapExceptions, null, null, null);

    private static object? Call(string method, params object?[] args) => Compiled.Value.Call("Science.EnumProbe", method, args);
}
