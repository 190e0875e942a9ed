using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>MAAP's HySDS ↔ OGC job status words (<c>maap-ogc-spec.md</c> §4.1, <c>ogc_translate.py</c>).</summary>
internal static class OgcJobStatus
{
    public const string ValidFilterWords = "accepted, running, successful, failed, dismissed, deduped, deleted, offline";

    /// <summary>The OGC word for a HySDS state; null for a state MAAP has no word for.</summary>
    public static string? FromState(string state) => state switch
    {
        JobState.Queued => "accepted",
        JobState.Started => "running",
        JobState.Completed => "successful",
        JobState.Failed => "failed",
        JobState.Revoked => "dismissed",
        JobState.Deduped => "deduped",
        JobState.Offline => "offline",
        _ => null,
    };

    /// <summary>
    /// Reads a <c>status=</c> filter, case-insensitively. False for a word MAAP does not know; true with a null state
    /// for <c>deleted</c>, which MAAP maps to no HySDS state (and then refuses, with an empty message).
    /// </summary>
    public static bool TryToState(string word, out string? state)
    {
        state = word.ToLowerInvariant() switch
        {
            "accepted" => JobState.Queued,
            "running" => JobState.Started,
            "successful" => JobState.Completed,
            "failed" => JobState.Failed,
            "dismissed" => JobState.Revoked,
            "deduped" => JobState.Deduped,
            "offline" => JobState.Offline,
            _ => null,
        };
        return state is not null || word.Equals("deleted", StringComparison.OrdinalIgnoreCase);
    }
}
