using System.Globalization;
using Maap.Dps.Emulator.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Maap.Dps.Emulator.Endpoints.Wps;

/// <summary>The query of <c>GET /api/dps/job/list</c> (spec §8), read as MAAP reads it.</summary>
/// <param name="Filter">The filters, with MAAP's defaults and bounds applied.</param>
/// <param name="Details">Whether each job is the whole Mozart document (the default) or only its id and tags.</param>
internal sealed record WpsJobListQuery(JobListFilter Filter, bool Details)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 250;

    /// <summary>Reads the query; false with <paramref name="invalidStatus"/> set when <c>status</c> is no WPS status.</summary>
    public static bool TryParse(IQueryCollection q, string userName, out WpsJobListQuery query, out string invalidStatus)
    {
        query = null!;
        invalidStatus = string.Empty;
        string? status = null;
        if (q["status"].ToString() is { Length: > 0 } wps && !WpsStatus.TryToState(wps, out status))
        {
            invalidStatus = wps;
            return false;
        }

        var filter = new JobListFilter(userName)
        {
            JobType = NonEmpty(q["job_type"]),
            Tag = NonEmpty(q["tag"]),
            Queue = NonEmpty(q["queue"]),
            Priority = int.TryParse(q["priority"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null,
            Status = status,
            StartMs = MozartTime(q["start_time"]),
            EndMs = MozartTime(q["end_time"]),
            Offset = Math.Max(0, int.TryParse(q["offset"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0),
            Limit = Math.Clamp(int.TryParse(q["page_size"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ps) ? ps : DefaultPageSize, 0, MaxPageSize),
        };
        var details = q["get_job_details"].ToString() is not { Length: > 0 } d || d.Equals("true", StringComparison.OrdinalIgnoreCase);
        query = new WpsJobListQuery(filter, details);
        return true;
    }

    private static string? NonEmpty(StringValues value) => value.ToString() is { Length: > 0 } s ? s : null;

    /// <summary>
    /// A time bound as Mozart reads it: an all-digit value is epoch milliseconds, anything else a date string (spec §8);
    /// null when absent or unreadable. The OGC list passes its startTime/endTime through to Mozart the same way.
    /// </summary>
    internal static long? MozartTime(StringValues value)
    {
        var s = value.ToString();
        if (s.Length == 0)
        {
            return null;
        }

        if (s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return ms;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUnixTimeMilliseconds() : null;
    }
}
