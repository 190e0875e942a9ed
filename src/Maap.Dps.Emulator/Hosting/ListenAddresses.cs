using System.Net;
using System.Net.Sockets;

namespace Maap.Dps.Emulator.Hosting;

/// <summary>The addresses an emulator listens on, and the one message for an address another process holds.</summary>
internal static class ListenAddresses
{
    /// <summary>
    /// Fails when a fixed port of <paramref name="urls"/> is already taken, before a foreground emulator creates its
    /// data directory. Kestrel's own bind failure (<see cref="InUse"/>) still covers a port taken after this check.
    /// </summary>
    public static void ThrowIfInUse(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port == 0 || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
            {
                continue;
            }

            try
            {
                using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(address, uri.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw InUse(urls, e);
            }
        }
    }

    public static IOException InUse(string urls, Exception cause) => new(
        $"Cannot listen on {urls}: the port is in use (another emulator?). Choose another port, or port 0 for any free one (--urls http://127.0.0.1:0).",
        cause);
}
