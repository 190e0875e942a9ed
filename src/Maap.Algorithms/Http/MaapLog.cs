using Microsoft.Extensions.Logging;

namespace Maap.Algorithms.Http;

/// <summary>
/// Every log line the client writes. Parameters are ids, paths, statuses and timings only: no header, body,
/// query string, token or secret value ever reaches a logger.
/// </summary>
internal static partial class MaapLog
{
    [LoggerMessage(1, LogLevel.Debug, "{Operation}: {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void RequestCompleted(ILogger logger, string operation, string method, string path, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(2, LogLevel.Warning, "{Operation}: {Method} {Path} failed ({Reason}); retry {Attempt} of {MaxRetries} in {DelayMilliseconds} ms")]
    public static partial void RequestRetrying(ILogger logger, string operation, string method, string path, string reason, int attempt, int maxRetries, long delayMilliseconds);

    [LoggerMessage(3, LogLevel.Information, "MAAP API root is {ApiRoot} (configuration from {ConfigUrl})")]
    public static partial void EndpointsDiscovered(ILogger logger, string apiRoot, string configUrl);

    [LoggerMessage(4, LogLevel.Information, "Submitted {AlgorithmId}:{AlgorithmVersion} on queue {Queue} as job {JobId}")]
    public static partial void JobSubmitted(ILogger logger, string algorithmId, string algorithmVersion, string queue, string jobId);

    [LoggerMessage(5, LogLevel.Information, "Job {JobId} is {Status} (was {PreviousStatus})")]
    public static partial void JobStatusChanged(ILogger logger, string jobId, string status, string previousStatus);

    [LoggerMessage(6, LogLevel.Information, "Cancel of job {JobId} accepted")]
    public static partial void JobCancelRequested(ILogger logger, string jobId);

    [LoggerMessage(7, LogLevel.Warning, "{Operation}: {Method} {Path} answered {StatusCode}")]
    public static partial void RequestFailed(ILogger logger, string operation, string method, string path, int statusCode);

    [LoggerMessage(8, LogLevel.Warning, "Polling job {JobId} failed ({Reason}); polling goes on")]
    public static partial void PollFailed(ILogger logger, string jobId, string reason);

    [LoggerMessage(9, LogLevel.Debug, "{AlgorithmId}:{AlgorithmVersion} runs over {Protocol} ({Reason})")]
    public static partial void JobProtocolChosen(ILogger logger, string algorithmId, string algorithmVersion, string protocol, string reason);
}
