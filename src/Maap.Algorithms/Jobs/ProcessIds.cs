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
}
