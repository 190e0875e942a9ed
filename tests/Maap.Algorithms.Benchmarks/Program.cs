using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// A ShortRun job keeps a full run to a couple of minutes on a shared machine; pass --job to add others.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun)
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Maap.Algorithms.Benchmarks.WpsXmlBenchmarks).Assembly).Run(args, config);
