namespace Maap.Dps.Emulator.Store;

/// <summary>HySDS job states, as Mozart names them (spec §4). Protocols name them their own way at their edge.</summary>
internal static class JobState
{
    public const string Queued = "job-queued";
    public const string Started = "job-started";
    public const string Completed = "job-completed";
    public const string Failed = "job-failed";
    public const string Revoked = "job-revoked";

    /// <summary>A state HySDS has and the emulator never enters: it never finds a duplicate.</summary>
    public const string Deduped = "job-deduped";

    /// <summary>A state HySDS has and the emulator never enters: its workers never go offline.</summary>
    public const string Offline = "job-offline";

    public static bool IsTerminal(string state) => state is not (Queued or Started);
}
