using System.Diagnostics.CodeAnalysis;

namespace Maap.Algorithms;

/// <summary>
/// A DPS job status, the same whichever MAAP API reported it. Known states compare equal by <see cref="Kind"/>
/// (WPS <c>Succeeded</c>, OGC <c>successful</c> and HySDS <c>job-completed</c> are all <see cref="Succeeded"/>); the
/// server's own text stays on <see cref="Value"/>. A state this library does not know keeps its text and compares by
/// it, so a newer server never breaks an older client.
/// </summary>
public readonly struct JobStatus : IEquatable<JobStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status.</summary>
    /// <param name="kind">The state.</param>
    /// <param name="value">The server's text for it; null uses the state's name (<c>Succeeded</c>).</param>
    public JobStatus(JobStatusKind kind, string? value = null)
    {
        if (kind == JobStatusKind.Unknown && string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("An unknown status needs the server's text.", nameof(value));
        }

        Kind = kind;
        _value = value;
    }

    /// <summary>Queued and waiting for a worker.</summary>
    public static JobStatus Accepted { get; } = new(JobStatusKind.Accepted);

    /// <summary>Running on a worker.</summary>
    public static JobStatus Running { get; } = new(JobStatusKind.Running);

    /// <summary>Finished successfully.</summary>
    public static JobStatus Succeeded { get; } = new(JobStatusKind.Succeeded);

    /// <summary>Finished with an error.</summary>
    public static JobStatus Failed { get; } = new(JobStatusKind.Failed);

    /// <summary>Cancelled while running.</summary>
    public static JobStatus Dismissed { get; } = new(JobStatusKind.Dismissed);

    /// <summary>Deduplicated against an earlier identical job.</summary>
    public static JobStatus Deduped { get; } = new(JobStatusKind.Deduped);

    /// <summary>The worker went offline.</summary>
    public static JobStatus Offline { get; } = new(JobStatusKind.Offline);

    /// <summary>Unknown to MAAP: never submitted, or purged by a cancel while queued.</summary>
    public static JobStatus Deleted { get; } = new(JobStatusKind.Deleted);

    /// <summary>The status text exactly as the server sent it, or the state's name for a status made here.</summary>
    public string Value => _value ?? (Kind == JobStatusKind.Unknown ? string.Empty : KindName(Kind));

    /// <summary>The known state this value names, or <see cref="JobStatusKind.Unknown"/>.</summary>
    public JobStatusKind Kind { get; }

    /// <summary>
    /// True when the job will not change state any more: every known state other than Accepted and Running.
    /// </summary>
    /// <remarks>
    /// A status this library does not know is not final: a wait keeps polling (within its timeout) rather than
    /// stopping at the first poll on a word a newer server added, which may well be a state in progress.
    /// </remarks>
    public bool IsFinal => Kind is not (JobStatusKind.Accepted or JobStatusKind.Running or JobStatusKind.Unknown);

    /// <summary>Parses a state's name (<c>Succeeded</c>, <c>running</c>), ignoring case: the names users type.</summary>
    /// <param name="text">The name.</param>
    /// <param name="status">The known status, when the name is one.</param>
    /// <returns>Whether <paramref name="text"/> names a known state.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out JobStatus status)
    {
        foreach (var kind in KnownKinds)
        {
            if (string.Equals(text?.Trim(), KindName(kind), StringComparison.OrdinalIgnoreCase))
            {
                status = new JobStatus(kind);
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Equal when both are the same known state, or both unknown with the same text.</summary>
    /// <param name="other">The other status.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(JobStatus other) =>
        Kind == other.Kind && (Kind != JobStatusKind.Unknown || string.Equals(Value, other.Value, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JobStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Kind == JobStatusKind.Unknown ? StringComparer.Ordinal.GetHashCode(Value) : (int)Kind;

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Compares two statuses by state (by text for unknown ones).</summary>
    /// <param name="left">One status.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(JobStatus left, JobStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by state (by text for unknown ones).</summary>
    /// <param name="left">One status.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(JobStatus left, JobStatus right) => !left.Equals(right);

    private static readonly JobStatusKind[] KnownKinds =
    [
        JobStatusKind.Accepted, JobStatusKind.Running, JobStatusKind.Succeeded, JobStatusKind.Failed,
        JobStatusKind.Dismissed, JobStatusKind.Deduped, JobStatusKind.Offline, JobStatusKind.Deleted,
    ];

    private static string KindName(JobStatusKind kind) => kind switch
    {
        JobStatusKind.Accepted => "Accepted",
        JobStatusKind.Running => "Running",
        JobStatusKind.Succeeded => "Succeeded",
        JobStatusKind.Failed => "Failed",
        JobStatusKind.Dismissed => "Dismissed",
        JobStatusKind.Deduped => "Deduped",
        JobStatusKind.Offline => "Offline",
        JobStatusKind.Deleted => "Deleted",
        _ => kind.ToString(),
    };
}
