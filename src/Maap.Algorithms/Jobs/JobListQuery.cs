namespace Maap.Algorithms;

/// <summary>
/// What to list: filters and page size, whichever MAAP API serves the list. Every filter is optional; set
/// <see cref="AlgorithmId"/> and <see cref="Version"/> together (MAAP filters on both at once). Some filters exist in one
/// job API only (each says so); listing with one the client's job protocol cannot honour throws <see cref="ArgumentException"/>.
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

    /// <summary>Only jobs of this OGC process (its processID, such as <c>12</c>). OGC API only.</summary>
    public string? ProcessId { get; init; }

    /// <summary>
    /// Only jobs that ran at or after this time (OGC <c>datetime</c>, the start of its interval). OGC API only. MAAP
    /// applies it after paging and drops jobs that have not started and ended, so paging goes on past short pages.
    /// </summary>
    public DateTimeOffset? ActiveFrom { get; init; }

    /// <summary>Only jobs that ran at or before this time (OGC <c>datetime</c>, the end of its interval). OGC API only; see <see cref="ActiveFrom"/>.</summary>
    public DateTimeOffset? ActiveTo { get; init; }

    /// <summary>Only jobs that ran at least this long (OGC <c>minDuration</c>). OGC API only; applied after paging, like <see cref="ActiveFrom"/>.</summary>
    public TimeSpan? MinDuration { get; init; }

    /// <summary>Only jobs that ran at most this long (OGC <c>maxDuration</c>). OGC API only; applied after paging, like <see cref="ActiveFrom"/>.</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>
    /// Whether each item carries MAAP's full job document (<see cref="JobListItem.Details"/>). Off by default:
    /// MAAP fetches details one job at a time, which makes detailed pages much slower.
    /// </summary>
    public bool IncludeDetails { get; init; }

    /// <summary>
    /// Jobs per request, 1–250. Paging stops at the first page shorter than this, except with a filter MAAP applies after
    /// paging (<see cref="ActiveFrom"/>, <see cref="ActiveTo"/>, <see cref="MinDuration"/>, <see cref="MaxDuration"/>): then
    /// it moves on by this many jobs and stops at the first empty page.
    /// </summary>
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

        if (ProcessId is not null)
        {
            ProcessIds.Validate(ProcessId, nameof(ProcessId));
        }

        if (ActiveFrom > ActiveTo)
        {
            throw new ArgumentException("ActiveFrom is after ActiveTo.", nameof(ActiveFrom));
        }

        if (MinDuration < TimeSpan.Zero || MaxDuration < TimeSpan.Zero)
        {
            throw new ArgumentException("A duration filter is negative.", MinDuration < TimeSpan.Zero ? nameof(MinDuration) : nameof(MaxDuration));
        }

        if (MinDuration > MaxDuration)
        {
            throw new ArgumentException("MinDuration is longer than MaxDuration.", nameof(MinDuration));
        }
    }

    /// <summary>True when a filter MAAP applies after paging is set: then a short page does not mean the last one.</summary>
    internal bool FiltersAfterPaging => ActiveFrom is not null || ActiveTo is not null || MinDuration is not null || MaxDuration is not null;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first filter set here that the job API in use cannot honour.</summary>
    internal static void Refuse(string? filter, string protocol)
    {
        if (filter is not null)
        {
            throw new ArgumentException($"The {protocol} job API cannot filter on {filter}; leave it unset or choose the other job protocol in MaapClientOptions.JobProtocol.", filter);
        }
    }
}
