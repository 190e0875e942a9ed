using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Maap.Algorithms.Http;

/// <summary>
/// Sends one <see cref="MaapRequest"/>: attaches the credential (resolved per request), retries idempotent GETs
/// on transient faults with jittered backoff, bounds the body, logs, and traces. It does not interpret bodies.
/// The body is read as a stream through <see cref="MaapBodyReader"/>, so its limit holds for any <see cref="HttpClient"/>
/// and an oversized body is a <see cref="MaapProtocolException"/>, which is never retried.
/// </summary>
internal sealed class MaapPipeline
{
    /// <summary>The longest wait before a retry, whether from the backoff or from the server's <c>Retry-After</c>.</summary>
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    // Each backoff delay is drawn from [0.8, 1.2] x the exponential delay, so clients that failed together do not retry together.
    private const double MinJitter = 0.8;
    private const double MaxJitter = 1.2;

    private readonly HttpClient _http;
    private readonly MaapCredential _credential;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly int _maxRetries;
    private readonly TimeSpan _retryDelay;
    private readonly long _maxResponseBytes;
    private readonly TimeSpan _tryTimeout;

    public MaapPipeline(HttpClient http, MaapClientOptions options, MaapCredential credential, ILogger logger)
    {
        _http = http;
        _credential = credential;
        _logger = logger;
        _time = options.TimeProvider;
        _maxRetries = Math.Max(0, options.MaxRetries);
        _retryDelay = options.RetryDelay;
        _maxResponseBytes = options.MaxResponseBytes;
        // HttpClient.Timeout stops at the headers when the body is streamed; this one covers the whole try.
        _tryTimeout = http.Timeout == Timeout.InfiniteTimeSpan ? options.NetworkTimeout
            : options.NetworkTimeout == Timeout.InfiniteTimeSpan ? http.Timeout
            : TimeSpan.FromTicks(Math.Min(http.Timeout.Ticks, options.NetworkTimeout.Ticks));
    }

    public ILogger Logger => _logger;

    public async Task<MaapResponse> SendAsync(MaapRequest request, CancellationToken cancellationToken)
    {
        using var activity = MaapDiagnostics.ActivitySource.StartActivity(request.Operation, ActivityKind.Client);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("server.address", request.Url.Host);

        for (var attempt = 0; ; attempt++)
        {
            var started = _time.GetTimestamp();
            string? retryReason;
            TimeSpan? retryAfter = null;
            // Real time, like HttpClient's own timer: a try is bounded by the network, not by the polling clock.
            using var tryTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_tryTimeout != Timeout.InfiniteTimeSpan)
            {
                tryTimeout.CancelAfter(_tryTimeout);
            }

            try
            {
                using var message = CreateMessage(request, out var credentialSent);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, tryTimeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    MaapLog.RequestCompleted(_logger, request.Operation, request.Method.Method, request.Url.AbsolutePath, status, (long)_time.GetElapsedTime(started).TotalMilliseconds);
                }

                if (request.IsRetriable && attempt < _maxRetries && IsTransient(response.StatusCode))
                {
                    retryReason = $"HTTP {status}";
                    retryAfter = RetryAfter(response.Headers.RetryAfter);
                }
                else
                {
                    activity?.SetTag("http.response.status_code", status);
                    var result = await ReadAsync(response, request, credentialSent, tryTimeout.Token).ConfigureAwait(false);
                    if (!result.IsSuccess)
                    {
                        activity?.SetStatus(ActivityStatusCode.Error);
                    }

                    return result;
                }
            }
            catch (HttpRequestException ex)
            {
                if (!request.IsRetriable || attempt >= _maxRetries || !ConnectionFailures.IsTransient(ex))
                {
                    throw ConnectionFailures.Explain(ex, request.Url);
                }

                retryReason = ex.HttpRequestError.ToString();
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (!request.IsRetriable || attempt >= _maxRetries)
                {
                    throw new TaskCanceledException($"The request was canceled: one try may take at most {_tryTimeout.TotalSeconds} seconds (MaapClientOptions.NetworkTimeout).", new TimeoutException(ex.Message, ex));
                }

                retryReason = "timeout";
            }

            var delay = BackoffDelay(attempt, retryAfter);
            MaapLog.RequestRetrying(_logger, request.Operation, request.Method.Method, request.Url.AbsolutePath, retryReason, attempt + 1, _maxRetries, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage CreateMessage(MaapRequest request, out bool credentialSent)
    {
        var message = new HttpRequestMessage(request.Method, request.Url)
        {
            Content = request.Content,
            Version = HttpVersion.Version11,
        };
        message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        credentialSent = request.Authenticate && _credential.Apply(message.Headers);
        return message;
    }

    private async Task<MaapResponse> ReadAsync(HttpResponseMessage response, MaapRequest request, bool credentialSent, CancellationToken cancellationToken)
    {
        var body = await MaapBodyReader.ReadAsync(response, _maxResponseBytes, request, cancellationToken).ConfigureAwait(false);
        var result = new MaapResponse(response.StatusCode, body, request.SensitiveBody)
        {
            Hint = response.StatusCode == HttpStatusCode.Unauthorized ? ConnectionFailures.UnauthorizedHint(credentialSent) : null,
        };
        if (!result.IsSuccess && _logger.IsEnabled(LogLevel.Warning))
        {
            // The status only: an error body can echo request data.
            MaapLog.RequestFailed(_logger, request.Operation, request.Method.Method, request.Url.AbsolutePath, (int)response.StatusCode);
        }

        return result;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait <c>Retry-After</c> asks for, as seconds or as an HTTP date on the client's clock.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);

    /// <summary>
    /// The wait before retry <paramref name="attempt"/> + 1: a positive <c>Retry-After</c> up to <see cref="MaxRetryDelay"/>,
    /// else the retry delay doubled per attempt, jittered, and never over <see cref="MaxRetryDelay"/>.
    /// </summary>
    internal TimeSpan BackoffDelay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after < MaxRetryDelay ? after : MaxRetryDelay;
        }

        // The exponent stops at 32 (2^32 ticks is over seven minutes), so the double stays finite and 0 x 2^n stays 0;
        // the base stops where the highest jitter reaches the cap, so capped delays keep their spread.
        var exponential = _retryDelay.Ticks * Math.Pow(2, Math.Clamp(attempt, 0, 32));
        var baseTicks = Math.Min(exponential, MaxRetryDelay.Ticks / MaxJitter);
        var jitter = MinJitter + (Random.Shared.NextDouble() * (MaxJitter - MinJitter));
        return TimeSpan.FromTicks((long)(baseTicks * jitter));
    }

    /// <summary>Creates a request body that is plain UTF-8 text with the given media type.</summary>
    public static HttpContent Text(string text, string mediaType)
    {
        var content = new StringContent(text);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }
}
