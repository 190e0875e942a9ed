using System.Globalization;
using System.Text;

namespace Maap.Algorithms;

/// <summary>
/// Filters for listing jobs (spec §8). Every filter is optional; set <see cref="AlgorithmId"/> and
/// <see cref="Version"/> together (MAAP filters on the job type <c>job-{id}:{version}</c>).
/// </summary>
public sealed record JobListQuery
{
    /// <summary>The largest page MAAP serves (Mozart caps at 250).</summary>
    public const int MaxPageSize = 250;

    /// <summary>Only jobs of this algorithm; requires <see cref="Version"/>.</summary>
    public string? AlgorithmId { get; init; }

    /// <summary>Only jobs of this algorithm version; requires <see cref="AlgorithmId"/>.</summary>
    public string? Version { get; init; }

    /// <summary>Only jobs in this status. <see cref="JobStatus.Deleted"/> means no filter on MAAP.</summary>
    public JobStatus? Status { get; init; }

    /// <summary>Only jobs with this tag (exact match).</summary>
    public string? Tag { get; init; }

    /// <summary>Only jobs on this queue.</summary>
    public string? Queue { get; init; }

    /// <summary>Only jobs with this priority, 0–9.</summary>
    public int? Priority { get; init; }

    /// <summary>Only jobs submitted at or after this time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Only jobs submitted at or before this time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>
    /// Whether each item carries MAAP's full job document (<see cref="JobListItem.Details"/>). Off by default:
    /// MAAP fetches details one job at a time, which makes detailed pages much slower.
    /// </summary>
    public bool IncludeDetails { get; init; }

    /// <summary>Jobs per request, 1–250. Paging stops at the first page shorter than this.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Throws <see cref="ArgumentException"/> for a filter MAAP would refuse or misread.</summary>
    public void Validate()
    {
        if ((AlgorithmId is null) != (Version is null))
        {
            throw new ArgumentException("AlgorithmId and Version filter together: set both or neither.", AlgorithmId is null ? nameof(AlgorithmId) : nameof(Version));
        }

        if (AlgorithmId is not null)
        {
            JobRequest.ValidateAlgorithmId(AlgorithmId, nameof(AlgorithmId));
            JobRequest.ValidateVersion(Version, nameof(Version));
        }

        if (Priority is < 0 or > 9)
        {
            throw new ArgumentException($"Priority {Priority} is outside MAAP's range 0-9.", nameof(Priority));
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentException($"PageSize {PageSize} is outside 1-{MaxPageSize}.", nameof(PageSize));
        }

        if (Status is { Kind: JobStatusKind.Unknown } status)
        {
            throw new ArgumentException($"Status '{status}' is not one MAAP can filter on.", nameof(Status));
        }

        if (StartTime > EndTime)
        {
            throw new ArgumentException("StartTime is after EndTime.", nameof(StartTime));
        }
    }

    internal string ToQueryString(int offset)
    {
        var query = new StringBuilder(128);
        Append(query, "get_job_details", IncludeDetails ? "true" : "false");
        Append(query, "offset", offset.ToString(CultureInfo.InvariantCulture));
        Append(query, "page_size", PageSize.ToString(CultureInfo.InvariantCulture));
        if (AlgorithmId is not null && Version is not null)
        {
            // MAAP matches the HySDS type exactly, so the job- prefix maap-py leaves to its callers is added here.
            Append(query, "job_type", JobRequest.FormatJobType(AlgorithmId, Version));
        }

        if (Status is { } status)
        {
            Append(query, "status", status.Value);
        }

        if (Tag is not null)
        {
            Append(query, "tag", Tag);
        }

        if (Queue is not null)
        {
            Append(query, "queue", Queue);
        }

        if (Priority is { } priority)
        {
            Append(query, "priority", priority.ToString(CultureInfo.InvariantCulture));
        }

        if (StartTime is { } start)
        {
            Append(query, "start_time", FormatTime(start));
        }

        if (EndTime is { } end)
        {
            Append(query, "end_time", FormatTime(end));
        }

        return query.ToString();
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder query, string name, string value) =>
        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
}
