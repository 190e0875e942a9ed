using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maap.Algorithms;

/// <summary>Registers <see cref="MaapClient"/> with dependency injection.</summary>
public static class MaapServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses through <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Maap.Algorithms";

    /// <summary>
    /// Registers a singleton <see cref="MaapClient"/> bound to a configuration section
    /// (for example <c>{"Maap": {"Host": "api.maap-project.org", "PersonalAccessToken": "…"}}</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind <see cref="MaapClientOptions"/> from.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddMaapClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MaapClientOptions>().Configure(options => MaapClientOptionsBinder.Bind(configuration, options));
        return services.AddMaapClientCore();
    }

    /// <summary>Registers a singleton <see cref="MaapClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; null keeps the environment defaults.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddMaapClient(this IServiceCollection services, Action<MaapClientOptions>? configure = null)
    {
        var options = services.AddOptions<MaapClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services.AddMaapClientCore();
    }

    private static IHttpClientBuilder AddMaapClientCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(MaapClient.CreateHandler)
            // The singleton client keeps its HttpClient; the handler's own PooledConnectionLifetime handles DNS changes.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Microsoft.Extensions.Http 8 logs every request and response header value at Trace, which would put the
            // proxy-ticket or Authorization value in the logs. All values are redacted, not a list of names: MAAP's
            // credentials travel under several (proxy-ticket, Authorization, cpticket, dps-token, X-MAAP-API-Key),
            // a response can set cookies, and a header added later is covered without anyone remembering this line.
            // Header names still log; 9.0 and later redact every value by default as well.
            .RedactLoggedHeaders(static _ => true);
        services.TryAddSingleton(provider =>
        {
            // A copy: the registered options stay as configured, whoever else reads them.
            var options = provider.GetRequiredService<IOptions<MaapClientOptions>>().Value.Clone();
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
            {
                options.TimeProvider = time;
            }

            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new MaapClient(http, options);
        });
        return builder;
    }
}
