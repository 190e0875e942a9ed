namespace Maap.Algorithms;

/// <summary>
/// A deployment job: what a deploy or replace started, and its state as MAAP reports it
/// (<c>GET /api/ogc/deploymentJobs/{id}</c>). Once it succeeds, <see cref="ProcessId"/> names the new process.
/// </summary>
public sealed class ProcessDeployment
{
    /// <summary>The deployment job id (for example <c>57</c>).</summary>
    public string DeploymentId { get; init; } = string.Empty;

    /// <summary>
    /// The status word as sent: <c>accepted</c>, <c>running</c>, <c>successful</c>, <c>failed</c>, or a raw GitLab pipeline
    /// status MAAP passes through (<c>canceled</c>, <c>skipped</c>, <c>created</c>, <c>manual</c>, …).
    /// </summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>The processID, once the deployment succeeded (from <c>processLocation</c>); null before.</summary>
    public string? ProcessId { get; init; }

    /// <summary>The process id (CWL Workflow id), when the answer carried it (deploy and replace answers do).</summary>
    public string? Id { get; init; }

    /// <summary>The process version, when the answer carried it.</summary>
    public string? Version { get; init; }

    /// <summary>The GitLab pipeline page, for people.</summary>
    public string? PipelineUrl { get; init; }

    /// <summary>True when the deployment will not change any more: succeeded, failed, or a GitLab end state such as <c>canceled</c>.</summary>
    public bool IsFinal => Status is not ("accepted" or "running" or "pending" or "created" or "waiting_for_resource" or "preparing" or "scheduled" or "manual" or "");

    /// <summary>True when the deployment succeeded and the process can run jobs.</summary>
    public bool HasSucceeded => Status == "successful";

    /// <inheritdoc/>
    public override string ToString() => $"deployment {DeploymentId}: {Status}{(ProcessId is null ? string.Empty : " (process " + ProcessId + ")")}";
}
