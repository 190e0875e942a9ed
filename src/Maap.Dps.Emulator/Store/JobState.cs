namespace Maap.Dps.Emulator.Store;

/// <summary>HySDS job states, as Mozart names them, and their WPS names (spec §4).</summary>
internal static class JobState
{
    public const string Queued = "job-queued";
    public const string Started = "job-started";
    public const string Completed = "job-completed";
    public const string Failed = "job-failed";
    public const string Revoked = "job-revoked";

    public static string ToWps(string? hysds) => hysds switch
    {
        Queued => "Accepted",
        Started => "Running",
        Completed => "Succeeded",
        Failed => "Failed",
        Revoked => "Dismissed",
        "job-deduped" => "Deduped",
        "job-offline" => "Offline",
        null => "Deleted",
        _ => "Failed",
    };

    /// <summary>Maps a WPS filter name to a HySDS state; <c>Deleted</c> means "no filter". Case-sensitive like MAAP.</summary>
    public static bool TryFromWps(string wps, out string? hysds)
    {
        hysds = wps switch
        {
            "Accepted" => Queued,
            "Running" => Started,
            "Succeeded" => Completed,
            "Failed" => Failed,
            "Dismissed" => Revoked,
            "Deduped" => "job-deduped",
            "Offline" => "job-offline",
            _ => null,
        };
        return hysds is not null || wps == "Deleted";
    }

    public static bool IsTerminal(string state) => state is not (Queued or Started);
}
