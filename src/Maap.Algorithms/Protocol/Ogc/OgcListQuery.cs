using System.Globalization;
using System.Text;

namespace Maap.Algorithms.Protocol.Ogc;

/// <summary>Writes a <see cref="JobListQuery"/> as the query string of <c>GET /api/ogc/jobs</c> (OGC spec §3.10).</summary>
internal static class OgcListQuery
{
    /// <summary>Throws <see cref="ArgumentException"/> for a filter this API cannot honour.</summary>
    public static void Validate(JobListQuery query)
    {
        // MAAP's OGC list filters jobs by processID; a legacy algorithm's id and version name no process.
        JobListQuery.Refuse(query.AlgorithmId is not null ? nameof(JobListQuery.AlgorithmId) : null, "OGC");
        if (query.Status is { } status && OgcStatuses.WriteFilter(status.Kind) is null)
        {
            // MAAP answers status=deleted with a 400 whose title and detail are null.
            throw new ArgumentException($"The OGC job API cannot filter on status {status}.", nameof(query));
        }
    }

    // The order follows maap-py's list_jobs, so the two clients' requests read alike in server logs.
    public static string Write(JobListQuery query, int offset)
    {
        var text = new StringBuilder(128);
        if (query.ProcessId is not null)
        {
            Append(text, "processID", query.ProcessId);
        }

        Append(text, "limit", query.PageSize.ToString(CultureInfo.InvariantCulture));
        if (query.IncludeDetails)
        {
            Append(text, "getJobDetails", "true");
        }

        Append(text, "offset", offset.ToString(CultureInfo.InvariantCulture));
        if (query.Queue is not null)
        {
            Append(text, "queue", query.Queue);
        }

        if (query.Status is { } status)
        {
            Append(text, "status", OgcStatuses.WriteFilter(status.Kind)!);
        }

        if (query.Tag is not null)
        {
            Append(text, "tag", query.Tag);
        }

        if (query.MinDuration is { } min)
        {
            Append(text, "minDuration", Seconds(min));
        }

        if (query.MaxDuration is { } max)
        {
            Append(text, "maxDuration", Seconds(max));
        }

        if (query.ActiveFrom is not null || query.ActiveTo is not null)
        {
            Append(text, "datetime", Interval(query.ActiveFrom, query.ActiveTo));
        }

        if (query.Priority is { } priority)
        {
            Append(text, "priority", priority.ToString(CultureInfo.InvariantCulture));
        }

        if (query.StartTime is { } start)
        {
            Append(text, "startTime", Time(start));
        }

        if (query.EndTime is { } end)
        {
            Append(text, "endTime", Time(end));
        }

        return text.ToString();
    }

    /// <summary>An RFC 3339 instant or interval. The fraction is always written: MAAP drops <c>Z</c> stamps without one.</summary>
    private static string Interval(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } a && to is { } b && a == b)
        {
            return Time(a);
        }

        return (from is { } f ? Time(f) : "..") + "/" + (to is { } t ? Time(t) : "..");
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);

    // Escaped, so a '+' or '&' in a value reaches MAAP as text (an unescaped '+' silently empties a datetime filter).
    private static void Append(StringBuilder query, string name, string value) =>
        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
}
