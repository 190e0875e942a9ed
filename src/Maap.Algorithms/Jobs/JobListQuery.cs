namespace Maap.Algorithms;

/// <summary>
/// What to list: filters and page size, whichever MAAP API serves the list. Every filter is optional; set
/// <see cref="AlgorithmId"/> and <see cref="Version"/> together (MAAP filters on both at once).
/// </summary>
public sealed record JobListQuery
{
    /// <summary>The largest page MAAP serves (Mozart caps at 250).</summary>
    public const int MaxPageSize = 250;

    /// <summary>Only jobs of this algorithm; requires <see cref="Version"/>.</summary>
    public string? AlgorithmId { get; init; }

    /// <summary>Only jobs of this algorithm version; requires <see cref="AlgorithmId"/>.</summary>
    public string? Version { get; init; }

    /// <summary>Only jobs in this status (a known one). <see cref="JobStatus.Deleted"/> means no filter on MAAP.</summary>
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
}
