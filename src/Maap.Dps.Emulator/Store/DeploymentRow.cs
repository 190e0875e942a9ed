namespace Maap.Dps.Emulator.Store;

/// <summary>A row of MAAP's <c>deployment</c> table (<c>maap-ogc-spec.md</c> §3.15): one deploy or replace request.</summary>
/// <param name="JobId">The integer deploymentJobID.</param>
/// <param name="Created">The varchar <c>YYYY-MM-DD HH:MM:SS.ffffff</c> MAAP writes from <c>datetime.now()</c>.</param>
/// <param name="Status"><c>accepted</c>, <c>running</c>, <c>successful</c> or <c>failed</c>.</param>
/// <param name="Deployer">The user who asked for it.</param>
/// <param name="Id">The CWL Workflow id.</param>
/// <param name="Version">The CWL <c>s:version</c>.</param>
/// <param name="Cwl">The CWL document deployed.</param>
/// <param name="CwlHref">The <c>executionUnit.href</c> it came from, or null for <c>cwlRawText</c>.</param>
/// <param name="Replaces">The processID a PUT replaces, or null for a first deploy.</param>
/// <param name="ProcessId">The processID once the deployment succeeded.</param>
/// <param name="Reported">Whether a GET already answered 201 for its success (201 comes once).</param>
/// <param name="Reason">Why it failed, shown by the emulator's status (MAAP shows the pipeline instead).</param>
internal sealed record DeploymentRow(
    int JobId, string Created, string Status, string Deployer, string Id, string Version, string Cwl, string? CwlHref,
    int? Replaces, int? ProcessId, bool Reported, string? Reason);
