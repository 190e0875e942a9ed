using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Maap.Algorithms.Protocol;

namespace Maap.Algorithms.Http;

/// <summary>A MAAP answer with its body read.</summary>
internal sealed class MaapResponse(HttpStatusCode status, string body, bool sensitiveBody)
{
    /// <summary>What an exception shows instead of a body that can carry a secret value.</summary>
    public const string RedactedExcerpt = "[redacted: this response can carry a secret value]";

    private const int ExcerptLength = 512;

    public HttpStatusCode Status { get; } = status;

    public string Body { get; } = body;

    public bool IsSuccess => (int)Status is >= 200 and <= 299;

    /// <summary>The start of the body for an exception message, or a redaction notice for bodies that may hold a secret.</summary>
    public string Excerpt => sensitiveBody ? RedactedExcerpt : MakeExcerpt(Body);

    public MaapRequestFailedException ToFailure() => MaapErrorParser.Parse(this);

    public MaapProtocolException ToProtocolError(string expectation, Exception? inner = null) =>
        new(expectation, Status, Excerpt, inner);

    /// <summary>Reads a success body as JSON; an error status becomes its failure, an unreadable body a protocol error.</summary>
    public T ReadJson<T>(JsonTypeInfo<T> type, string expectation)
        where T : class
    {
        if (!IsSuccess)
        {
            throw ToFailure();
        }

        try
        {
            return JsonSerializer.Deserialize(Body, type) ?? throw ToProtocolError(expectation);
        }
        catch (JsonException ex)
        {
            // The parser's message can quote the body: keep it out when the body may hold a secret.
            throw ToProtocolError(expectation, sensitiveBody ? null : ex);
        }
    }

    internal static string MakeExcerpt(string body) =>
        body.Length <= ExcerptLength ? body : string.Concat(body.AsSpan(0, ExcerptLength), "…");
}
