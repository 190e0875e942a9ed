using System.Net;

namespace Maap.Algorithms;

/// <summary>
/// MAAP answered with an error. Parsed from all three of MAAP's error bodies: the WPS
/// <c>ows:ExceptionReport</c> (often labelled text/html), <c>{"code","message"}</c>, and OGC problem JSON.
/// </summary>
public class MaapRequestFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status MAAP answered with.</param>
    /// <param name="errorCode">MAAP's error code: the WPS <c>exceptionCode</c>, the JSON <c>code</c>, or the OGC <c>type</c>.</param>
    /// <param name="serverMessage">MAAP's own message, or null when the body carried none.</param>
    /// <param name="bodyExcerpt">The start of the response body (already redacted where it could hold a secret).</param>
    /// <param name="innerException">The cause, if any.</param>
    public MaapRequestFailedException(HttpStatusCode status, string? errorCode, string? serverMessage, string? bodyExcerpt, Exception? innerException = null)
        : base(FormatMessage(status, errorCode, serverMessage, bodyExcerpt), innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>MAAP's error code, for example <c>FailedJobSubmit</c> or <c>404</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The WPS <c>locator</c> of an exception report, for example <c>Execute</c>.</summary>
    public string? Locator { get; init; }

    /// <summary>MAAP's message, verbatim.</summary>
    public string? ServerMessage { get; }

    /// <summary>The first characters of the response body, for diagnosis.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>What to do about it, when the cause is likely (a 401 without a credential, say); part of <see cref="Message"/>.</summary>
    public string? Hint { get; internal set; }

    /// <inheritdoc />
    public override string Message => Hint is null ? base.Message : $"{base.Message} {Hint}";

    private static string FormatMessage(HttpStatusCode status, string? errorCode, string? serverMessage, string? bodyExcerpt)
    {
        var head = $"MAAP answered {(int)status} ({status})";
        // MAAP often repeats the status as its code ({"code": 400, ...}); saying it twice helps no one.
        if (errorCode is not null && errorCode != ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            head += $" [{errorCode}]";
        }

        if (serverMessage is not null)
        {
            return $"{head}: {serverMessage}";
        }

        return string.IsNullOrEmpty(bodyExcerpt) ? head + " with an empty body." : $"{head}: {bodyExcerpt}";
    }
}
