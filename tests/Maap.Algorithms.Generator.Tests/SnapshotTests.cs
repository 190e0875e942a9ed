using Maap.Algorithms.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Tests;

public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(Scenarios.All), MemberType = typeof(Scenarios))]
    public void Generated_source_matches_the_approved_snapshot(string name, string source)
    {
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        Assert.Empty(run.Diagnostics);
        var generated = Assert.Single(run.Sources);
        Snapshot.Verify(generated.SourceText.ToString(), name);
    }

    [Fact]
    public void At_CSharp_9_the_record_does_not_implement_the_static_abstract_interface()
    {
        var run = GeneratorHarness.Run(LanguageVersion.CSharp9, Scenarios.GlobalNamespace);

        Snapshot.Verify(run.GeneratedSource(), "GlobalNamespace.CSharp9");
        Assert.DoesNotContain("IMaapAlgorithm", run.GeneratedSource(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios.CSharp9), MemberType = typeof(Scenarios))]
    public void Generated_source_compiles_without_warnings_at_CSharp_9(string name, string source)
    {
        var run = GeneratorHarness.Run(LanguageVersion.CSharp9, Sanitize(source));

        Assert.True(run.CompileErrorsAndWarnings().IsEmpty, name + ":\n" + string.Join("\n", run.CompileErrorsAndWarnings()));
    }

    [Theory]
    [MemberData(nameof(Scenarios.All), MemberType = typeof(Scenarios))]
    public void Generated_source_compiles_without_warnings_at_latest(string name, string source)
    {
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        Assert.True(run.CompileErrorsAndWarnings().IsEmpty, name + ":\n" + string.Join("\n", run.CompileErrorsAndWarnings()));
    }

    [Fact]
    public void Hint_names_differ_for_records_with_the_same_name_in_different_scopes()
    {
        var run = GeneratorHarness.Run(
            LanguageVersion.Latest,
            """
            using Maap.Algorithms;
            namespace A { [MaapAlgorithm("algo-a", "1")] internal partial record Same(int X); }
            namespace B { [MaapAlgorithm("algo-b", "1")] internal partial record Same(int X); }
            """);

        Assert.Equal(2, run.Sources.Select(s => s.HintName).Distinct().Count());
        Assert.Empty(run.CompileErrorsAndWarnings());
    }

    /// <summary>File-scoped namespaces and raw strings are C# 10/11; rewrite the scenario so it parses at C# 9.</summary>
    internal static string Sanitize(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith("namespace ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(';'));
        if (index < 0)
        {
            return source;
        }

        lines[index] = lines[index].TrimEnd().TrimEnd(';');
        lines.Insert(index + 1, "{");
        lines.Add("}");
        return string.Join("\n", lines);
    }
}
