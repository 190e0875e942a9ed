using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Processes;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>
/// The body of a deploy or replace (<c>maap-ogc-spec.md</c> §3.2): <c>{"cwlRawText": …}</c> or
/// <c>{"executionUnit": {"href": …}}</c>, the href fetched with a bounded client. Every refusal is MAAP's 400.
/// </summary>
internal sealed record OgcDeployRequest(string CwlText, string? Href)
{
    private const int MaxBodyBytes = 2 * YamlToJson.MaxTextLength;

    /// <summary>Thrown for a body that is not JSON: MAAP's <c>json.loads</c> runs outside its try, so restx answers 500.</summary>
    public sealed class NotJsonException(string message) : Exception(message);

    public static async Task<OgcDeployRequest> ReadAsync(HttpRequest request, HttpClient cwlDownloads, CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(request, cancellationToken);
        if (text.Length == 0)
        {
            throw new ProcessRequestException(400, "Body expected in request");
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new NotJsonException(e.Message);
        }

        var hasUnit = body is JsonObject o1 && o1.ContainsKey("executionUnit");
        var hasRaw = body is JsonObject o2 && o2.ContainsKey("cwlRawText");
        if (hasUnit && hasRaw)
        {
            throw new ProcessRequestException(400, "Cannot pass a request body with a executionUnit and cwlRawText. Must choose one to register.");
        }

        if (!hasUnit && !hasRaw)
        {
            throw new ProcessRequestException(400, "Must pass a request body with a executionUnit or cwlRawText. Other formats not currently supported");
        }

        if (hasRaw)
        {
            return body!["cwlRawText"] is JsonValue raw && raw.GetValueKind() == JsonValueKind.String
                ? new OgcDeployRequest(raw.GetValue<string>(), null)
                : throw ProcessCwlReader.Invalid("cwlRawText must be the CWL document as one string");
        }

        if (body!["executionUnit"] is not JsonObject unit || unit["href"] is not JsonValue hrefValue || hrefValue.GetValueKind() != JsonValueKind.String)
        {
            throw new ProcessRequestException(400, "Request body must contain executionUnit with an href.");
        }

        var href = hrefValue.GetValue<string>();
        return new OgcDeployRequest(await FetchAsync(href, cwlDownloads, cancellationToken), href);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw ProcessCwlReader.Invalid($"the request body is larger than {MaxBodyBytes} bytes");
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>GETs the CWL as <c>requests.get</c> would, with MAAP's messages for a failure; http and https only.</summary>
    private static async Task<string> FetchAsync(string href, HttpClient client, CancellationToken cancellationToken)
    {
        const string Prefix = "Unable to access CWL from the provided href. ";
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ProcessRequestException(400, Prefix + $"Invalid URL '{href}': the MAAP DPS emulator fetches only http and https URLs");
        }

        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status >= 400)
            {
                var kind = status < 500 ? "Client Error" : "Server Error";
                // requests' HTTPError text; MAAP prints "Unknown" for the code (its `if e.response` is false on errors).
                throw new ProcessRequestException(400, Prefix + $"HTTP Unknown: {status} {kind}: {response.ReasonPhrase} for url: {href}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > YamlToJson.MaxTextLength)
                {
                    throw new ProcessRequestException(400, Prefix + $"the document is larger than {YamlToJson.MaxTextLength} bytes");
                }
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ProcessRequestException(400, Prefix + e.Message);
        }
    }
}
