using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Jobs;

/// <summary>
/// The OGC job list's filters MAAP applies in its API to the page Mozart already returned (<c>maap-ogc-spec.md</c>
/// §3.10), not in the query: duration bounds and a datetime window. A page can therefore come back short, or empty,
/// while later pages still hold matches; the emulator keeps that, so clients learn to page past it.
/// </summary>
internal sealed record JobPageRefinement
{
    /// <summary>Keep jobs that ran at least this long (seconds), when set.</summary>
    public double? MinDurationSeconds { get; init; }

    /// <summary>Keep jobs that ran at most this long (seconds), when set.</summary>
    public double? MaxDurationSeconds { get; init; }

    /// <summary>Keep jobs whose run intersects this window, when set.</summary>
    public JobTimeWindow? Window { get; init; }

    /// <summary>Whether any filter is set: then jobs that have not ended are dropped, as MAAP drops them.</summary>
    public bool IsActive => MinDurationSeconds is not null || MaxDurationSeconds is not null || Window is not null;

    public IReadOnlyList<JobRecord> Apply(IReadOnlyList<JobRecord> page) => IsActive ? [.. page.Where(Keeps)] : page;

    private bool Keeps(JobRecord job)
    {
        // A job without both a start and an end time has no duration or run interval to test.
        if (job.StartedMs is not { } start || job.EndedMs is not { } end)
        {
            return false;
        }

        var seconds = (end - start) / 1000.0;
        return (MinDurationSeconds is not { } min || seconds >= min)
               && (MaxDurationSeconds is not { } max || seconds <= max)
               && (Window is not { } window || window.Intersects(DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end)));
    }
}
