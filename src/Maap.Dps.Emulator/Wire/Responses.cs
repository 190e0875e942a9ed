using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Wire;

/// <summary>The content types MAAP really sends (spec §0): XML success as text/xml, some XML errors as text/html.</summary>
internal static class Responses
{
    public static IResult Xml(string body, int status = StatusCodes.Status200OK) =>
        Results.Text(body, "text/xml", Encoding.UTF8, status);

    /// <summary>An XML error document that MAAP sends without a mimetype, so Flask labels it text/html.</summary>
    public static IResult MislabelledXml(string body, int status) =>
        Results.Text(body, "text/html", Encoding.UTF8, status);

    /// <summary>Escapes only what JSON requires (so <c>it's</c> stays <c>it's</c>, as Python writes it).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode? body, int status = StatusCodes.Status200OK) =>
        Results.Text(body?.ToJsonString(JsonOptions) ?? "null", "application/json", Encoding.UTF8, status);

    public static IResult RawJson(string body, int status = StatusCodes.Status200OK) =>
        Results.Text(body, "application/json", Encoding.UTF8, status);

    /// <summary><c>{"code": n, "message": "…"}</c>, MAAP's <c>err_response</c> shape.</summary>
    public static IResult CodeMessage(int code, string message) =>
        Json(new JsonObject { ["code"] = code, ["message"] = message }, code);

    /// <summary><c>{"message": "…", "code": n}</c>, the flask-restx HTTPException shape.</summary>
    public static IResult HttpError(int code, string message) =>
        Json(new JsonObject { ["message"] = message, ["code"] = code }, code);

    /// <summary>An unhandled server exception as MAAP reports it with its default <c>FLASK_DEBUG=True</c>.</summary>
    public static IResult UnhandledException(string type, string message) =>
        Json(new JsonObject { ["message"] = message, ["type"] = type }, StatusCodes.Status500InternalServerError);
}
