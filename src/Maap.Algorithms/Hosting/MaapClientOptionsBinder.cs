using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Maap.Algorithms;

/// <summary>
/// Binds the plain settings of <see cref="MaapClientOptions"/> from configuration by hand: reflection-free, so it
/// stays trim- and AOT-safe, and it never touches the runtime-only members (credential object, logger, clock).
/// A malformed value throws <see cref="InvalidOperationException"/> naming its configuration path and the value, as
/// <c>ConfigurationBinder</c> does; the credential keys are strings, never parsed, so their values are never shown.
/// </summary>
internal static class MaapClientOptionsBinder
{
    public static void Bind(IConfiguration configuration, MaapClientOptions options)
    {
        options.Host = configuration[nameof(MaapClientOptions.Host)] ?? options.Host;
        options.ProxyTicket = configuration[nameof(MaapClientOptions.ProxyTicket)] ?? options.ProxyTicket;
        options.PersonalAccessToken = configuration[nameof(MaapClientOptions.PersonalAccessToken)] ?? options.PersonalAccessToken;
        options.JobProtocol = Parse<MaapJobProtocol>(configuration, nameof(MaapClientOptions.JobProtocol), "one of " + string.Join(", ", Enum.GetNames<MaapJobProtocol>()), ParseProtocol) ?? options.JobProtocol;
        options.MaxRetries = Parse<int>(configuration, nameof(MaapClientOptions.MaxRetries), "an integer", ParseInt) ?? options.MaxRetries;
        options.RetryDelay = Parse<TimeSpan>(configuration, nameof(MaapClientOptions.RetryDelay), "a time span such as 00:00:00.500", ParseTime) ?? options.RetryDelay;
        options.NetworkTimeout = Parse<TimeSpan>(configuration, nameof(MaapClientOptions.NetworkTimeout), "a time span such as 00:01:40", ParseTime) ?? options.NetworkTimeout;
        options.MaxResponseBytes = Parse<long>(configuration, nameof(MaapClientOptions.MaxResponseBytes), "a whole number of bytes", ParseLong) ?? options.MaxResponseBytes;

        var wait = configuration.GetSection(nameof(MaapClientOptions.Wait));
        options.Wait.InitialDelay = Parse<TimeSpan>(wait, nameof(JobWaitOptions.InitialDelay), "a time span such as 00:00:01", ParseTime) ?? options.Wait.InitialDelay;
        options.Wait.MaxDelay = Parse<TimeSpan>(wait, nameof(JobWaitOptions.MaxDelay), "a time span such as 00:01:04", ParseTime) ?? options.Wait.MaxDelay;
        options.Wait.BackoffFactor = Parse<double>(wait, nameof(JobWaitOptions.BackoffFactor), "a number such as 2.0", ParseDouble) ?? options.Wait.BackoffFactor;
        options.Wait.Jitter = Parse<double>(wait, nameof(JobWaitOptions.Jitter), "a fraction such as 0.2", ParseDouble) ?? options.Wait.Jitter;
        if (wait.GetSection(nameof(JobWaitOptions.Timeout)).Value is { Length: 0 })
        {
            // An empty value is null, as the configuration binder reads a nullable setting: no overall limit.
            options.Wait.Timeout = null;
        }
        else
        {
            options.Wait.Timeout = Parse<TimeSpan>(wait, nameof(JobWaitOptions.Timeout), "a time span such as 2.00:00:00, or empty for no limit", ParseTime) ?? options.Wait.Timeout;
        }

        options.Wait.DeletedGracePeriod = Parse<TimeSpan>(wait, nameof(JobWaitOptions.DeletedGracePeriod), "a time span such as 00:00:30", ParseTime) ?? options.Wait.DeletedGracePeriod;
        options.Wait.MaxConsecutiveErrors = Parse<int>(wait, nameof(JobWaitOptions.MaxConsecutiveErrors), "an integer", ParseInt) ?? options.Wait.MaxConsecutiveErrors;
        options.Wait.ThrowOnFailure = Parse<bool>(wait, nameof(JobWaitOptions.ThrowOnFailure), "true or false", ParseBool) ?? options.Wait.ThrowOnFailure;
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>The value at <paramref name="key"/>, null when absent; a malformed one throws with its path and text.</summary>
    private static T? Parse<T>(IConfiguration configuration, string key, string expected, TryParse<T> parse)
        where T : struct
    {
        var section = configuration.GetSection(key);
        if (section.Value is not { } text)
        {
            return null;
        }

        if (parse(text.Trim(), out var value))
        {
            return value;
        }

        throw new InvalidOperationException($"Configuration value '{text}' at '{section.Path}' is not valid: expected {expected}.");
    }

    private static bool ParseInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static bool ParseLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static bool ParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool ParseBool(string text, out bool value) => bool.TryParse(text, out value);

    private static bool ParseTime(string text, out TimeSpan value) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

    private static bool ParseProtocol(string text, out MaapJobProtocol value) =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]) && text[0] != '-';
}
