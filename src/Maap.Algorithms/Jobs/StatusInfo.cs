namespace Maap.Algorithms;

/// <summary>
/// A job id and its status: what a submission or a status call answers, whichever protocol carried it. A submission
/// also names the protocol that carried it (<see cref="Handler"/>), so the job's handle keeps speaking it.
/// </summary>
internal readonly record struct StatusInfo(string JobId, JobStatus Status)
{
    /// <summary>The protocol that carried the submission, when it is not the one the client was asked for.</summary>
    public JobProtocol? Handler { get; init; }
}
