namespace Maap.Dps.Emulator.Jobs;

/// <summary>What a cancel did.</summary>
internal enum JobCancelOutcome
{
    /// <summary>The job was still queued and is gone, as if it had never been submitted.</summary>
    PurgedWhileQueued,

    /// <summary>The job was running; it is being revoked and will end revoked.</summary>
    RevokingRunning,

    /// <summary>No such job, or another user's.</summary>
    NotFound,

    /// <summary>The job has ended; an ended job cannot be cancelled.</summary>
    NotCancellable,
}
