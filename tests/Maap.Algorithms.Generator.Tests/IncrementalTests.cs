using System.Collections;
using System.Reflection;
using Maap.Algorithms.Generator.Model;
using Maap.Algorithms.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Tests;

public sealed class IncrementalTests
{
    private const string Record = """
        using System;
        using Maap.Algorithms;
        namespace Science;
        [MaapAlgorithm("gedi", "1", Queue = "maap-dps-worker-8gb")]
        public partial record Gedi([FileInput] Uri InputFile, int Outsize = 10);
        """;

    [Fact]
    public void Rerun_on_the_same_compilation_is_fully_cached()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, Record);
        var driver = GeneratorHarness.CreateDriver(LanguageVersion.Latest).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results[0];

        AssertReasons(second, MaapAlgorithmGenerator.SpecStep, IncrementalStepRunReason.Cached);
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Unrelated_edit_in_another_file_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, Record);
        var driver = GeneratorHarness.CreateDriver(LanguageVersion.Latest).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Unrelated { public const int X = 1; }", GeneratorHarness.ParseOptions(LanguageVersion.Latest)));
        var second = driver.RunGenerators(edited).GetRunResult().Results[0];

        AssertReasons(second, MaapAlgorithmGenerator.SpecStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
    }

    [Fact]
    public void Unrelated_edit_in_the_same_file_leaves_the_output_unchanged()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, Record);
        var driver = GeneratorHarness.CreateDriver(LanguageVersion.Latest).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(
            new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(tree.Length, 0), "\ninternal static class Unrelated { }\n"))));
        var second = driver.RunGenerators(edited).GetRunResult().Results[0];

        AssertReasons(second, MaapAlgorithmGenerator.SpecStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Parameter_change_regenerates_the_record()
    {
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, Record);
        var driver = GeneratorHarness.CreateDriver(LanguageVersion.Latest).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var changed = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Record.Replace("int Outsize = 10", "int Outsize = 20", StringComparison.Ordinal), GeneratorHarness.ParseOptions(LanguageVersion.Latest)));
        var second = driver.RunGenerators(changed).GetRunResult().Results[0];

        AssertReasons(second, MaapAlgorithmGenerator.SpecStep, IncrementalStepRunReason.Modified);
        Assert.Contains("\"20\"", second.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_holds_no_symbol_syntax_node_location_or_compilation()
    {
        var run = GeneratorHarness.Run(LanguageVersion.Latest, Scenarios.EveryParameterKind, Scenarios.Secrets.Replace("namespace Science;", "namespace Science2;", StringComparison.Ordinal));
        var specs = run.Result.Results[0].TrackedSteps[MaapAlgorithmGenerator.SpecStep]
            .SelectMany(s => s.Outputs).Select(o => o.Value).ToList();

        Assert.Equal(2, specs.Count);
        foreach (var spec in specs)
        {
            Assert.IsType<AlgorithmSpec>(spec);
            Walk(spec, "AlgorithmSpec", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public void Equal_specs_from_separate_runs_compare_equal()
    {
        var first = GeneratorHarness.Run(LanguageVersion.Latest, Scenarios.EveryParameterKind);
        var second = GeneratorHarness.Run(LanguageVersion.Latest, Scenarios.EveryParameterKind);

        var a = first.Result.Results[0].TrackedSteps[MaapAlgorithmGenerator.SpecStep].Single().Outputs.Single().Value;
        var b = second.Result.Results[0].TrackedSteps[MaapAlgorithmGenerator.SpecStep].Single().Outputs.Single().Value;

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }

    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel),
    };

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}, which breaks generator caching");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, path + "[" + i++ + "]", seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
