namespace Maap.Algorithms;

/// <summary>A registered algorithm in a list.</summary>
/// <param name="Name">The algorithm name.</param>
/// <param name="Version">The algorithm version.</param>
public sealed record AlgorithmSummary(string Name, string Version)
{
    /// <summary>The job type MAAP files jobs of this algorithm under.</summary>
    public string JobType => HysdsJobTypes.Format(Name, Version);
}
