using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using Maap.Algorithms.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Maap.Algorithms.Generator.Tests.Infrastructure;

/// <summary>Compiles test sources against net8.0 and the runtime library, runs the generator and analyzers in-process.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(BuildReferences);

    public static CSharpParseOptions ParseOptions(LanguageVersion version) =>
        new CSharpParseOptions(version, DocumentationMode.Diagnose);

    public static CSharpCompilation Compile(LanguageVersion version, params string[] sources) =>
        CSharpCompilation.Create(
            "TestAlgorithms",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions(version), path: "Test" + i + ".cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(LanguageVersion version) =>
        CSharpGeneratorDriver.Create(
            new[] { new MaapAlgorithmGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions(version),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(LanguageVersion version, params string[] sources)
    {
        var compilation = Compile(version, sources);
        var driver = CreateDriver(version).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(compilation, output, driver.GetRunResult(), diagnostics);
    }

    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation) =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DuplicateAlgorithmAnalyzer(), new CallSiteAnalyzer(), new DefaultValueAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>
    /// The net8.0 reference assemblies (what the package's users compile against, not the test host's newer runtime)
    /// and the runtime library as built for net8.0, so generated code that needs a later framework fails here.
    /// </summary>
    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var runtime = typeof(JobRequest).Assembly;
        var framework = runtime.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()?.FrameworkName;
        if (framework != ".NETCoreApp,Version=v8.0")
        {
            throw new InvalidOperationException("Expected Maap.Algorithms.dll built for net8.0, got " + framework + " at " + runtime.Location);
        }

        var references = new List<MetadataReference>(Net80.References.All);
        references.Add(MetadataReference.CreateFromFile(runtime.Location));
        var stub = BuildStub(runtime, references);
        if (stub is not null)
        {
            references.Add(stub);
        }

        return references.ToImmutableArray();
    }

    private static MetadataReference? BuildStub(Assembly runtime, List<MetadataReference> references)
    {
        var missing = LeadApiStub.Types.Where(t => runtime.GetType(t.TypeName) is null).Select(t => t.Source).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var stub = CSharpCompilation.Create(
            "Maap.Algorithms.LeadApiStub",
            missing.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = stub.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The lead API stub does not compile:\n" + string.Join("\n", result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}

/// <summary>One generator run: the input compilation, the compilation with generated sources, and what the generator reported.</summary>
internal sealed record GeneratorRun(Compilation Input, Compilation Output, GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> Diagnostics)
{
    public string GeneratedSource(int index = 0) => Result.Results[0].GeneratedSources[index].SourceText.ToString();

    public ImmutableArray<GeneratedSourceResult> Sources => Result.Results[0].GeneratedSources;

    public ImmutableArray<Diagnostic> CompileErrorsAndWarnings() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}
