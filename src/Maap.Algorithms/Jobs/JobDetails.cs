using System.Text.Json;

namespace Maap.Algorithms;

/// <summary>What a detailed job list says about one job, whichever MAAP API listed it.</summary>
public sealed class JobDetails
{
    /// <summary>Creates details.</summary>
    /// <param name="status">The job's status; null when MAAP could not fetch the job's details.</param>
    /// <param name="algorithmId">The algorithm the job ran.</param>
    /// <param name="algorithmVersion">The algorithm's version.</param>
    /// <param name="queue">The queue the job ran on.</param>
    /// <param name="tag">The job's tag.</param>
    /// <param name="timeQueued">When the job was queued.</param>
    /// <param name="timeStarted">When the job started.</param>
    /// <param name="timeEnded">When the job ended.</param>
    /// <param name="products">The products the job staged.</param>
    /// <param name="errorMessage">MAAP's message when it could not fetch this job's details.</param>
    /// <param name="document">The server's whole job document, when it sent one (the WPS list's Mozart document).</param>
    public JobDetails(JobStatus? status, string? algorithmId, string? algorithmVersion, string? queue, string? tag,
        DateTimeOffset? timeQueued, DateTimeOffset? timeStarted, DateTimeOffset? timeEnded,
        IReadOnlyList<JobOutput> products, string? errorMessage, JsonElement? document = null)
    {
        Status = status;
        AlgorithmId = algorithmId;
        AlgorithmVersion = algorithmVersion;
        Queue = queue;
        Tag = tag;
        TimeQueued = timeQueued;
        TimeStarted = timeStarted;
        TimeEnded = timeEnded;
        Products = products ?? throw new ArgumentNullException(nameof(products));
        ErrorMessage = errorMessage;
        Document = document;
    }

    /// <summary>The job's status (the server's own word on <see cref="JobStatus.Value"/>); null when MAAP could not fetch the job's details.</summary>
    public JobStatus? Status { get; }

    /// <summary>The algorithm the job ran.</summary>
    public string? AlgorithmId { get; }

    /// <summary>The algorithm's version.</summary>
    public string? AlgorithmVersion { get; }

    /// <summary>The queue the job ran on.</summary>
    public string? Queue { get; }

    /// <summary>The job's tag.</summary>
    public string? Tag { get; }

    /// <summary>When the job was queued.</summary>
    public DateTimeOffset? TimeQueued { get; }

    /// <summary>When the job started.</summary>
    public DateTimeOffset? TimeStarted { get; }

    /// <summary>When the job ended.</summary>
    public DateTimeOffset? TimeEnded { get; }

    /// <summary>The products the job staged.</summary>
    public IReadOnlyList<JobOutput> Products { get; }

    /// <summary>MAAP's message when it could not fetch this job's details (<c>Failed to get job info</c>); null otherwise.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The server's whole job document as it sent it, for fields this type does not carry; null when it sent none.</summary>
    public JsonElement? Document { get; }
}
