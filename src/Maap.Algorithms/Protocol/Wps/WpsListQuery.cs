using System.Globalization;
using System.Text;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>Writes a <see cref="JobListQuery"/> as the query string of <c>GET /api/dps/job/list</c> (spec §8).</summary>
internal static class WpsListQuery
{
    public static string Write(JobListQuery query, int offset)
    {
        var text = new StringBuilder(128);
        Append(text, "get_job_details", query.IncludeDetails ? "true" : "false");
        Append(text, "offset", offset.ToString(CultureInfo.InvariantCulture));
        Append(text, "page_size", query.PageSize.ToString(CultureInfo.InvariantCulture));
        if (query.AlgorithmId is not null && query.Version is not null)
        {
            // MAAP matches the HySDS type exactly, so the job- prefix maap-py leaves to its callers is added here.
            Append(text, "job_type", HysdsJobTypes.Format(query.AlgorithmId, query.Version));
        }

        if (query.Status is { } status)
        {
            Append(text, "status", WpsStatuses.Write(status.Kind));
        }

        if (query.Tag is not null)
        {
            Append(text, "tag", query.Tag);
        }

        if (query.Queue is not null)
        {
            Append(text, "queue", query.Queue);
        }

        if (query.Priority is { } priority)
        {
            Append(text, "priority", priority.ToString(CultureInfo.InvariantCulture));
        }

        if (query.StartTime is { } start)
        {
            Append(text, "start_time", FormatTime(start));
        }

        if (query.EndTime is { } end)
        {
            Append(text, "end_time", FormatTime(end));
        }

        return text.ToString();
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder query, string name, string value) =>
        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
}
