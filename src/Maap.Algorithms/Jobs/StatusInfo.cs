namespace Maap.Algorithms;

/// <summary>A job id and its status: what a submission or a status call answers, whichever protocol carried it.</summary>
internal readonly record struct StatusInfo(string JobId, JobStatus Status);
