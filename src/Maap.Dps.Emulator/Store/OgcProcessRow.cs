namespace Maap.Dps.Emulator.Store;

/// <summary>A row of MAAP's <c>process</c> table (<c>maap-ogc-spec.md</c> §5): one deployment of id:version by one deployer.</summary>
/// <param name="ProcessId">The auto-increment integer processID.</param>
/// <param name="Id">The CWL Workflow id.</param>
/// <param name="Version">The CWL <c>s:version</c>.</param>
/// <param name="Deployer">The user who deployed it.</param>
/// <param name="Status"><c>deployed</c> or <c>undeployed</c>.</param>
/// <param name="Cwl">The CWL document deployed last (a PUT replaces it).</param>
/// <param name="CwlLink">The <c>executionUnit.href</c> it came from, or null for <c>cwlRawText</c>.</param>
/// <param name="LastModified">A naive <c>isoformat()</c> time, as MAAP shows <c>lastModifiedTime</c>.</param>
internal sealed record OgcProcessRow(int ProcessId, string Id, string Version, string Deployer, string Status, string Cwl, string? CwlLink, string? LastModified);
