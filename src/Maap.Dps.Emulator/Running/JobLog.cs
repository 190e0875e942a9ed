using Microsoft.Extensions.Logging;

namespace Maap.Dps.Emulator.Running;

/// <summary>Job lifecycle log lines. Ids, types and states only: never tokens, inputs or secret values.</summary>
internal static partial class JobLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Job {JobId} ({JobType}) started on {Queue}")]
    public static partial void Started(ILogger logger, string jobId, string jobType, string queue);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Job {JobId} ({JobType}) ended {Status}, exit code {ExitCode}, {Seconds:F1} s")]
    public static partial void Ended(ILogger logger, string jobId, string jobType, string status, int? exitCode, double seconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Job {JobId} ({JobType}) was running when the emulator stopped; marked Failed")]
    public static partial void Interrupted(ILogger logger, string jobId, string jobType);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Job {JobId} failed and its triage could not be published")]
    public static partial void TriageFailed(ILogger logger, string jobId, Exception error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Job {JobId} ({JobType}) ended {Status} here, but its end was already recorded as {Recorded}; kept that and published nothing")]
    public static partial void AlreadyEnded(ILogger logger, string jobId, string jobType, string status, string recorded);
}
