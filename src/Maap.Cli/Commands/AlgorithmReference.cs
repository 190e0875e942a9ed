namespace Maap.Cli.Commands;

/// <summary>Parses <c>ALGORITHM:VERSION</c>, the form MAAP itself prints.</summary>
internal static class AlgorithmReference
{
    public static (string Id, string Version) Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new ArgumentException($"'{text}' is not ALGORITHM:VERSION (for example run-dps-test_ubuntu:delay10).");
        }

        var id = text[..colon];
        var version = text[(colon + 1)..];
        if (id.StartsWith("job-", StringComparison.Ordinal))
        {
            id = id[4..];
        }

        JobRequest.ValidateAlgorithmId(id, "ALGORITHM");
        JobRequest.ValidateVersion(version, "VERSION");
        return (id, version);
    }
}
