namespace Maap.Algorithms;

/// <summary>
/// A DPS job status as MAAP reports it. Known values compare equal to the static members; an
/// unknown value is kept verbatim so a newer server never breaks an older client.
/// </summary>
public readonly struct JobStatus : IEquatable<JobStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from the text MAAP sent.</summary>
    /// <param name="value">The status text, for example <c>Succeeded</c>.</param>
    public JobStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
        Kind = Parse(value);
    }

    private JobStatus(string value, JobStatusKind kind)
    {
        _value = value;
        Kind = kind;
    }

    /// <summary>Queued and waiting for a worker.</summary>
    public static JobStatus Accepted { get; } = new("Accepted", JobStatusKind.Accepted);

    /// <summary>Running on a worker.</summary>
    public static JobStatus Running { get; } = new("Running", JobStatusKind.Running);

    /// <summary>Finished successfully.</summary>
    public static JobStatus Succeeded { get; } = new("Succeeded", JobStatusKind.Succeeded);

    /// <summary>Finished with an error.</summary>
    public static JobStatus Failed { get; } = new("Failed", JobStatusKind.Failed);

    /// <summary>Cancelled while running.</summary>
    public static JobStatus Dismissed { get; } = new("Dismissed", JobStatusKind.Dismissed);

    /// <summary>Deduplicated against an earlier identical job.</summary>
    public static JobStatus Deduped { get; } = new("Deduped", JobStatusKind.Deduped);

    /// <summary>The worker went offline.</summary>
    public static JobStatus Offline { get; } = new("Offline", JobStatusKind.Offline);

    /// <summary>Unknown to MAAP: never submitted, or purged by a cancel while queued.</summary>
    public static JobStatus Deleted { get; } = new("Deleted", JobStatusKind.Deleted);

    /// <summary>The status text exactly as MAAP sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The known state this value names, or <see cref="JobStatusKind.Unknown"/>.</summary>
    public JobStatusKind Kind { get; }

    /// <summary>
    /// True when the job will not change state any more: anything other than Accepted and Running,
    /// as maap-py's own wait loop decides. An unknown value counts as final because MAAP maps every
    /// status it does not know to Failed.
    /// </summary>
    public bool IsFinal => Kind is not (JobStatusKind.Accepted or JobStatusKind.Running);

    /// <summary>The HySDS (Mozart) status this WPS status stands for, or null for Deleted and unknown values.</summary>
    public string? HysdsValue => Kind switch
    {
        JobStatusKind.Accepted => "job-queued",
        JobStatusKind.Running => "job-started",
        JobStatusKind.Succeeded => "job-completed",
        JobStatusKind.Failed => "job-failed",
        JobStatusKind.Dismissed => "job-revoked",
        JobStatusKind.Deduped => "job-deduped",
        JobStatusKind.Offline => "job-offline",
        _ => null,
    };

    /// <summary>Maps a HySDS (Mozart) status such as <c>job-completed</c> to its WPS status, as MAAP does.</summary>
    /// <param name="hysdsStatus">The Mozart status, or null for a job Mozart does not know.</param>
    /// <returns>The WPS status; unknown Mozart strings map to Failed, null to Deleted.</returns>
    public static JobStatus FromHysds(string? hysdsStatus) => hysdsStatus switch
    {
        null => Deleted,
        "job-queued" => Accepted,
        "job-started" => Running,
        "job-completed" => Succeeded,
        "job-failed" => Failed,
        "job-revoked" => Dismissed,
        "job-deduped" => Deduped,
        "job-offline" => Offline,
        _ => Failed,
    };

    /// <summary>Returns the known static instance for <paramref name="value"/> without allocating, or a new unknown status.</summary>
    /// <param name="value">The status text.</param>
    /// <returns>The status.</returns>
    public static JobStatus FromWps(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Parse(value) switch
        {
            JobStatusKind.Accepted => Accepted,
            JobStatusKind.Running => Running,
            JobStatusKind.Succeeded => Succeeded,
            JobStatusKind.Failed => Failed,
            JobStatusKind.Dismissed => Dismissed,
            JobStatusKind.Deduped => Deduped,
            JobStatusKind.Offline => Offline,
            JobStatusKind.Deleted => Deleted,
            _ => new JobStatus(value, JobStatusKind.Unknown),
        };
    }

    internal static JobStatusKind Parse(ReadOnlySpan<char> value) => value switch
    {
        "Accepted" => JobStatusKind.Accepted,
        "Running" => JobStatusKind.Running,
        "Succeeded" => JobStatusKind.Succeeded,
        "Failed" => JobStatusKind.Failed,
        "Dismissed" => JobStatusKind.Dismissed,
        "Deduped" => JobStatusKind.Deduped,
        "Offline" => JobStatusKind.Offline,
        "Deleted" => JobStatusKind.Deleted,
        _ => JobStatusKind.Unknown,
    };

    /// <inheritdoc/>
    public bool Equals(JobStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JobStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Compares two statuses by their text.</summary>
    public static bool operator ==(JobStatus left, JobStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by their text.</summary>
    public static bool operator !=(JobStatus left, JobStatus right) => !left.Equals(right);
}
