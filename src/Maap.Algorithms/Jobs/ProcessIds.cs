namespace Maap.Algorithms;

/// <summary>
/// Checks on OGC process ids, shared by jobs and processes. MAAP's processID is an integer key (sent as a number in
/// most bodies and as a string in others); a non-numeric one makes MAAP fail with a database error, so it is refused here.
/// </summary>
internal static class ProcessIds
{
    public static string Validate(string? processId, string paramName)
    {
        if (string.IsNullOrEmpty(processId) || processId.Length > 18)
        {
            throw new ArgumentException($"Process id '{processId}' is not valid: MAAP's processID is a whole number such as 12.", paramName);
        }

        foreach (var c in processId)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException($"Process id '{processId}' is not valid: MAAP's processID is a whole number such as 12 (the process name goes in AlgorithmId).", paramName);
            }
        }

        return processId;
    }

    /// <summary>Throws unless <paramref name="deploymentId"/> is a deployment job id: a whole number, like a processID.</summary>
    public static string ValidateDeploymentId(string? deploymentId, string paramName)
    {
        if (string.IsNullOrEmpty(deploymentId) || deploymentId.Length > 18 || !deploymentId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Deployment id '{deploymentId}' is not valid: MAAP's deploymentJobID is a whole number such as 57.", paramName);
        }

        return deploymentId;
    }
}
