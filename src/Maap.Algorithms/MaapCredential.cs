using System.Net.Http.Headers;

namespace Maap.Algorithms;

/// <summary>
/// How requests authenticate to MAAP. Resolved for every request, so a rotated <c>MAAP_PGT</c> takes effect
/// without a new client. No credential value ever appears in <see cref="ToString"/>, logs or exceptions.
/// A value loses its surrounding white space (a token read from a file usually ends in a newline); one that still
/// holds a control character is refused, since CR or LF in a header value would inject headers.
/// </summary>
public abstract class MaapCredential
{
    /// <summary>Creates a credential.</summary>
    protected MaapCredential()
    {
    }

    /// <summary>No credentials: only the open endpoints (config, job status, result, metrics) work.</summary>
    public static MaapCredential None { get; } = new NoCredential();

    /// <summary>Reads <c>MAAP_PGT</c> on every request and sends it as <c>proxy-ticket</c>, as maap-py does; nothing when unset.</summary>
    public static MaapCredential FromEnvironment() => EnvironmentCredential.Instance;

    /// <summary>A CAS proxy-granting ticket or <c>jwt:…</c> token, sent as the <c>proxy-ticket</c> header.</summary>
    /// <param name="ticket">The ticket; surrounding white space is removed.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The ticket is empty or holds a control character (the message never shows the value).</exception>
    public static MaapCredential ProxyTicket(string ticket)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticket);
        return new HeaderCredential(ProxyTicketHeader, Normalize(ticket, "proxy ticket", nameof(ticket)), "proxy ticket");
    }

    /// <summary>A MAAP personal access token, sent as <c>Authorization: Bearer</c>.</summary>
    /// <param name="token">The token; surrounding white space is removed.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The token is empty or holds a control character (the message never shows the value).</exception>
    public static MaapCredential PersonalAccessToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new BearerCredential(Normalize(token, "personal access token", nameof(token)));
    }

    internal const string ProxyTicketHeader = "proxy-ticket";

    /// <summary>The value without surrounding white space; throws, without the value, if a control character is left.</summary>
    private static string Normalize(string value, string description, string paramName)
    {
        var trimmed = value.Trim();
        if (FindControlCharacter(trimmed) is { } c)
        {
            throw new ArgumentException($"The {description} contains the control character U+{(int)c:X4}, which a header value cannot carry; the value is not shown.", paramName);
        }

        return trimmed;
    }

    private static char? FindControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Adds this credential's header to an outgoing request.</summary>
    /// <param name="headers">The request headers.</param>
    /// <returns>True when a header was added.</returns>
    protected internal abstract bool Apply(HttpRequestHeaders headers);

    /// <inheritdoc/>
    public abstract override string ToString();

    private sealed class NoCredential : MaapCredential
    {
        protected internal override bool Apply(HttpRequestHeaders headers) => false;

        public override string ToString() => "MaapCredential(none)";
    }

    private sealed class EnvironmentCredential : MaapCredential
    {
        public static readonly EnvironmentCredential Instance = new();

        protected internal override bool Apply(HttpRequestHeaders headers)
        {
            var ticket = Environment.GetEnvironmentVariable("MAAP_PGT");
            if (string.IsNullOrWhiteSpace(ticket))
            {
                return false;
            }

            // The rule of ProxyTicket(), but the value is not an argument: a bad one is the environment's state.
            ticket = ticket.Trim();
            if (FindControlCharacter(ticket) is { } c)
            {
                throw new InvalidOperationException($"MAAP_PGT contains the control character U+{(int)c:X4}, which a header value cannot carry; the value is not shown.");
            }

            headers.TryAddWithoutValidation(ProxyTicketHeader, ticket);
            return true;
        }

        public override string ToString() => "MaapCredential(MAAP_PGT from the environment)";
    }

    private sealed class HeaderCredential(string header, string value, string description) : MaapCredential
    {
        protected internal override bool Apply(HttpRequestHeaders headers)
        {
            headers.TryAddWithoutValidation(header, value);
            return true;
        }

        public override string ToString() => $"MaapCredential({description}, redacted)";
    }

    private sealed class BearerCredential(string token) : MaapCredential
    {
        private readonly AuthenticationHeaderValue _header = new("Bearer", token);

        protected internal override bool Apply(HttpRequestHeaders headers)
        {
            headers.Authorization = _header;
            return true;
        }

        public override string ToString() => "MaapCredential(personal access token, redacted)";
    }
}
