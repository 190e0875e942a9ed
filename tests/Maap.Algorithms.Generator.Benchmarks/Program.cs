using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Maap.Algorithms;
using Maap.Algorithms.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Generator throughput: ours over 1, 100 and 1,000 [MaapAlgorithm] records, cold (fresh driver and compilation)
// and after an unrelated edit; System.Text.Json's generator over the same 1,000 records in the same process.
// Median of several runs each, after a warm-up that JIT-compiles both generators.
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var parse = new CSharpParseOptions(LanguageVersion.Latest);
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .Append(MetadataReference.CreateFromFile(typeof(JobRequest).Assembly.Location))
    .ToList();

var ours = new MaapAlgorithmGenerator().AsSourceGenerator();
var stj = LoadSystemTextJsonGenerator();

Console.WriteLine($"Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");
Console.WriteLine();
Console.WriteLine("| Records | Generator | Cold: wall (median) | Cold: CPU (median) | After unrelated edit: wall | Regenerated after edit |");
Console.WriteLine("| ---: | --- | ---: | ---: | ---: | --- |");

var ratios = new List<double>();
var oursSample = new Sample();
var stjSample = new Sample();
foreach (var count in new[] { 1, 100, 1000 })
{
    var compilation = Build(count, withJsonContext: false);
    var jsonCompilation = count == 1000 ? Build(count, withJsonContext: true) : null;
    var ourRuns = new Sample();
    var stjRuns = new Sample();
    Once(ours, compilation, new Sample());
    if (jsonCompilation is not null)
    {
        Once(stj, jsonCompilation, new Sample());
    }

    // Interleaved, so both generators see the same machine load (the box is shared); the ratio is taken per pair.
    for (var i = 0; i < iterations; i++)
    {
        Once(ours, compilation, ourRuns);
        if (jsonCompilation is not null)
        {
            Once(stj, jsonCompilation, stjRuns);
            ratios.Add(ourRuns.CpuMs[^1] / stjRuns.CpuMs[^1]);
        }
    }

    Console.WriteLine($"| {count:N0} | Maap.Algorithms | {Median(ourRuns.WallMs):0.0} ms | {Median(ourRuns.CpuMs):0.0} ms | {Median(ourRuns.EditWallMs):0.0} ms | {(ourRuns.Regenerated ? "**some (budget broken)**" : "none")} |");
    if (jsonCompilation is not null)
    {
        Console.WriteLine($"| {count:N0} | System.Text.Json | {Median(stjRuns.WallMs):0.0} ms | {Median(stjRuns.CpuMs):0.0} ms | {Median(stjRuns.EditWallMs):0.0} ms | n/a |");
        oursSample = ourRuns;
        stjSample = stjRuns;
    }
}

var ratio = Median(ratios);
Console.WriteLine();
Console.WriteLine($"Ratio at 1,000 records, cold, CPU time: ours / System.Text.Json = {ratio:0.00} (median of {ratios.Count} interleaved pairs; wall-clock medians give {Median(oursSample.WallMs) / Median(stjSample.WallMs):0.00}); budget <= 0.50");

if (Environment.GetEnvironmentVariable("MAAP_BENCH_BREAKDOWN") == "1")
{
    var c = Build(1000, false);
    var r = CreateDriver(ours).RunGenerators(c.Clone()).GetRunResult();
    var specs = r.Results[0].TrackedSteps[MaapAlgorithmGenerator.SpecStep].SelectMany(s => s.Outputs).Select(o => (Maap.Algorithms.Generator.Model.AlgorithmSpec)o.Value).ToList();
    var w = Stopwatch.StartNew();
    var texts = specs.Select(Maap.Algorithms.Generator.Emitting.AlgorithmEmitter.Emit).ToList();
    Console.WriteLine($"emit 1000: {w.Elapsed.TotalMilliseconds:0.0} ms, {texts.Sum(t => t.Length) / 1000} chars avg");
    if (Environment.GetEnvironmentVariable("MAAP_BENCH_DUMP") is { } dump) { File.WriteAllText(dump, texts[0]); }
    w.Restart();
    foreach (var t in texts) { CSharpSyntaxTree.ParseText(t, parse); }
    Console.WriteLine($"parse generated 1000: {w.Elapsed.TotalMilliseconds:0.0} ms");
    var c2 = c.Clone();
    w.Restart();
    foreach (var tree in c2.SyntaxTrees) { var m = c2.GetSemanticModel(tree); foreach (var n in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax>()) { var sym = m.GetDeclaredSymbol(n)!; _ = sym.GetAttributes(); } }
    Console.WriteLine($"declared symbols + attributes 1000: {w.Elapsed.TotalMilliseconds:0.0} ms");
    w.Restart();
    foreach (var tree in c2.SyntaxTrees) { var m = c2.GetSemanticModel(tree); foreach (var n in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax>()) { var sym = (INamedTypeSymbol)m.GetDeclaredSymbol(n)!; _ = sym.InstanceConstructors; } }
    Console.WriteLine($"+ members 1000: {w.Elapsed.TotalMilliseconds:0.0} ms");
    var names = new[] { "attribute lookup only", "+ parse", "+ emit (no AddSource)", "+ AddSource", "the generator (with diagnostics branch and tracking names)", "emit, AddSource of 1 KB", "lookup + parameter symbols and attributes", "+ classify, rules, defaults" };
    var variants = Enumerable.Range(0, 4).Select(i => new VariantGenerator(i).AsSourceGenerator()).Append(ours).Append(new VariantGenerator(5).AsSourceGenerator()).Append(new VariantGenerator(7).AsSourceGenerator()).Append(new VariantGenerator(8).AsSourceGenerator()).ToArray();
    var runs = Enumerable.Range(0, 8).Select(_ => new Sample()).ToArray();
    foreach (var v in variants) { Once(v, c, new Sample()); }
    for (var i = 0; i < iterations; i++) { for (var k = 0; k < 8; k++) { Once(variants[k], c, runs[k]); } }
    for (var rep = 0; rep < 5; rep++) { w.Restart(); foreach (var sp in specs) { _ = Maap.Algorithms.Generator.Emitting.AlgorithmEmitter.Emit(sp); } Console.WriteLine($"emit 1000 again: {w.Elapsed.TotalMilliseconds:0.0} ms"); }
    for (var k = 0; k < 8; k++) { Console.WriteLine($"{names[k]}: wall {Median(runs[k].WallMs):0.0} ms, CPU {Median(runs[k].CpuMs):0.0} ms, allocated {Median(runs[k].AllocatedMb):0.0} MB, gen0 GCs {Median(runs[k].Gen0):0}"); }
    var j = Build(1000, true); var js = new Sample(); for (var i = 0; i < 5; i++) { Once(stj, j, js); }
    Console.WriteLine($"System.Text.Json: allocated {Median(js.AllocatedMb):0.0} MB, gen0 GCs {Median(js.Gen0):0}");
}

