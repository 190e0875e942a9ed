namespace Maap.Algorithms;

/// <summary>The DPS job states MAAP reports on its WPS job API (spec §4).</summary>
public enum JobStatusKind
{
    /// <summary>A status string this library does not know; the raw text is on <see cref="JobStatus.Value"/>.</summary>
    Unknown = 0,

    /// <summary>Queued and waiting for a worker (HySDS <c>job-queued</c>).</summary>
    Accepted,

    /// <summary>Running on a worker (HySDS <c>job-started</c>).</summary>
    Running,

    /// <summary>Finished with exit code 0 (HySDS <c>job-completed</c>).</summary>
    Succeeded,

    /// <summary>Finished with a non-zero exit code or was killed (HySDS <c>job-failed</c>).</summary>
    Failed,

    /// <summary>Revoked by a cancel while running (HySDS <c>job-revoked</c>).</summary>
    Dismissed,

    /// <summary>An identical job already existed and deduplication was on (HySDS <c>job-deduped</c>).</summary>
    Deduped,

    /// <summary>The worker went offline (HySDS <c>job-offline</c>).</summary>
    Offline,

    /// <summary>MAAP does not know the id: never submitted, or purged by a cancel while queued.</summary>
    Deleted,
}
