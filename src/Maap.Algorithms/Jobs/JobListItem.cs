namespace Maap.Algorithms;

/// <summary>One job in a list: its id and tags, and MAAP's full document when details were requested.</summary>
public sealed class JobListItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="id">The job id.</param>
    /// <param name="tags">The job's tags, as MAAP sent them (the compact form keeps duplicates).</param>
    /// <param name="details">The detailed job document, or null when details were not requested.</param>
    public JobListItem(string id, IReadOnlyList<string> tags, JobDetails? details)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Tags = tags ?? throw new ArgumentNullException(nameof(tags));
        Details = details;
    }

    /// <summary>The job id.</summary>
    public string Id { get; }

    /// <summary>The job's tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The detailed job document, when <see cref="JobListQuery.IncludeDetails"/> was set.</summary>
    public JobDetails? Details { get; }

    /// <inheritdoc/>
    public override string ToString() => Details is { } d ? $"{Id} ({d.Status})" : Id;
}
