namespace Maap.Dps.Emulator.Jobs;

/// <summary>What the job routes show of a deployed process.</summary>
/// <param name="ProcessId">MAAP's integer processID.</param>
/// <param name="Title">The CWL Workflow <c>label</c>, or null.</param>
/// <param name="Description">The CWL Workflow <c>doc</c>, or null.</param>
/// <param name="Keywords">The keywords as MAAP's database holds them: one comma string without spaces, or null.</param>
internal sealed record OgcProcessSummary(int ProcessId, string? Title, string? Description, string? Keywords);