return ratio <= 0.5 && !oursSample.Regenerated ? 0 : 1;

void Once(ISourceGenerator generator, CSharpCompilation compilation, Sample sample)
{
    var fresh = compilation.Clone();

    // The compiler binds every declaration, member and attribute whether or not a generator runs; do that
    // first so the clock measures each generator's own, marginal work.
    _ = fresh.GetDeclarationDiagnostics();
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var allocated = GC.GetTotalAllocatedBytes(true);
    var gen0 = GC.CollectionCount(0);
    var watch = Stopwatch.StartNew();
    var driver = CreateDriver(generator).RunGenerators(fresh);
    sample.Gen0.Add(GC.CollectionCount(0) - gen0);
    sample.AllocatedMb.Add((GC.GetTotalAllocatedBytes(true) - allocated) / 1e6);
    sample.WallMs.Add(watch.Elapsed.TotalMilliseconds);
    process.Refresh();
    sample.CpuMs.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);

    var edited = fresh.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Unrelated { public const int X = 1; }", parse, path: "Unrelated.cs"));
    _ = edited.GetDeclarationDiagnostics();
    watch.Restart();
    var after = driver.RunGenerators(edited);
    sample.EditWallMs.Add(watch.Elapsed.TotalMilliseconds);
    sample.Regenerated |= after.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
        .Any(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
}

GeneratorDriver CreateDriver(ISourceGenerator generator) =>
    CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: parse,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

CSharpCompilation Build(int count, bool withJsonContext)
{
    var trees = new List<SyntaxTree>();
    for (var i = 0; i < count; i++)
    {
        trees.Add(CSharpSyntaxTree.ParseText($$"""
            using System;
            using System.ComponentModel.DataAnnotations;
            using Maap.Algorithms;
            namespace Bench.Algorithms;
            [MaapAlgorithm("algo-{{i}}", "1", Queue = "maap-dps-worker-8gb")]
            public partial record Algo{{i}}([FileInput] Uri InputFile, [Range(1, 100)] int Outsize = 10, string? Label = null, double[]? Values = null, DateTime? Since = null);
            """, parse, path: $"Algo{i}.cs"));
    }

    if (withJsonContext)
    {
        var attributes = string.Join("\n", Enumerable.Range(0, count).Select(i => $"[JsonSerializable(typeof(Bench.Algorithms.Algo{i}))]"));
        trees.Add(CSharpSyntaxTree.ParseText($$"""
            using System.Text.Json.Serialization;
            namespace Bench;
            {{attributes}}
            internal partial class BenchJsonContext : JsonSerializerContext { }
            """, parse, path: "BenchJsonContext.cs"));
    }

    return CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
}

static ISourceGenerator LoadSystemTextJsonGenerator()
{
    // The generator the .NET SDK runs for System.Text.Json: in the targeting pack of the running runtime.
    var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
    var pack = Directory.GetDirectories(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref")).OrderBy(d => d, StringComparer.Ordinal).Last();
    var path = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
    var reference = new AnalyzerFileReference(path, new Loader());
    return reference.GetGenerators(LanguageNames.CSharp).Single();
}

internal sealed class Sample
{
    public List<double> WallMs { get; } = new();

    public List<double> CpuMs { get; } = new();

    public List<double> EditWallMs { get; } = new();

    public List<double> AllocatedMb { get; } = new();

    public List<double> Gen0 { get; } = new();

    public bool Regenerated { get; set; }
}

internal sealed class Loader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}
