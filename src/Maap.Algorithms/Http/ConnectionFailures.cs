using System.Net;
using System.Net.Sockets;

namespace Maap.Algorithms.Http;

/// <summary>
/// Which network failures are worth a retry, and what a person should do about the others. A refused connection, an
/// unknown host or a TLS handshake against a plain-HTTP server will fail the same way a second later, so they fail at
/// once, with the likely cause in the message instead of the socket's words alone.
/// </summary>
internal static class ConnectionFailures
{
    public static bool IsTransient(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError => false,
        HttpRequestError.ConnectionError => !IsRefused(ex),
        _ => true,
    };

    /// <summary>The same failure, with the URL's host and what to check; the original stays the inner exception.</summary>
    public static HttpRequestException Explain(HttpRequestException ex, Uri url)
    {
        var server = url.GetLeftPart(UriPartial.Authority);
        var local = url.IsLoopback;
        var hint = ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError =>
                $"The host name '{url.Host}' could not be resolved: check the host (MaapClientOptions.Host or MAAP_API_HOST).",
            HttpRequestError.SecureConnectionError when url.Scheme == Uri.UriSchemeHttps && (local || !url.IsDefaultPort) =>
                $"No TLS connection to {server} could be made. A local emulator speaks plain HTTP: use http://{url.Authority}.",
            HttpRequestError.SecureConnectionError =>
                $"No TLS connection to {server} could be made: check the host and its scheme.",
            HttpRequestError.ConnectionError when IsRefused(ex) && local =>
                $"Nothing is listening at {server} (connection refused). Is the emulator running? Start one with 'maap emulator start'.",
            HttpRequestError.ConnectionError when IsRefused(ex) =>
                $"{server} refused the connection: check the host and port.",
            _ => null,
        };
        return hint is null ? ex : new HttpRequestException(ex.HttpRequestError, hint, ex, ex.StatusCode);
    }

    /// <summary>What to do about a 401, depending on whether this request carried a credential at all.</summary>
    public static string UnauthorizedHint(bool credentialSent) => credentialSent
        ? "MAAP did not accept the credential: it may have expired or belong to another MAAP environment."
        : "No credential was sent: set MAAP_PGT, or MaapClientOptions.PersonalAccessToken or ProxyTicket.";

    private static bool IsRefused(HttpRequestException ex) =>
        ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}
