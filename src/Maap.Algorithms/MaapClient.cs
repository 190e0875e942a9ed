using System.Net;
using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol;
using Maap.Algorithms.Protocol.Ogc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maap.Algorithms;

/// <summary>
/// The MAAP API client: <see cref="Jobs"/>, <see cref="Secrets"/>, <see cref="Algorithms"/>, <see cref="Processes"/> and <see cref="Members"/>.
/// Like maap-py, it finds the host in <c>MAAP_API_HOST</c> and the credential in <c>MAAP_PGT</c> unless
/// <see cref="MaapClientOptions"/> says otherwise. The constructor does no I/O: the endpoint configuration is fetched on
/// first use and cached. Thread-safe; create one and share it.
/// </summary>
public class MaapClient : IDisposable
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> that traces every MAAP call.</summary>
    public const string ActivitySourceName = "Maap.Algorithms";

    private readonly HttpClient? _ownedHttpClient;
    private readonly MaapEndpoints? _endpoints;

    /// <summary>Creates a client with its own HTTP connection pool.</summary>
    /// <param name="options">Settings, copied: changing them afterwards does not change this client. Null reads everything from the environment.</param>
    /// <exception cref="ArgumentException">A setting is out of range or a credential is malformed.</exception>
    public MaapClient(MaapClientOptions? options = null)
        : this(Validated(options), httpClient: null)
    {
    }

    /// <summary>Creates a client over a caller-provided <see cref="HttpClient"/>, which the client does not dispose.</summary>
    /// <param name="httpClient">The HTTP client (for example from <c>IHttpClientFactory</c>).</param>
    /// <param name="options">Settings, copied: changing them afterwards does not change this client. Null reads everything from the environment.</param>
    /// <exception cref="ArgumentException">A setting is out of range or a credential is malformed.</exception>
    public MaapClient(HttpClient httpClient, MaapClientOptions? options = null)
        : this(Validated(options), httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
    }

    /// <summary>For mocking.</summary>
    protected MaapClient()
    {
        Jobs = null!;
        Secrets = null!;
        Algorithms = null!;
        Members = null!;
        Processes = null!;
    }

    private MaapClient(MaapClientOptions options, HttpClient? httpClient)
    {
        // Everything that can throw runs before the client creates its own HttpClient, so nothing is left to dispose.
        _endpoints = new MaapEndpoints(options.Host);
        var credential = options.ResolveCredential();
        _ownedHttpClient = httpClient is null ? CreateHttpClient() : null;
        var logger = (ILogger?)options.LoggerFactory?.CreateLogger("Maap.Algorithms") ?? NullLogger.Instance;
        var pipeline = new MaapPipeline(httpClient ?? _ownedHttpClient!, options, credential, logger);
        var resolver = new OgcProcessResolver(pipeline, _endpoints);
        var protocol = JobProtocolFactory.Create(options.JobProtocol, pipeline, _endpoints, resolver);
        Jobs = new MaapJobsClient(protocol, options, logger);
        Secrets = new MaapSecretsClient(pipeline, _endpoints);
        Algorithms = new MaapAlgorithmsClient(pipeline, _endpoints);
        Members = new MaapMembersClient(pipeline, _endpoints);
        Processes = new MaapProcessesClient(pipeline, _endpoints, resolver, options);
    }

    /// <summary>DPS jobs: submit, reattach, status, result, metrics, cancel, list.</summary>
    public virtual MaapJobsClient Jobs { get; }

    /// <summary>The member's secrets.</summary>
    public virtual MaapSecretsClient Secrets { get; }

    /// <summary>The algorithm registry and queues.</summary>
    public virtual MaapAlgorithmsClient Algorithms { get; }

    /// <summary>The member's profile.</summary>
    public virtual MaapMembersClient Members { get; }

    /// <summary>OGC processes: list, describe, deploy from CWL, deployment status, replace, undeploy, package.</summary>
    public virtual MaapProcessesClient Processes { get; }

    /// <summary>The configuration URL the client discovers endpoints from, e.g. <c>https://api.maap-project.org/api/environment/config</c>.</summary>
    public virtual Uri ConfigurationUrl => _endpoints?.ConfigUrl ?? throw new InvalidOperationException("This client was created for mocking.");

    /// <summary>Releases the connection pool, if the client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    /// <summary>The client's own validated copy of the options: later changes to the caller's object change nothing.</summary>
    private static MaapClientOptions Validated(MaapClientOptions? options)
    {
        var snapshot = options?.Clone() ?? new MaapClientOptions();
        snapshot.Validate();
        return snapshot;
    }

    // MaxResponseBytes is enforced by the pipeline as it reads each body, for this HttpClient and a caller's alike.
    // No HttpClient timeout: MaapClientOptions.NetworkTimeout bounds each try, body included.
    internal static HttpClient CreateHttpClient() => new(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    internal static SocketsHttpHandler CreateHandler() => new()
    {
        // A long-lived client still follows DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    };
}
