using System.ComponentModel.DataAnnotations;
using Maap.Algorithms;

namespace TypedAlgorithm;

/// <summary>
/// Counts the words of a text file and lists the most frequent ones. The record is the whole contract: the
/// submitter builds it and calls <c>SubmitAsync</c>; inside the job <c>FromContext</c> reads it back, typed.
/// </summary>
[MaapAlgorithm("word-count", "main",
    Queue = "maap-dps-worker-8gb",
    Description = "Counts the words of a text file",
    RepositoryUrl = "https://github.com/example/word-count.git",
    RunCommand = "dotnet word-count/TypedAlgorithm.dll",
    ContainerImage = "ghcr.io/example/word-count:main")]
public partial record WordCount(
    [FileInput(Description = "The text file to count")] Uri InputFile,
    [Range(1, 50)] int Top = 5,
    [ConfigInput(Description = "Count 'The' and 'the' as one word")] bool IgnoreCase = true,
    [PositionalInput(Description = "Name of a secret to prove the job can read it")] SecretName? ApiKeySecret = null);
