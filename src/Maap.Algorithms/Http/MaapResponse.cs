using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
    /// <summary>Whether the body may carry a secret value, so nothing may quote it.</summary>
    public bool IsSensitive { get; } = sensitiveBody;

    /// <summary>What the caller can likely do about this answer (a 401's missing or refused credential), or null.</summary>
    public string? Hint { get; init; }

    public string Excerpt => IsSensitive ? RedactedExcerpt : MakeExcerpt(Body);

    public MaapProtocolException ToProtocolError(string expectation, Exception? inner = null) =>
        new(expectation, Status, Excerpt, inner);

    internal static string MakeExcerpt(string body) =>
        body.Length <= ExcerptLength ? body : string.Concat(body.AsSpan(0, ExcerptLength), "…");
}
