namespace Maap.Dps.Emulator.Jobs;

/// <summary>A submission the job rules refuse; each protocol words it its own way.</summary>
internal sealed class JobSubmitRejectedException(SubmitRejection reason, string? subject, IReadOnlyList<string> validQueues)
    : Exception($"{reason}: {subject}")
{
    public SubmitRejection Reason { get; } = reason;

    /// <summary>The missing input's name, or the queue asked for (null when none was); null for an unknown algorithm.</summary>
    public string? Subject { get; } = subject;

    /// <summary>The queues the caller may use, for the message that lists them.</summary>
    public IReadOnlyList<string> ValidQueues { get; } = validQueues;
}
