using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol.Json;
using Microsoft.Extensions.Logging;

namespace Maap.Algorithms.Protocol;

/// <summary>
/// The MAAP endpoint URLs, discovered from <c>GET /api/environment/config</c> on first use and cached (spec §1).
/// A failed discovery is not cached, so the next call tries again.
/// </summary>
internal sealed class MaapEndpoints
{
    private const string DefaultConfigEndpoint = "api/environment/config";
    private readonly object _gate = new();
    private readonly Uri _configUrl;
    private Task<ResolvedEndpoints>? _resolved;

    public MaapEndpoints(string? host)
    {
        _configUrl = BuildConfigUrl(host);
    }

    /// <summary>The configuration URL, from the host rules of maap-py's config reader.</summary>
    public Uri ConfigUrl => _configUrl;

    public Task<ResolvedEndpoints> GetAsync(MaapPipeline pipeline, CancellationToken cancellationToken)
    {
        var resolved = _resolved;
        if (resolved is { IsCompletedSuccessfully: true })
        {
            return resolved;
        }

        lock (_gate)
        {
            if (_resolved is null || _resolved.IsFaulted || _resolved.IsCanceled)
            {
                // Discovery runs detached from the first caller's token so one cancelled caller cannot fail the rest.
                _resolved = DiscoverAsync(pipeline);
            }

            return _resolved.WaitAsync(cancellationToken);
        }
    }

    internal static Uri BuildConfigUrl(string? host)
    {
        host = string.IsNullOrWhiteSpace(host) ? Environment.GetEnvironmentVariable("MAAP_API_HOST") : host;
        host = string.IsNullOrWhiteSpace(host) ? MaapClientOptions.DefaultHost : host.Trim();
        var configEndpoint = Environment.GetEnvironmentVariable("MAAP_API_CONFIG_ENDPOINT");
        configEndpoint = string.IsNullOrWhiteSpace(configEndpoint) ? DefaultConfigEndpoint : configEndpoint;

        var schemeEnd = host.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var scheme = host[..schemeEnd];
            if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"MAAP host '{host}' has the scheme '{scheme}'; only http and https are supported.", nameof(host));
            }

            if (!Uri.TryCreate(host, UriKind.Absolute, out var hostUri))
            {
                throw new ArgumentException($"MAAP host '{host}' is not a valid URL.", nameof(host));
            }

            return new Uri(hostUri, configEndpoint);
        }

        var defaultScheme = Environment.GetEnvironmentVariable("MAAP_API_HOST_SCHEME");
        defaultScheme = string.IsNullOrWhiteSpace(defaultScheme) ? "https" : defaultScheme;
        var text = $"{defaultScheme}://{host.TrimEnd('/')}/{configEndpoint.TrimStart('/')}";
        return Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : throw new ArgumentException($"MAAP host '{host}' does not make a valid URL.", nameof(host));
    }

    private async Task<ResolvedEndpoints> DiscoverAsync(MaapPipeline pipeline)
    {
        var response = await pipeline.SendAsync(new MaapRequest(HttpMethod.Get, _configUrl, "Environment.GetConfig") { Authenticate = false }, CancellationToken.None).ConfigureAwait(false);
        var config = response.ReadJson(MaapJsonContext.Default.ClientConfigDocument, "Expected the MAAP configuration JSON object");
        var resolved = ResolvedEndpoints.From(_configUrl, config);
        MaapLog.EndpointsDiscovered(pipeline.Logger, resolved.ApiRoot.ToString(), _configUrl.ToString());
        return resolved;
    }
}

/// <summary>The endpoint URLs the client calls, each without a trailing slash.</summary>
internal sealed class ResolvedEndpoints
{
    private ResolvedEndpoints(Uri apiRoot, string dpsJob, string member, string algorithm, string processesOgc, string deploymentJobsOgc, string jobsOgc)
    {
        ApiRoot = apiRoot;
        DpsJob = dpsJob;
        Member = member;
        Algorithm = algorithm;
        ProcessesOgc = processesOgc;
        DeploymentJobsOgc = deploymentJobsOgc;
        JobsOgc = jobsOgc;
    }

    /// <summary>The API root with a trailing slash: the server's path on the config URL's scheme and host (as maap-py rewrites it).</summary>
    public Uri ApiRoot { get; }

    /// <summary>The WPS job endpoint, e.g. <c>https://api.maap-project.org/api/dps/job</c>.</summary>
    public string DpsJob { get; }

    /// <summary>The member endpoint, e.g. <c>…/api/members/self</c>.</summary>
    public string Member { get; }

    /// <summary>The algorithm registry endpoint, e.g. <c>…/api/mas/algorithm</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The OGC processes endpoint (<c>processes_ogc</c>), e.g. <c>…/api/ogc/processes</c>.</summary>
    public string ProcessesOgc { get; }

    /// <summary>The OGC deployment jobs endpoint (<c>deployment_jobs_ogc</c>), e.g. <c>…/api/ogc/deploymentJobs</c>.</summary>
    public string DeploymentJobsOgc { get; }

    /// <summary>The OGC jobs endpoint (<c>jobs_ogc</c>), e.g. <c>…/api/ogc/jobs</c>.</summary>
    public string JobsOgc { get; }

    /// <summary>
    /// An href the server sent. MAAP's hrefs are relative and lack <c>/api</c> (<c>/ogc/processes/12</c>), so they are
    /// joined to the API root, never resolved against the request URL; an absolute href is kept as it is.
    /// </summary>
    public Uri ResolveHref(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute;
        }

        return new Uri(ApiRoot, href.TrimStart('/'));
    }
    public static ResolvedEndpoints From(Uri configUrl, ClientConfigDocument config)
    {
        var serverRoot = config.Service?.MaapApiRoot;
        var path = "/api";
        if (!string.IsNullOrWhiteSpace(serverRoot))
        {
            path = Uri.TryCreate(serverRoot, UriKind.Absolute, out var rootUri) ? rootUri.AbsolutePath : serverRoot;
        }

        var apiRoot = new Uri(configUrl.GetLeftPart(UriPartial.Authority) + "/" + path.Trim('/') + "/");
        string Endpoint(string key, string fallback)
        {
            var relative = config.MaapEndpoint is { } map && map.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : fallback;
            return new Uri(apiRoot, relative.Trim('/')).ToString().TrimEnd('/');
        }

        return new ResolvedEndpoints(
            apiRoot,
            Endpoint("dps_job", "dps/job"),
            Endpoint("member", "members/self"),
            Endpoint("algorithm_register", "mas/algorithm"),
            Endpoint("processes_ogc", "ogc/processes"),
            Endpoint("deployment_jobs_ogc", "ogc/deploymentJobs"),
            Endpoint("jobs_ogc", "ogc/jobs"));
    }
}
