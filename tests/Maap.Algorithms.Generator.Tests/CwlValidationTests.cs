using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Maap.Algorithms.Generator.Tests.Infrastructure;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>
/// The generated <c>ToCwl()</c> of every test record passes <c>cwltool --validate</c>, the check MAAP's OGC deploy
/// runs (<c>maap-ogc-spec.md</c> §6.1). CI installs cwltool (<c>.ci/run</c>); locally the tests skip without it.
/// </summary>
public sealed class CwlValidationTests
{
    private const string Quoting = """
        using Maap.Algorithms;

        namespace Science;

        /// <summary>No inputs, and text that YAML would misread unquoted.</summary>
        [MaapAlgorithm("quoting", "1.0", Description = "Reads: a # b 'c'\nand more", RunCommand = "/usr/local/bin/run it.sh",
            ContainerImage = "registry.example.org:5000/org/algo:1.0", Author = "Jane Doe", Keywords = "ogc, sar", Cores = 1)]
        public partial record Quoting();
        """;

    public static IEnumerable<object[]> Records() => Scenarios.All().Append(new object[] { nameof(Quoting), Quoting });

    [CwltoolTheory]
    [MemberData(nameof(Records))]
    public void ToCwl_of_every_test_record_passes_cwltool_validate(string name, string source)
    {
        var assembly = CompiledAlgorithms.Load(Deployable(source));
        var documents = GeneratedRecords(assembly).Select(t => (t.FullName!, (string)t.GetMethod("ToCwl")!.Invoke(null, null)!)).ToList();
        Assert.NotEmpty(documents);

        foreach (var (type, cwl) in documents)
        {
            var (exitCode, output) = Cwltool.Validate(cwl);
            Assert.True(exitCode == 0, $"cwltool --validate failed ({exitCode}) for {type} of scenario {name}:\n{output}\n--- document ---\n{cwl}");
        }
    }

    [Fact]
    public void ToCwl_throws_until_ContainerImage_and_RunCommand_are_set()
    {
        var assembly = CompiledAlgorithms.Load(Scenarios.RecordStruct);

        var ex = Assert.Throws<InvalidOperationException>(() => assembly.Call("Science.Point", "ToCwl"));
        Assert.Equal("Set ContainerImage and RunCommand on [MaapAlgorithm] of Point to deploy it as an OGC process: its CWL needs both.", ex.Message);
    }

    [Fact]
    public void Only_relative_path_words_of_a_run_command_go_under_app()
    {
        var assembly = CompiledAlgorithms.Load("""
            using Maap.Algorithms;

            namespace Science;

            [MaapAlgorithm("words", "1", ContainerImage = "ghcr.io/org/algo:1", RunCommand = "/usr/bin/env  python3 -u algo/main.py --config=conf/a.yaml /opt/x.py")]
            public partial record Words(int Count);
            """);

        var cwl = (string)assembly.Call("Science.Words", "ToCwl")!;

        Assert.Contains(
            "\n  baseCommand: /usr/bin/env\n  arguments:\n  - python3\n  - '-u'\n  - /app/algo/main.py\n  - '--config=conf/a.yaml'\n  - /opt/x.py\n  inputs:\n",
            cwl, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCwl_refuses_a_positional_list_of_booleans_with_MAAP0017_but_takes_one_read_from_the_context()
    {
        var run = GeneratorHarness.Run(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest, """
            using Maap.Algorithms;

            namespace Science;

            [MaapAlgorithm("flags", "1", ContainerImage = "ghcr.io/org/algo:1", RunCommand = "run.sh")]
            public partial record Flags(bool[] Switches);
            """);
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("MAAP0017", warning.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("bool[]", warning.Location.SourceTree!.GetText().ToString(warning.Location.SourceSpan));
        Assert.StartsWith("Input 'Switches' is a list of booleans on the command line", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using (var stream = new MemoryStream())
        {
            Assert.True(run.Output.Emit(stream).Success);
            var ex = Assert.Throws<InvalidOperationException>(() => Assembly.Load(stream.ToArray()).Call("Science.Flags", "ToCwl"));
            Assert.StartsWith("Input 'switches' of Flags is a list of booleans", ex.Message, StringComparison.Ordinal);
        }

        var fromContext = CompiledAlgorithms.Load("""
            using Maap.Algorithms;

            namespace Science;

            [MaapAlgorithm("flags", "1", ContainerImage = "ghcr.io/org/algo:1", RunCommand = "run.sh")]
            public partial record Flags([ConfigInput] bool[] Switches);
            """);
        var cwl = (string)fromContext.Call("Science.Flags", "ToCwl")!;
        Assert.Contains("type: boolean[]", cwl, StringComparison.Ordinal);
    }

    /// <summary>The scenario with a <c>ContainerImage</c> and a <c>RunCommand</c> on every record that lacks them.</summary>
    private static string Deployable(string source)
    {
        var added = (source.Contains("ContainerImage =", StringComparison.Ordinal) ? string.Empty : ", ContainerImage = \"ghcr.io/org/algo:main\"")
            + (source.Contains("RunCommand =", StringComparison.Ordinal) ? string.Empty : ", RunCommand = \"algo/run.sh\"");
        return Regex.Replace(source, @"\[MaapAlgorithm\(""[^""]*"",\s*""[^""]*""", m => m.Value + added);
    }

    private static IEnumerable<Type> GeneratedRecords(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.GetCustomAttributes<System.CodeDom.Compiler.GeneratedCodeAttribute>().Any()
            && t.GetMethod("ToCwl", BindingFlags.Public | BindingFlags.Static) is not null);
}

/// <summary>
/// A theory that needs cwltool. It is skipped where cwltool is missing on a developer's machine, never under CI
/// (<c>CI=true</c>, which <c>.ci/run</c> runs with after installing cwltool): there a missing cwltool fails the test.
/// </summary>
public sealed class CwltoolTheoryAttribute : TheoryAttribute
{
    public CwltoolTheoryAttribute()
    {
        if (Cwltool.Path is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "cwltool is not on PATH (CI installs it: apt-get install -y cwltool)";
        }
    }
}

/// <summary>A fact that needs cwltool, skipped and failed exactly as <see cref="CwltoolTheoryAttribute"/> is.</summary>
public sealed class CwltoolFactAttribute : FactAttribute
{
    public CwltoolFactAttribute()
    {
        Skip = new CwltoolTheoryAttribute().Skip;
    }
}

internal static class Cwltool
{
    public static readonly string? Path = Environment.GetEnvironmentVariable("PATH")?
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "cwltool"))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs <c>cwltool --validate</c> on the document; its exit code and its output (stdout, then stderr).</summary>
    public static (int ExitCode, string Output) Validate(string cwl)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "maap-" + Guid.NewGuid().ToString("N") + ".cwl");
        File.WriteAllText(file, cwl);
        try
        {
            return Run("--validate", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs cwltool with the arguments; its exit code and its output (stdout, then stderr).</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("cwltool is not on PATH; .ci/run installs it (apt-get install -y cwltool).")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "cwltool timed out after 3 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
