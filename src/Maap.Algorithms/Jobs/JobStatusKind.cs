namespace Maap.Algorithms;

/// <summary>
/// The states of a DPS job, whichever API reports them. Each protocol maps its own words onto these: WPS
/// (<c>Succeeded</c>), OGC API – Processes (<c>successful</c>) and HySDS/Mozart (<c>job-completed</c>).
/// </summary>
public enum JobStatusKind
{
    /// <summary>A status this library does not know; the raw text is on <see cref="JobStatus.Value"/>.</summary>
    Unknown = 0,

    /// <summary>Queued and waiting for a worker (WPS <c>Accepted</c>, OGC <c>accepted</c>, HySDS <c>job-queued</c>).</summary>
    Accepted,

    /// <summary>Running on a worker (WPS <c>Running</c>, OGC <c>running</c>, HySDS <c>job-started</c>).</summary>
    Running,

    /// <summary>Finished with exit code 0 (WPS <c>Succeeded</c>, OGC <c>successful</c>, HySDS <c>job-completed</c>).</summary>
    Succeeded,

    /// <summary>Finished with a non-zero exit code or was killed (WPS <c>Failed</c>, OGC <c>failed</c>, HySDS <c>job-failed</c>).</summary>
    Failed,

    /// <summary>Revoked by a cancel while running (WPS <c>Dismissed</c>, OGC <c>dismissed</c>, HySDS <c>job-revoked</c>).</summary>
    Dismissed,

    /// <summary>An identical job already existed and deduplication was on (HySDS <c>job-deduped</c>).</summary>
    Deduped,

    /// <summary>The worker went offline (HySDS <c>job-offline</c>).</summary>
    Offline,

    /// <summary>MAAP does not know the id: never submitted, or purged by a cancel while queued.</summary>
    Deleted,
}
