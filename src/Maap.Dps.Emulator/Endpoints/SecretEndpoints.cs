using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints;

/// <summary>
/// <c>/api/members/self/secrets</c> (spec §9, TV-11): per-user secrets, encrypted at rest with ASP.NET Core Data
/// Protection. Values are never logged.
/// </summary>
internal static class SecretEndpoints
{
    public static void Map(WebApplication app)
    {
        var secrets = app.MapAuthenticatedGroup("/api/members/self/secrets");
        secrets.MapGet("", List);
        secrets.MapPost("", AddAsync);
        secrets.MapGet("/{name}", Get);
        secrets.MapDelete("/{name}", Delete);
    }

    private static IResult List(HttpContext context, EmulatorServices services)
    {
        var user = context.AuthenticatedUser();
        var list = new JsonArray();
        foreach (var name in services.Store.ListSecretNames(user.Name))
        {
            list.Add(new JsonObject { ["secret_name"] = name });
        }

        return Responses.Json(list);
    }

    private static async Task<IResult> AddAsync(HttpContext context, EmulatorServices services)
    {
        var user = context.AuthenticatedUser();
        if (!context.Request.HasJsonContentType())
        {
            return Responses.HttpError(StatusCodes.Status415UnsupportedMediaType,
                "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.");
        }

        if (await RequestBody.ReadCappedAsync(context.Request, MaxBodyBytes, context.RequestAborted) is not { } bytes)
        {
            return Responses.CodeMessage(400, $"The request body is larger than the emulator accepts for a secret ({MaxBodyBytes / 1024} KiB).");
        }

        if (ParseObject(bytes) is not { } body)
        {
            return Responses.CodeMessage(400, "Valid JSON body object required.");
        }

        if (NonEmptyString(body, "secret_name") is not { } name)
        {
            return Responses.CodeMessage(400, "secret_name is required.");
        }

        if (NonEmptyString(body, "secret_value") is not { } value)
        {
            return Responses.CodeMessage(400, "secret_value is required.");
        }

        if (NameProblem(name) is { } problem)
        {
            // MAAP stores such a name, but it can then never be read or deleted through a URL path: refuse it now.
            return Responses.CodeMessage(400, problem);
        }

        var added = services.Store.AddSecret(user.Name, name, services.SecretProtector.Protect(value), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return added
            ? Responses.Json(new JsonObject { ["secret_name"] = name })
            : Responses.CodeMessage(400, $"Secret already exists with name {name}. Please delete and re-create the secret to update it's value. ");
    }

    private static IResult Get(string name, HttpContext context, EmulatorServices services)
    {
        var user = context.AuthenticatedUser();
        var protectedValue = services.Store.GetProtectedSecret(user.Name, name);
        if (protectedValue is null)
        {
            return Responses.CodeMessage(404, $"No secret exists with name {name}");
        }

        string value;
        try
        {
            value = services.SecretProtector.Unprotect(protectedValue);
        }
        catch (CryptographicException)
        {
            return Responses.HttpError(500, "An internal server error occurred. Please try again later.");
        }

        return Responses.Json(new JsonObject { ["secret_name"] = name, ["secret_value"] = value });
    }

    private static IResult Delete(string name, HttpContext context, EmulatorServices services)
    {
        var user = context.AuthenticatedUser();
        return services.Store.DeleteSecret(user.Name, name)
            ? Responses.CodeMessage(200, $"Successfully deleted secret {name}")
            : Responses.CodeMessage(400, $"No secret exists with name {name}");
    }

    /// <summary>
    /// The largest secret body accepted. MAAP sets no limit of its own; a secret is a token or a key, and the bound
    /// keeps a client from making the emulator store (and serve to jobs) megabytes per secret.
    /// </summary>
    internal const int MaxBodyBytes = 64 * 1024;

    /// <summary>The longest secret name: the client's limit, and more than any URL path segment needs.</summary>
    internal const int MaxNameLength = 255;

    /// <summary>
    /// The body as one JSON object, or null when it is not: malformed JSON, invalid UTF-8, or a key given twice
    /// (which would otherwise leave which value counts to the parser).
    /// </summary>
    private static JsonElement? ParseObject(byte[] bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null; // the parser checks UTF-8 only when a string is read, which would fail later as a 500
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NonEmptyString(JsonElement body, string key) =>
        body.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>Why a secret with this name could not be addressed as <c>/api/members/self/secrets/{name}</c> afterwards.</summary>
    private static string? NameProblem(string name)
    {
        if (name.Length > MaxNameLength)
        {
            return $"secret_name can have at most {MaxNameLength} characters.";
        }

        if (name is "." or ".." || name.Trim().Length != name.Length)
        {
            return "secret_name cannot be '.' or '..', or start or end with white space: it would not be addressable as a URL path segment.";
        }

        foreach (var c in name)
        {
            if (c is '/' or '\\' || char.IsControl(c))
            {
                return "secret_name cannot contain '/', '\\' or control characters: it would not be addressable as a URL path segment.";
            }
        }

        return null;
    }
}
