namespace Maap.Algorithms.Protocol.Ogc;

/// <summary>The OGC job API's status words (OGC spec §4.1), one mapping each way.</summary>
internal static class OgcStatuses
{
    /// <summary>
    /// The status for an OGC <c>status</c> value. MAAP sends <c>null</c> for a HySDS state it has no word for; that
    /// stays an unknown status (not final), so a wait keeps polling instead of stopping on it.
    /// </summary>
    public static JobStatus Read(string? text) => text switch
    {
        "accepted" => JobStatus.Accepted,
        "running" => JobStatus.Running,
        "successful" => JobStatus.Succeeded,
        "failed" => JobStatus.Failed,
        "dismissed" => JobStatus.Dismissed,
        "deduped" => JobStatus.Deduped,
        "offline" => JobStatus.Offline,
        "deleted" => JobStatus.Deleted,
        null => new JobStatus(JobStatusKind.Unknown, "null"),
        _ => new JobStatus(JobStatusKind.Unknown, text),
    };

    /// <summary>
    /// The OGC word for a list filter. <c>deleted</c> is missing on purpose: MAAP answers that filter with a 400
    /// whose text is null, so it is refused before any request.
    /// </summary>
    public static string? WriteFilter(JobStatusKind kind) => kind switch
    {
        JobStatusKind.Accepted => "accepted",
        JobStatusKind.Running => "running",
        JobStatusKind.Succeeded => "successful",
        JobStatusKind.Failed => "failed",
        JobStatusKind.Dismissed => "dismissed",
        JobStatusKind.Deduped => "deduped",
        JobStatusKind.Offline => "offline",
        _ => null,
    };
}
