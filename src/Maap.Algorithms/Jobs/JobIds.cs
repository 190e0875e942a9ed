namespace Maap.Algorithms;

/// <summary>Job id checks shared by every protocol: ids travel as URL path segments.</summary>
internal static class JobIds
{
    /// <summary>Throws <see cref="ArgumentException"/> for an id no MAAP job has, else returns it escaped for a URL path.</summary>
    public static string Escape(string jobId, string paramName = "jobId")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId, paramName);
        if (IsDotSegment(jobId))
        {
            // Uri removes "." and ".." path segments: /api/dps/job/cancel/.. would POST to the submit route.
            throw new ArgumentException($"Job id '{jobId}' is a relative path segment, which no MAAP job id is.", paramName);
        }

        foreach (var c in jobId)
        {
            if (c is '/' or '?' or '#' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException($"Job id '{jobId}' contains '{c}', which no MAAP job id has.", paramName);
            }
        }

        return Uri.EscapeDataString(jobId);
    }

    /// <summary>True for <c>.</c> and <c>..</c>, the path segments a URI resolves away rather than sends.</summary>
    public static bool IsDotSegment(string segment) => segment is "." or "..";
}
