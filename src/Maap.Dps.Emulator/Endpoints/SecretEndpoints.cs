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

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return Responses.CodeMessage(400, "Valid JSON body object required.");
        }

        if (NonEmptyString(body["secret_name"]) is not { } name)
        {
            return Responses.CodeMessage(400, "secret_name is required.");
        }

        if (NonEmptyString(body["secret_value"]) is not { } value)
        {
            return Responses.CodeMessage(400, "secret_value is required.");
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

    private static string? NonEmptyString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;
}
