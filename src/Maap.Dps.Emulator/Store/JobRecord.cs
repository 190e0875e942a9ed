namespace Maap.Dps.Emulator.Store;

/// <summary>A job as the store holds it. JSON columns are kept as text so list pages are built without re-parsing.</summary>
internal sealed record JobRecord
{
    public required string Id { get; init; }
    public required string UserName { get; init; }
    public required string JobType { get; init; }
    public required string AlgorithmName { get; init; }
    public required string AlgorithmVersion { get; init; }
    public required string Queue { get; init; }
    public int Priority { get; init; }
    public required string Tag { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required string Status { get; init; }
    public required long SubmittedMs { get; init; }
    public long? StartedMs { get; init; }
    public long? EndedMs { get; init; }

    /// <summary>The HySDS job id, <c>job-{algo}__{version}-{timestamp}</c>.</summary>
    public required string HysdsJobId { get; init; }

    /// <summary>The job payload, exactly what <c>_context.json</c> holds.</summary>
    public required string ContextJson { get; init; }

    public int? ExitCode { get; init; }
    public string? Traceback { get; init; }

    /// <summary>JSON array of staged products <c>{id, urls, product_folder_path}</c>, or null before the job ran.</summary>
    public string? ProductsJson { get; init; }

    /// <summary>JSON object of measured metrics, or null before the job ended.</summary>
    public string? MetricsJson { get; init; }

    public long? TimeLimitSeconds { get; init; }

    /// <summary>The process group the job ran in (its leader's pid), once it started under <c>setsid</c>.</summary>
    public int? ProcessGroupId { get; init; }

    /// <summary>The group leader's start time in clock ticks after boot, to tell it from a later process with its pid.</summary>
    public long? ProcessStartTicks { get; init; }
}
