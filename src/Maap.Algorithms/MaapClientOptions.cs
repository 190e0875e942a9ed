using Microsoft.Extensions.Logging;

namespace Maap.Algorithms;

/// <summary>Settings for <see cref="MaapClient"/>. Everything left null falls back to the environment, as maap-py does.</summary>
public sealed class MaapClientOptions
{
    /// <summary>The default MAAP API host.</summary>
    public const string DefaultHost = "api.maap-project.org";

    /// <summary>
    /// The MAAP API host, with or without a scheme: <c>api.maap-project.org</c> or <c>http://127.0.0.1:5050</c>.
    /// Null: <c>MAAP_API_HOST</c>, else <see cref="DefaultHost"/>. Without a scheme, <c>MAAP_API_HOST_SCHEME</c> (default https) applies.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>
    /// A proxy ticket sent as <c>proxy-ticket</c>, without surrounding white space. Bindable from configuration; never
    /// logged. One with a control character inside makes the client constructor throw <see cref="ArgumentException"/>.
    /// </summary>
    public string? ProxyTicket { get; set; }

    /// <summary>
    /// A personal access token sent as <c>Authorization: Bearer</c>, without surrounding white space. Bindable from
    /// configuration; never logged. One with a control character inside makes the client constructor throw <see cref="ArgumentException"/>.
    /// </summary>
    public string? PersonalAccessToken { get; set; }

    /// <summary>
    /// The credential, which wins over <see cref="ProxyTicket"/> and <see cref="PersonalAccessToken"/>. Null and no token:
    /// <see cref="MaapCredential.FromEnvironment"/> (<c>MAAP_PGT</c>, read per request).
    /// </summary>
    public MaapCredential? Credential { get; set; }

    /// <summary>Which of MAAP's job APIs to speak: <see cref="MaapJobProtocol.Auto"/> (the default) picks one per algorithm.</summary>
    public MaapJobProtocol JobProtocol { get; set; } = MaapJobProtocol.Auto;

    /// <summary>The most retries <see cref="MaxRetries"/> may ask for.</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>
    /// How often an idempotent GET is retried after a transport error or a 408/429/502/503/504, from 0 to
    /// <see cref="MaxRetriesLimit"/>. Submit and cancel are never retried.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The first retry delay, from zero to 30 seconds; later ones double, with ±20 % jitter, and no wait exceeds
    /// 30 seconds. A <c>Retry-After</c> from the server (seconds or an HTTP date) wins, also up to 30 seconds.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long one try of a request may take, response body included, before it is abandoned (and, for a GET,
    /// retried): positive, or <see cref="Timeout.InfiniteTimeSpan"/> for no limit. A caller-supplied
    /// <see cref="HttpClient"/>'s own <see cref="HttpClient.Timeout"/> applies too. The default is HttpClient's 100 seconds.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The largest response body read, in bytes (positive), counted after decompression and enforced whatever
    /// <see cref="HttpClient"/> the client uses: a larger body fails with <see cref="MaapProtocolException"/>, and is not retried.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The defaults for <see cref="MaapJob.WaitForCompletionAsync(JobWaitOptions?, IProgress{JobStatusChange}?, CancellationToken)"/>.</summary>
    public JobWaitOptions Wait { get; set; } = new();

    /// <summary>The clock for polling, backoff and timeouts. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs. Null: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throws for a setting no client can work with; the client constructor calls it, before any request.</summary>
    internal void Validate()
    {
        if (MaxRetries is < 0 or > MaxRetriesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"MaapClientOptions.MaxRetries must be from 0 to {MaxRetriesLimit}.");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > Http.MaapPipeline.MaxRetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, $"MaapClientOptions.RetryDelay must be from zero to {Http.MaapPipeline.MaxRetryDelay}.");
        }

        if (NetworkTimeout <= TimeSpan.Zero && NetworkTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(NetworkTimeout), NetworkTimeout, "MaapClientOptions.NetworkTimeout must be positive, or Timeout.InfiniteTimeSpan for no limit.");
        }

        if (!Enum.IsDefined(JobProtocol))
        {
            throw new ArgumentException($"Unknown job protocol {JobProtocol}.", nameof(JobProtocol));
        }

        if (MaxResponseBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "MaapClientOptions.MaxResponseBytes must be positive.");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("MaapClientOptions.TimeProvider cannot be null.", nameof(TimeProvider));
        }

        if (Wait is null)
        {
            throw new ArgumentException("MaapClientOptions.Wait cannot be null.", nameof(Wait));
        }

        Wait.Validate();
    }

    /// <summary>
    /// A copy, with its own <see cref="Wait"/>: a client keeps one, so changing the options object after the client
    /// is built changes nothing, and nothing the client does changes the caller's object. Keep it in step with the
    /// properties (a test sets every one).
    /// </summary>
    internal MaapClientOptions Clone() => new()
    {
        Host = Host,
        ProxyTicket = ProxyTicket,
        PersonalAccessToken = PersonalAccessToken,
        Credential = Credential,
        JobProtocol = JobProtocol,
        MaxRetries = MaxRetries,
        RetryDelay = RetryDelay,
        NetworkTimeout = NetworkTimeout,
        MaxResponseBytes = MaxResponseBytes,
        Wait = Wait?.Clone()!,
        TimeProvider = TimeProvider,
        LoggerFactory = LoggerFactory,
    };

    internal MaapCredential ResolveCredential()
    {
        if (Credential is not null)
        {
            return Credential;
        }

        if (!string.IsNullOrWhiteSpace(ProxyTicket))
        {
            return MaapCredential.ProxyTicket(ProxyTicket);
        }

        return !string.IsNullOrWhiteSpace(PersonalAccessToken)
            ? MaapCredential.PersonalAccessToken(PersonalAccessToken)
            : MaapCredential.FromEnvironment();
    }

    /// <summary>Returns a description without any credential.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"MaapClientOptions(Host={Host ?? "(environment)"}, Credential={DescribeCredential()})";

    private string DescribeCredential()
    {
        try
        {
            return ResolveCredential().ToString();
        }
        catch (ArgumentException)
        {
            // ToString must not throw; the exception the client constructor throws says what is wrong.
            return "MaapCredential(invalid, redacted)";
        }
    }
}
