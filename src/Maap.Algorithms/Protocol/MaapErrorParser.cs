using System.Text.Json;
using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Protocol;

/// <summary>
/// Turns a MAAP error response into <see cref="MaapRequestFailedException"/>, whatever family the body is:
/// an <c>ows:ExceptionReport</c> (whatever the content type says), <c>{"code","message"}</c> and its variants,
/// or OGC problem JSON (spec §0).
/// </summary>
internal static class MaapErrorParser
{
    public static MaapRequestFailedException Parse(MaapResponse response)
    {
        var body = response.Body;
        var start = body.AsSpan().TrimStart();
        if (start.StartsWith("<"))
        {
            if (WpsReader.TryReadExceptionReport(body) is { } report)
            {
                return new MaapRequestFailedException(response.Status, report.ExceptionCode, report.Text, response.Excerpt) { Locator = report.Locator };
            }
        }
        else if (start.StartsWith("{"))
        {
            if (TryParseJson(body, out var code, out var message))
            {
                return new MaapRequestFailedException(response.Status, code, message, response.Excerpt);
            }
        }

        return new MaapRequestFailedException(response.Status, null, null, response.Excerpt);
    }

    private static bool TryParseJson(string body, out string? code, out string? message)
    {
        code = null;
        message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            // OGC problem JSON: {"type","title","status","detail","instance"}.
            if (root.TryGetProperty("detail", out var detail) || root.TryGetProperty("title", out _))
            {
                message = Text(detail) ?? Text(root, "title");
                code = Text(root, "type") ?? Text(root, "status");
                return true;
            }

            // {"code","message"}, {"message","code"}, {"message","type"} (debug mode), {"message","status"} (job list).
            message = Text(root, "message");
            code = Text(root, "code") ?? Text(root, "type") ?? Text(root, "status");
            if (root.TryGetProperty("error", out var error) && Text(error) is { } errorText)
            {
                message = message is null ? errorText : $"{message} ({errorText})";
            }

            return message is not null || code is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
