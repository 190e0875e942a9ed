using Maap.Algorithms;

namespace SecretsInJob;

/// <summary>
/// An algorithm that needs two secrets: <c>GEE_TOKEN</c>, a name its author fixed, and an Earthdata password whose
/// name each scientist chooses when they submit (scientists name their secrets differently).
/// </summary>
[MaapAlgorithm("secrets-in-job", "main",
    Queue = "maap-dps-worker-8gb",
    Description = "Reads one fixed-name and one submitter-named secret inside the job",
    RepositoryUrl = "https://github.com/example/secrets-in-job.git",
    RunCommand = "dotnet secrets-in-job/SecretsInJob.dll")]
[MaapSecret("GEE_TOKEN", Description = "Google Earth Engine token")]
public partial record SecretsProbe(SecretName EarthdataSecret);
