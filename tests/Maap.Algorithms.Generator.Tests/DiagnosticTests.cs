using System.Collections.Immutable;
using Maap.Algorithms.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>Each MAAP diagnostic: its id, severity, span and message. Value rules (MAAP0011, MAAP0015) are in DiagnosticTests.ValueRules.cs.</summary>
public sealed partial class DiagnosticTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.ComponentModel.DataAnnotations;\nusing Maap.Algorithms;\n";

    private const string DefaultEnums = "internal enum Mode { A = 1, B = 2 }\n[Flags] internal enum Colors { Red = 1, Blue = 2 }\n";

    [Fact]
    public void MAAP0001_record_not_partial()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\")] internal record Plain(int X);"), "MAAP0001");

        AssertSpan(d, "Plain");
        Assert.Equal("'Plain' must be declared partial so the generator can add its members; add the 'partial' modifier", d.GetMessage());
    }

    [Fact]
    public void MAAP0001_containing_type_not_partial()
    {
        var d = Single(Generate("internal class Outer { [MaapAlgorithm(\"algo\", \"1\")] internal partial record Inner(int X); }"), "MAAP0001");

        AssertSpan(d, "Outer");
        Assert.Equal("'Outer' must be declared partial so the generator can add its members; add the 'partial' modifier (it contains the algorithm record 'Inner')", d.GetMessage());
    }

    [Fact]
    public void MAAP0002_class_instead_of_record()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\")] internal partial class NotARecord { }"), "MAAP0002");

        AssertSpan(d, "NotARecord");
        Assert.Equal("'NotARecord' is a class; [MaapAlgorithm] applies to a non-generic 'partial record' whose primary constructor lists the inputs", d.GetMessage());
    }

    [Fact]
    public void MAAP0002_generic_record()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\")] internal partial record Generic<T>(int X);"), "MAAP0002");

        AssertSpan(d, "Generic");
        Assert.Contains("is a generic record", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MAAP0003_algorithm_id_MAAP_would_refuse()
    {
        var d = Single(Generate("[MaapAlgorithm(\"-bad id\", \"1\")] internal partial record A(int X);"), "MAAP0003");

        AssertSpan(d, "\"-bad id\"");
        Assert.Equal("Algorithm id '-bad id' is not valid: use 2-255 letters, digits, '_', '-' or '.', starting with a letter or digit (^[A-Za-z0-9][A-Za-z0-9_.-]{1,254}$)", d.GetMessage());
    }

    [Fact]
    public void MAAP0004_version_MAAP_would_refuse()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \".hidden\")] internal partial record A(int X);"), "MAAP0004");

        AssertSpan(d, "\".hidden\"");
        Assert.Equal("Algorithm version '.hidden' is not valid: use 1-128 letters, digits, '.', '_' or '-', not starting with '.' or '-' (^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$)", d.GetMessage());
    }

    [Fact]
    public void MAAP0005_unsupported_parameter_type_lists_the_supported_ones()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\")] internal partial record A(Dictionary<string, int> Map);"), "MAAP0005");

        AssertSpan(d, "Dictionary<string, int>");
        Assert.StartsWith("Input 'Map' has type 'System.Collections.Generic.Dictionary<string, int>', which cannot be sent to MAAP; use one of: string, bool,", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("DateOnly, TimeSpan, Uri, SecretName, enums", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MAAP0006_two_inputs_with_one_wire_name()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\")] internal partial record A(int Outsize, [ConfigInput(Name = \"outsize\")] int Size);"), "MAAP0006");

        AssertSpan(d, "Size");
        Assert.Equal("Inputs 'Outsize' and 'Size' are both sent as 'outsize'; MAAP would keep only one of them. Give one a different Name.", d.GetMessage());
    }

    [Fact]
    public void MAAP0007_wire_name_MAAP_reserves()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\")] internal partial record A(string Queue);"), "MAAP0007");

        AssertSpan(d, "Queue");
        Assert.Equal("Input 'Queue' is sent as 'queue', a name MAAP reserves for itself (identifier, queue, username, dedup); rename the parameter or set Name", d.GetMessage());
    }

    [Fact]
    public void MAAP0016_wire_name_that_is_not_a_CWL_input_id_is_a_warning_and_the_record_is_still_generated()
    {
        var run = Run("[MaapAlgorithm(\"algo\", \"1\")] internal partial record A([PositionalInput(Name = \"tile.size\")] int TileSize, int Other);");
        var d = Single(run.Diagnostics, "MAAP0016");

        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        AssertSpan(d, "TileSize");
        Assert.Equal(
            "Input 'TileSize' is sent as 'tile.size', which is not a CWL input id, so the algorithm cannot be deployed as an OGC process and ToCwl() throws; use letters, digits, '_' or '-', starting with a letter or '_' (^[A-Za-z_][A-Za-z0-9_-]*$)",
            d.GetMessage());
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileErrorsAndWarnings());
    }

    [Fact]
    public void MAAP0008_file_input_that_is_not_a_Uri_or_string()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\")] internal partial record A([FileInput] int Granule);"), "MAAP0008");

        AssertSpan(d, "int");
        Assert.Equal("[FileInput] 'Granule' has type 'int'; a file input is a URL DPS downloads, so declare it as Uri or string", d.GetMessage());
    }

    [Fact]
    public void MAAP0009_invalid_secret_name()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\"), MaapSecret(\"bad/name\")] internal partial record A(int X);"), "MAAP0009");

        AssertSpan(d, "\"bad/name\"");
        Assert.Equal("Secret name 'bad/name' is not valid: use 1-255 characters without '/', '\\', control characters or leading/trailing white space, and not '.' or '..' (secret names travel as URL path segments)", d.GetMessage());
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public void MAAP0009_a_dot_segment_secret_name(string name)
    {
        var d = Single(Generate($"[MaapAlgorithm(\"algo\", \"1\"), MaapSecret(\"{name}\")] internal partial record A(int X);"), "MAAP0009");

        AssertSpan(d, $"\"{name}\"");
        Assert.StartsWith($"Secret name '{name}' is not valid", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MAAP0014_two_secrets_that_make_one_accessor_is_an_error_on_the_second_name()
    {
        var d = Single(Generate("[MaapAlgorithm(\"algo\", \"1\"), MaapSecret(\"GEE_TOKEN\"), MaapSecret(\"gee-token\")] internal partial record A(int X);"), "MAAP0014");

        AssertSpan(d, "\"gee-token\"");
        Assert.Equal("Secrets 'GEE_TOKEN' and 'gee-token' would both be read by the generated accessor 'GetGeeTokenSecretAsync'; declare one of them, and read the other with DpsJobContext.GetSecretAsync", d.GetMessage());
    }

    [Fact]
    public void Secrets_whose_accessors_differ_and_a_repeated_secret_are_not_MAAP0014()
    {
        var run = Run("[MaapAlgorithm(\"algo\", \"1\"), MaapSecret(\"GEE_TOKEN\"), MaapSecret(\"GEE_TOKEN\"), MaapSecret(\"GEE_TOKENS\")] internal partial record A(int X);");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var record = run.Output.GetTypeByMetadataName("A")!;
        Assert.Single(record.GetMembers("GetGeeTokenSecretAsync"));
        Assert.Single(record.GetMembers("GetGeeTokensSecretAsync"));
    }

    [Fact]
    public void MAAP0010_same_algorithm_id_and_version_declared_twice()
    {
        var source = Usings + """
            [MaapAlgorithm("algo", "1")] internal partial record First(int X);
            [MaapAlgorithm("algo", "1")] internal partial record Second(int X);
            [MaapAlgorithm("algo", "2")] internal partial record Third(int X);
            """;
        var compilation = GeneratorHarness.Compile(LanguageVersion.Latest, source);

        var d = Assert.Single(GeneratorHarness.Analyze(compilation), x => x.Id == "MAAP0010");

        Assert.Equal("MaapAlgorithm(\"algo\", \"1\")", SpanText(d));
        Assert.Equal(source.IndexOf("Second", StringComparison.Ordinal) - "] internal partial record ".Length - "MaapAlgorithm(\"algo\", \"1\")".Length, d.Location.SourceSpan.Start);
        Assert.Equal("Algorithm 'algo' version '1' is also declared by 'First'; each algorithm id and version may be declared once per compilation", d.GetMessage());
    }

    [Fact]
    public void MAAP0012_relative_Uri_literal_for_a_file_input_is_a_warning()
    {
        var source = Usings + """
            [MaapAlgorithm("algo", "1")] internal partial record A([FileInput] Uri InputFile);
            internal static class Caller { public static A Make() => new A(new Uri("data/granule.h5", UriKind.Relative)); }
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        var d = Assert.Single(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0012");

        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("new Uri(\"data/granule.h5\", UriKind.Relative)", SpanText(d));
        Assert.Equal("File input 'input_file' gets the relative URI 'data/granule.h5'; DPS can only download an absolute URL (https://, s3://, ...)", d.GetMessage());
    }

    [Fact]
    public void MAAP0013_parameter_named_like_a_generated_member()
    {
        var run = Run("[MaapAlgorithm(\"algo\", \"1\")] internal partial record A(string JobType);");

        var d = Single(run.Diagnostics, "MAAP0013");

        AssertSpan(d, "JobType");
        Assert.Equal("Parameter 'JobType' of 'A' has the name of a member the generator adds to every [MaapAlgorithm] record; rename the parameter", d.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("[MaapAlgorithm(\"algo\", \"1\")]", "[FileInput] Uri InputFile, string ResolveInputFile", "ResolveInputFile", "the method the generator adds for file input 'InputFile'")]
    [InlineData("[MaapAlgorithm(\"algo\", \"1\")]", "string? ResolveMask, [FileInput] string? Mask", "ResolveMask", "the method the generator adds for file input 'Mask'")]
    [InlineData("[MaapAlgorithm(\"algo\", \"1\")]", "SecretName? ApiKey, string GetApiKeyValueAsync", "GetApiKeyValueAsync", "the method the generator adds for SecretName input 'ApiKey'")]
    [InlineData("[MaapAlgorithm(\"algo\", \"1\"), MaapSecret(\"GEE_TOKEN\")]", "string GetGeeTokenSecretAsync", "GetGeeTokenSecretAsync", "the method the generator adds for secret 'GEE_TOKEN'")]
    public void MAAP0013_parameter_named_like_the_method_generated_for_another_input_or_a_secret(string attributes, string parameters, string name, string clash)
    {
        var run = Run(attributes + " internal partial record A(" + parameters + ");");

        var d = Single(run.Diagnostics, "MAAP0013");

        AssertSpan(d, name);
        Assert.Equal("Parameter '" + name + "' of 'A' has the name of " + clash + "; rename the parameter", d.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("[ConfigInput] Uri InputFile, string ResolveInputFile")]
    [InlineData("SecretName[] Keys, string GetKeysValueAsync")]
    [InlineData("string Resolve, string Get, string GetValueAsync, string GetSecretAsync, string Finalize")]
    public void MAAP0013_is_not_reported_for_a_name_the_generator_does_not_use(string parameters)
    {
        var run = Run("[MaapAlgorithm(\"algo\", \"1\"), MaapSecret(\"GEE_TOKEN\")] internal partial record A(" + parameters + ");");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings());
    }

    /// <summary>
    /// C# reports these on the parameter too, but the generated code would read a method group where it expects
    /// the property and add errors of its own; MAAP0013 stops emission instead.
    /// </summary>
    [Theory]
    [InlineData("record", "Equals")]
    [InlineData("record", "GetHashCode")]
    [InlineData("record", "ToString")]
    [InlineData("record", "PrintMembers")]
    [InlineData("record", "Deconstruct")]
    [InlineData("record", "GetType")]
    [InlineData("record", "MemberwiseClone")]
    [InlineData("record", "ReferenceEquals")]
    [InlineData("record", "EqualityContract")]
    [InlineData("record struct", "Equals")]
    public void MAAP0013_parameter_named_like_a_member_every_record_has(string keyword, string name)
    {
        var run = Run("[MaapAlgorithm(\"algo\", \"1\")] internal partial " + keyword + " A(string " + name + ");");

        var d = Single(run.Diagnostics, "MAAP0013");

        AssertSpan(d, name);
        Assert.Equal("Parameter '" + name + "' of 'A' has the name of a member every C# record has; rename the parameter", d.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void MAAP0013_EqualityContract_is_free_on_a_record_struct()
    {
        var run = Run("[MaapAlgorithm(\"algo\", \"1\")] internal partial record struct A(string EqualityContract);");

        Assert.Empty(run.Diagnostics);
        Assert.Single(run.Sources);
        Assert.Empty(run.CompileErrorsAndWarnings());
    }

    /// <summary>
    /// Every member the generated code declares on a record that uses every feature is reported when a parameter
    /// takes its name, and every name reserved for all records is still generated: a new generated member fails
    /// here until <c>GeneratedMembers</c> reserves it, and a member no longer generated fails until it is removed.
    /// </summary>
    [Fact]
    public void MAAP0013_covers_every_member_the_generator_declares_on_the_record()
    {
        const string Declaration = "[MaapAlgorithm(\"algo\", \"1\", Queue = \"q\", RepositoryUrl = \"https://example.org/r.git\", RunCommand = \"run.sh\"), MaapSecret(\"GEE_TOKEN\"), MaapSecret(\"earthdata.password\")]\n"
            + "internal partial record Full([FileInput] Uri InputFile, [FileInput] string? MaskUrl, SecretName ApiKey, SecretName? OtherKey, SecretName[]? Keys, [ConfigInput, Range(1, 9)] int Count = 1";
        var run = GeneratorHarness.Run(LanguageVersion.Latest, Usings + Declaration + ");");
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings());
        var record = run.Output.GetTypeByMetadataName("Full")!;
        Assert.Contains(record.Interfaces, i => i.Name == "IMaapAlgorithm");

        var generated = record.GetMembers()
            .Where(m => m.CanBeReferencedByName && m.DeclaringSyntaxReferences.Any(r => !run.Input.SyntaxTrees.Contains(r.SyntaxTree)))
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Superset(new HashSet<string> { "SubmitAsync", "Job", "ResolveInputFile", "ResolveMaskUrl", "GetApiKeyValueAsync", "GetOtherKeyValueAsync", "GetGeeTokenSecretAsync", "GetEarthdataPasswordSecretAsync" }, generated.ToHashSet());
        Assert.Subset(generated.ToHashSet(), Maap.Algorithms.Generator.Model.GeneratedMembers.OnEveryAlgorithm.ToHashSet());

        var clashing = GeneratorHarness.Run(LanguageVersion.Latest, Usings + Declaration + ", " + string.Join(", ", generated.Select(n => "string? " + n + " = null")) + ");");

        Assert.All(clashing.Diagnostics, x => Assert.Equal("MAAP0013", x.Id));
        Assert.Equal(generated, clashing.Diagnostics.Select(SpanText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pragma_suppresses_a_generator_diagnostic()
    {
        var source = Usings + """
            #pragma warning disable MAAP0003
            [MaapAlgorithm("-bad id", "1")] internal partial record A(int X);
            #pragma warning restore MAAP0003
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        var reported = Assert.Single(run.Diagnostics);
        Assert.Equal("MAAP0003", reported.Id);
        // The compiler runs generator diagnostics through the same filter as its own (internal API, so by reflection):
        // a diagnostic under '#pragma warning disable' comes back null, or marked suppressed.
        var filter = typeof(CompilationOptions).GetMethod("FilterDiagnostic", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!;
        var filtered = (Diagnostic?)filter.Invoke(run.Input.Options, new object[] { reported, CancellationToken.None });
        Assert.True(filtered is null || filtered.IsSuppressed, "MAAP0003 was not suppressed by #pragma");

        var unsuppressed = GeneratorHarness.Run(LanguageVersion.Latest, Usings + "[MaapAlgorithm(\"-bad id\", \"1\")] internal partial record A(int X);");
        var kept = (Diagnostic?)filter.Invoke(unsuppressed.Input.Options, new object[] { Assert.Single(unsuppressed.Diagnostics), CancellationToken.None });
        Assert.False(kept is null || kept.IsSuppressed);
    }

    [Fact]
    public void Pragma_suppresses_an_analyzer_diagnostic()
    {
        var source = Usings + """
            [MaapAlgorithm("gedi", "1")] internal partial record Gedi([Range(1, 100)] int Outsize = 10);
            internal static class Caller
            {
            #pragma warning disable MAAP0011
                public static Gedi Make() => new Gedi(Outsize: 0);
            #pragma warning restore MAAP0011
            }
            """;
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        Assert.DoesNotContain(GeneratorHarness.Analyze(run.Output), x => x.Id == "MAAP0011");
    }

    [Fact]
    public void A_declaration_with_an_error_generates_no_source()
    {
        var run = Run("[MaapAlgorithm(\"algo\", \"1\")] internal partial record A(string Queue);");

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Every_descriptor_has_a_help_page()
    {
        var docs = Path.Combine(RepoRoot(), "docs", "diagnostics");
        var descriptors = typeof(Maap.Algorithms.Generator.Diagnostics.DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.NotEmpty(descriptors);
        Assert.Equal(Enumerable.Range(1, descriptors.Count).Select(i => "MAAP" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)), descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));
        foreach (var descriptor in descriptors)
        {
            var id = descriptor.Id;
            Assert.Same(descriptor, Maap.Algorithms.Generator.Diagnostics.DiagnosticDescriptors.ById(id));
            Assert.Equal(HelpLink(id), descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(docs, id + ".md")), id + " has no help page");
        }
    }

    [Fact]
    public void Help_links_use_the_repository_url_of_the_build()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepoRoot(), "Directory.Build.props"));
        var repositoryUrl = Assert.Single(props.Descendants("RepositoryUrl")).Value;

        Assert.Equal(Maap.Algorithms.Generator.Diagnostics.DiagnosticDescriptors.RepositoryUrl, repositoryUrl);
        Assert.Equal(repositoryUrl + "/blob/main/docs/diagnostics/MAAP0001.md", Maap.Algorithms.Generator.Diagnostics.DiagnosticDescriptors.NotPartial.HelpLinkUri);
    }

    /// <summary>
    /// The repository root, found from the test's output folder: CI builds map source paths (<c>/_/</c>), so
    /// <c>[CallerFilePath]</c> cannot be used to find files.
    /// </summary>
    internal static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Maap.Algorithms.sln")))
        {
            dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
        }

        return dir ?? throw new InvalidOperationException("Cannot find Maap.Algorithms.sln above " + AppContext.BaseDirectory);
    }

    private static string HelpLink(string id) =>
        Maap.Algorithms.Generator.Diagnostics.DiagnosticDescriptors.RepositoryUrl + "/blob/main/docs/diagnostics/" + id + ".md";

    private static GeneratorRun Run(string declaration) => GeneratorHarness.Run(LanguageVersion.Latest, Usings + declaration);

    private static ImmutableArray<Diagnostic> Generate(string declaration) => Run(declaration).Diagnostics;

    private static Diagnostic Single(ImmutableArray<Diagnostic> diagnostics, string id)
    {
        var d = Assert.Single(diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(HelpLink(id), d.Descriptor.HelpLinkUri);
        return d;
    }

    private static string SpanText(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    private static void AssertSpan(Diagnostic d, string expected) => Assert.Equal(expected, SpanText(d));
}
