using System.ComponentModel.DataAnnotations;

namespace Maap.Algorithms.Generator.Tests.Algorithm;

/// <summary>Every input kind, a fixed-name secret and a submitter-named one: the contract the end-to-end test submits and the job reads.</summary>
[MaapAlgorithm("generator-e2e", "main",
    Queue = "maap-dps-worker-8gb",
    Description = "End-to-end probe of the [MaapAlgorithm] generator",
    RepositoryUrl = "https://example.invalid/generator-e2e.git",
    ContainerImage = "ghcr.io/example/generator-e2e:main",
    RunCommand = "dotnet generator-e2e/Maap.Algorithms.Generator.Tests.Algorithm.dll")]
[MaapSecret("E2E_FIXED_TOKEN")]
public partial record EndToEndProbe(
    [FileInput] Uri InputFile,
    [ConfigInput, Range(1, 10)] int Scale,
    string Label,
    double[] Values,
    SecretName TokenSecret,
    DateOnly Day = default);
