using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Endpoints.Wps;

/// <summary>The WPS status names MAAP gives HySDS job states (spec §4), both ways.</summary>
internal static class WpsStatus
{
    public const string Accepted = "Accepted";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";

    /// <summary>The WPS name of a HySDS state; a job that does not exist (null) is <c>Deleted</c>.</summary>
    public static string FromState(string? hysds) => hysds switch
    {
        JobState.Queued => Accepted,
        JobState.Started => Running,
        JobState.Completed => Succeeded,
        JobState.Failed => "Failed",
        JobState.Revoked => "Dismissed",
        JobState.Deduped => "Deduped",
        JobState.Offline => "Offline",
        null => "Deleted",
        _ => "Failed",
    };

    /// <summary>Maps a WPS filter name to a HySDS state; <c>Deleted</c> means "no filter". Case-sensitive like MAAP.</summary>
    public static bool TryToState(string wps, out string? hysds)
    {
        hysds = wps switch
        {
            Accepted => JobState.Queued,
            Running => JobState.Started,
            Succeeded => JobState.Completed,
            "Failed" => JobState.Failed,
            "Dismissed" => JobState.Revoked,
            "Deduped" => JobState.Deduped,
            "Offline" => JobState.Offline,
            _ => null,
        };
        return hysds is not null || wps == "Deleted";
    }
}
