using System.ComponentModel.DataAnnotations;
using Maap.Algorithms;

namespace Batch;

/// <summary>Squares a number; refuses multiples of 25, so a batch has failures to report.</summary>
[MaapAlgorithm("batch-square", "main",
    Queue = "maap-dps-worker-8gb",
    Description = "Squares a number (fails on multiples of 25)",
    RepositoryUrl = "https://github.com/example/batch-square.git",
    RunCommand = "dotnet batch-square/Batch.dll")]
public partial record Square([Range(0, 10_000)] int N);
