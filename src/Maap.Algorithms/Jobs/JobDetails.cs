using System.Text.Json;

namespace Maap.Algorithms;

/// <summary>The parts of MAAP's detailed (Mozart) job document most callers need; the whole document is on <see cref="Document"/>.</summary>
public sealed class JobDetails
{
    /// <summary>Creates details.</summary>
    /// <param name="document">The Mozart job document as MAAP sent it.</param>
    /// <param name="type">The job type, <c>job-{algorithm}:{version}</c>.</param>
    /// <param name="hysdsStatus">The Mozart status, e.g. <c>job-completed</c>.</param>
    /// <param name="queue">The queue the job ran on.</param>
    /// <param name="tag">The job's tag from its context.</param>
    /// <param name="timeQueued">When the job was queued.</param>
    /// <param name="timeStarted">When the job started.</param>
    /// <param name="timeEnded">When the job ended.</param>
    /// <param name="products">The products the job staged.</param>
    /// <param name="errorMessage">MAAP's message when it could not fetch this job's details.</param>
    public JobDetails(JsonElement document, string? type, string? hysdsStatus, string? queue, string? tag,
        DateTimeOffset? timeQueued, DateTimeOffset? timeStarted, DateTimeOffset? timeEnded,
        IReadOnlyList<JobOutput> products, string? errorMessage)
    {
        Document = document;
        Type = type;
        HysdsStatus = hysdsStatus;
        Queue = queue;
        Tag = tag;
        TimeQueued = timeQueued;
        TimeStarted = timeStarted;
        TimeEnded = timeEnded;
        Products = products ?? throw new ArgumentNullException(nameof(products));
        ErrorMessage = errorMessage;
        Status = hysdsStatus is null && errorMessage is not null ? null : JobStatus.FromHysds(hysdsStatus);
        (AlgorithmId, AlgorithmVersion) = SplitType(type);
    }

    /// <summary>The Mozart job document as MAAP sent it.</summary>
    public JsonElement Document { get; }

    /// <summary>The job type, <c>job-{algorithm}:{version}</c>.</summary>
    public string? Type { get; }

    /// <summary>The algorithm id parsed from <see cref="Type"/>.</summary>
    public string? AlgorithmId { get; }

    /// <summary>The algorithm version parsed from <see cref="Type"/>.</summary>
    public string? AlgorithmVersion { get; }

    /// <summary>The Mozart status, e.g. <c>job-completed</c>.</summary>
    public string? HysdsStatus { get; }

    /// <summary>The status in MAAP's WPS terms; null when MAAP could not fetch the job's details.</summary>
    public JobStatus? Status { get; }

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

    private static (string?, string?) SplitType(string? type)
    {
        if (type is null || !type.StartsWith("job-", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var colon = type.LastIndexOf(':');
        return colon < 0 ? (type[4..], null) : (type[4..colon], type[(colon + 1)..]);
    }
}
