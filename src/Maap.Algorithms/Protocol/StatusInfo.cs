namespace Maap.Algorithms.Protocol;

/// <summary>A job id and status pair, as WPS <c>StatusInfo</c> carries them.</summary>
internal readonly record struct StatusInfo(string JobId, JobStatus Status);
