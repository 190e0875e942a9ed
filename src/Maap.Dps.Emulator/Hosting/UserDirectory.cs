using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Hosting;

/// <summary>
/// The users the emulator accepts, and the one place requests are authenticated. Headers are evaluated as MAAP does
/// (spec §2.1): only the first one present counts, in the order proxy-ticket, cpticket, Authorization,
/// cas-authorization, dps-token, X-MAAP-API-Key.
/// </summary>
internal sealed class UserDirectory
{
    public const string NoCredentials = "No valid authentication credentials provided or processed.";

    private readonly ConcurrentDictionary<string, EmulatorUser> _byName = new(StringComparer.Ordinal);

    public void Add(EmulatorUser user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Token);
        if (user.Name.Contains('/', StringComparison.Ordinal) || user.Name is "." or "..")
        {
            throw new ArgumentException("A user name must be usable as a path segment.", nameof(user));
        }

        _byName[user.Name] = user;
    }

    public IReadOnlyCollection<EmulatorUser> All => _byName.Values.ToArray();

    public EmulatorUser? FindByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Authenticates a request; on failure returns null and the 401 reason MAAP gives.</summary>
    public EmulatorUser? Authenticate(HttpRequest request, out string failure, out string scheme)
    {
        var h = request.Headers;
        failure = NoCredentials;
        scheme = string.Empty;
        if (h.TryGetValue("proxy-ticket", out var proxyTicket) || h.TryGetValue("cpticket", out proxyTicket))
        {
            scheme = "proxy-ticket";
            failure = "Invalid session or insufficient permissions.";
            return FindByToken(proxyTicket.ToString());
        }

        if (h.TryGetValue("Authorization", out var authorization))
        {
            scheme = "bearer";
            var value = authorization.ToString();
            if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                failure = "Malformed Authorization header.";
                return null;
            }

            failure = "Invalid or expired token.";
            return FindByToken(value["Bearer ".Length..].Trim());
        }

        if (h.ContainsKey("cas-authorization") || h.ContainsKey("dps-token"))
        {
            // Service credentials carry no user; the emulator has no service secret, so they never authenticate.
            return null;
        }

        if (h.TryGetValue("X-MAAP-API-Key", out var apiKey))
        {
            scheme = "api-key";
            failure = "Invalid or expired API key.";
            return FindByToken(apiKey.ToString());
        }

        return null;
    }

    private EmulatorUser? FindByToken(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        var presented = Encoding.UTF8.GetBytes(token);
        foreach (var user in _byName.Values)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(user.Token)))
            {
                return user;
            }
        }

        return null;
    }
}
