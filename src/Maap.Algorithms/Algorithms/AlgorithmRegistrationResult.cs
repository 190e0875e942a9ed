using System.Text.Json;

namespace Maap.Algorithms;

/// <summary>MAAP's answer to a registration: the build pipeline it started for the algorithm's container.</summary>
public sealed class AlgorithmRegistrationResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="jobType">The job type registered.</param>
    /// <param name="pipeline">The build pipeline object MAAP returned (GitLab's), or an undefined element when none.</param>
    public AlgorithmRegistrationResult(string jobType, JsonElement pipeline)
    {
        JobType = jobType ?? throw new ArgumentNullException(nameof(jobType));
        Pipeline = pipeline;
    }

    /// <summary>The job type registered, <c>job-{name}:{version}</c>.</summary>
    public string JobType { get; }

    /// <summary>The build pipeline object as MAAP returned it.</summary>
    public JsonElement Pipeline { get; }

    /// <summary>The pipeline's web page, if MAAP sent one.</summary>
    public string? PipelineUrl => Pipeline.ValueKind == JsonValueKind.Object && Pipeline.TryGetProperty("web_url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;

    /// <summary>The pipeline's status, if MAAP sent one.</summary>
    public string? PipelineStatus => Pipeline.ValueKind == JsonValueKind.Object && Pipeline.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null;

    /// <inheritdoc/>
    public override string ToString() => JobType;
}
