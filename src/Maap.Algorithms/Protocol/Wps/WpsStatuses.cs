namespace Maap.Algorithms.Protocol.Wps;

/// <summary>The WPS job API's status words (spec §4), one mapping each way.</summary>
internal static class WpsStatuses
{
    /// <summary>The status for a <c>wps:Status</c> text; a word MAAP did not define is kept as an unknown status.</summary>
    public static JobStatus Read(string text)
    {
        var kind = KindOf(text);
        // The known words come back as the shared instances, so a status poll allocates nothing for them.
        return kind switch
        {
            JobStatusKind.Accepted => JobStatus.Accepted,
            JobStatusKind.Running => JobStatus.Running,
            JobStatusKind.Succeeded => JobStatus.Succeeded,
            JobStatusKind.Failed => JobStatus.Failed,
            JobStatusKind.Dismissed => JobStatus.Dismissed,
            JobStatusKind.Deduped => JobStatus.Deduped,
            JobStatusKind.Offline => JobStatus.Offline,
            JobStatusKind.Deleted => JobStatus.Deleted,
            _ => new JobStatus(JobStatusKind.Unknown, text),
        };
    }

    /// <summary>The WPS word for a state, as MAAP's list filter takes it.</summary>
    public static string Write(JobStatusKind kind) => kind switch
    {
        JobStatusKind.Accepted => "Accepted",
        JobStatusKind.Running => "Running",
        JobStatusKind.Succeeded => "Succeeded",
        JobStatusKind.Failed => "Failed",
        JobStatusKind.Dismissed => "Dismissed",
        JobStatusKind.Deduped => "Deduped",
        JobStatusKind.Offline => "Offline",
        JobStatusKind.Deleted => "Deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "WPS has no word for this status."),
    };

    private static JobStatusKind KindOf(string text) => text switch
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
}
