namespace Maap.Algorithms.Protocol.Wps;

/// <summary>HySDS (Mozart) job statuses, as MAAP's detailed job list carries them (spec §8).</summary>
internal static class HysdsStatuses
{
    /// <summary>
    /// The status for a Mozart word, keeping the word as <see cref="JobStatus.Value"/>. As MAAP's own mapping does, an
    /// unknown word is Failed and a missing one (a job Mozart does not know) is Deleted.
    /// </summary>
    public static JobStatus Read(string? hysdsStatus) => hysdsStatus is null
        ? JobStatus.Deleted
        : new JobStatus(hysdsStatus switch
        {
            "job-queued" => JobStatusKind.Accepted,
            "job-started" => JobStatusKind.Running,
            "job-completed" => JobStatusKind.Succeeded,
            "job-failed" => JobStatusKind.Failed,
            "job-revoked" => JobStatusKind.Dismissed,
            "job-deduped" => JobStatusKind.Deduped,
            "job-offline" => JobStatusKind.Offline,
            _ => JobStatusKind.Failed,
        }, hysdsStatus);
}
