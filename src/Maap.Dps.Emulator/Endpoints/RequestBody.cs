using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints;

/// <summary>Reads request bodies with a bound, so no caller can make the emulator buffer without limit.</summary>
internal static class RequestBody
{
    /// <summary>The whole body, or null when it is longer than <paramref name="max"/> bytes.</summary>
    public static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
