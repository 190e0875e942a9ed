using System.Buffers;
using System.Net;
using System.Text;

namespace Maap.Algorithms.Http;

/// <summary>
/// Reads a response body as text, never more than a byte limit: a larger body (by its <c>Content-Length</c>, or
/// once the bytes read pass the limit) is a <see cref="MaapProtocolException"/>. The limit holds for any
/// <see cref="HttpClient"/>, one the caller supplied included, and after automatic decompression.
/// </summary>
internal static class MaapBodyReader
{
    // The most bytes one array can hold, less one so a body one byte over the limit can still be seen.
    private const long MaxArrayBytes = 0x7FFFFFC7 - 1;
    private const int UnknownLengthFirstBuffer = 4096;
    private const int ExcerptBytes = 1024;

    /// <summary>Reads the body; throws <see cref="MaapProtocolException"/> when it is over <paramref name="maxBytes"/>.</summary>
    /// <exception cref="HttpRequestException">The connection failed while the body was read.</exception>
    public static async Task<string> ReadAsync(HttpResponseMessage response, long maxBytes, MaapRequest request, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, MaxArrayBytes);
        var content = response.Content;
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new MaapProtocolException($"{request.Operation}: the response body has {declared} bytes, over the limit of {limit}", response.StatusCode);
        }

        // A known length reads into one buffer of that size (plus one byte, to see a body longer than it said).
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared + 1 ?? UnknownLengthFirstBuffer, limit + 1));
        try
        {
            var length = 0;
            using (var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
                    }

                    int read;
                    try
                    {
                        read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    }
                    catch (IOException ex)
                    {
                        // As HttpClient reports a body that broke off while it buffered it, so the retry policy sees it alike.
                        throw new HttpRequestException((ex as HttpIOException)?.HttpRequestError ?? HttpRequestError.Unknown, "The connection failed while the response body was read.", ex);
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > limit)
                    {
                        throw new MaapProtocolException(
                            $"{request.Operation}: the response body is over the limit of {limit} bytes",
                            response.StatusCode,
                            request.SensitiveBody ? MaapResponse.RedactedExcerpt : MaapResponse.MakeExcerpt(Decode(buffer.AsSpan(0, Math.Min(length, ExcerptBytes)), content.Headers.ContentType?.CharSet)));
                    }
                }
            }

            return Decode(buffer.AsSpan(0, length), content.Headers.ContentType?.CharSet);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>Decodes as <see cref="HttpContent.ReadAsStringAsync()"/> does: the declared charset, else a byte order mark, else UTF-8.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        var encoding = charset is null ? null : FindEncoding(charset);
        if (encoding is null)
        {
            encoding = DetectByteOrderMark(bytes) ?? Encoding.UTF8;
        }

        var preamble = encoding.Preamble;
        if (preamble.Length > 0 && bytes.StartsWith(preamble))
        {
            bytes = bytes[preamble.Length..];
        }

        return encoding.GetString(bytes);
    }

    private static Encoding? FindEncoding(string charset)
    {
        try
        {
            // A quoted charset ("utf-8") is legal in Content-Type.
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            // An unknown charset: read the bytes as UTF-8 (or by their byte order mark) rather than fail.
            return null;
        }
    }

    private static Encoding? DetectByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8,
        [0xFF, 0xFE, 0x00, 0x00, ..] => Encoding.UTF32,
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };
}
