namespace Maap.Algorithms;

/// <summary>
/// The HySDS job type DPS files a job under, <c>job-{algorithm}:{version}</c>: what the WPS job API names an algorithm
/// by, and what DPS reports for jobs of either API.
/// </summary>
internal static class HysdsJobTypes
{
    public static string Format(string algorithmId, string version) => $"job-{algorithmId}:{version}";

    /// <summary>The algorithm id and version a job type names; nulls for anything else.</summary>
    public static (string? AlgorithmId, string? Version) Split(string? jobType)
    {
        if (jobType is null || !jobType.StartsWith("job-", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var colon = jobType.LastIndexOf(':');
        return colon < 0 ? (jobType[4..], null) : (jobType[4..colon], jobType[(colon + 1)..]);
    }
}
