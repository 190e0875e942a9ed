using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Maap.Algorithms;

/// <summary>
/// Binds the plain settings of <see cref="MaapClientOptions"/> from configuration by hand: reflection-free, so it
/// stays trim- and AOT-safe, and it never touches the runtime-only members (credential object, logger, clock).
/// </summary>
internal static class MaapClientOptionsBinder
{
    public static void Bind(IConfiguration configuration, MaapClientOptions options)
    {
        options.Host = configuration[nameof(MaapClientOptions.Host)] ?? options.Host;
        options.ProxyTicket = configuration[nameof(MaapClientOptions.ProxyTicket)] ?? options.ProxyTicket;
        options.PersonalAccessToken = configuration[nameof(MaapClientOptions.PersonalAccessToken)] ?? options.PersonalAccessToken;
        if (configuration[nameof(MaapClientOptions.JobProtocol)] is { } protocol)
        {
            options.JobProtocol = Enum.Parse<MaapJobProtocol>(protocol, ignoreCase: true);
        }

        options.MaxRetries = Int(configuration, nameof(MaapClientOptions.MaxRetries)) ?? options.MaxRetries;
        options.RetryDelay = Time(configuration, nameof(MaapClientOptions.RetryDelay)) ?? options.RetryDelay;
        options.MaxResponseBytes = Int(configuration, nameof(MaapClientOptions.MaxResponseBytes)) ?? options.MaxResponseBytes;

        var wait = configuration.GetSection(nameof(MaapClientOptions.Wait));
        options.Wait.InitialDelay = Time(wait, nameof(JobWaitOptions.InitialDelay)) ?? options.Wait.InitialDelay;
        options.Wait.MaxDelay = Time(wait, nameof(JobWaitOptions.MaxDelay)) ?? options.Wait.MaxDelay;
        options.Wait.Timeout = Time(wait, nameof(JobWaitOptions.Timeout)) ?? options.Wait.Timeout;
        options.Wait.DeletedGracePeriod = Time(wait, nameof(JobWaitOptions.DeletedGracePeriod)) ?? options.Wait.DeletedGracePeriod;
    }

    private static int? Int(IConfiguration configuration, string key) =>
        configuration[key] is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    private static TimeSpan? Time(IConfiguration configuration, string key) =>
        configuration[key] is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;
}
