using System.Net;

namespace Maap.Algorithms;

/// <summary>MAAP answered with a success status but a body this library cannot read as the documented shape.</summary>
public sealed class MaapProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what was wrong.</param>
    /// <param name="status">The HTTP status of the response, when there was one.</param>
    /// <param name="bodyExcerpt">The start of the response body (already redacted where it could hold a secret).</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public MaapProtocolException(string message, HttpStatusCode? status = null, string? bodyExcerpt = null, Exception? innerException = null)
        : base(Format(message, status, bodyExcerpt), innerException)
    {
        Status = status;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The HTTP status of the response, when there was one.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The first characters of the response body.</summary>
    public string? BodyExcerpt { get; }

    private static string Format(string message, HttpStatusCode? status, string? bodyExcerpt)
    {
        var text = status is { } s ? $"{message} (HTTP {(int)s})" : message;
        return bodyExcerpt is null ? text : $"{text}. Body starts: {bodyExcerpt}";
    }
}
