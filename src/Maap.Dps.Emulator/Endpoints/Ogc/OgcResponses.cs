using System.Text;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>
/// How MAAP's <c>/api/ogc</c> handlers answer (<c>maap-ogc-spec.md</c> §1.2–1.3): flask-restx writes every body with
/// Python's <c>json.dumps</c> plus a newline, as <c>application/json</c>, whatever the client accepts; errors come in
/// the <c>generate_error</c> shape or as ad-hoc 500 bodies.
/// </summary>
internal static class OgcResponses
{
    public const string NoSuchProcess = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process";
    public const string NoSuchJob = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job";
    public const string ImmutableProcess = "http://www.opengis.net/def/exceptions/ogcapi-processes-2/1.0/immutable-process";
    public const string DuplicatedProcess = "http://www.opengis.net/def/exceptions/ogcapi-processes-2/1.0/duplicated-process";

    /// <summary>A body as flask-restx writes it: <c>json.dumps(body) + "\n"</c>; a null body is <c>null\n</c>.</summary>
    public static IResult Json(JsonNode? body, int status = StatusCodes.Status200OK) =>
        Results.Text(PythonJson.Dumps(body) + "\n", "application/json", Encoding.UTF8, status);

    /// <summary>MAAP's <c>generate_error</c>: <c>title</c> equals <c>detail</c>, <c>type</c> is null unless a code is given.</summary>
    public static IResult Error(int status, string? detail, string? type = null) => Json(ErrorBody(status, detail, type), status);

    public static JsonObject ErrorBody(int status, string? detail, string? type = null) => new()
    {
        ["type"] = type,
        ["title"] = detail,
        ["status"] = status,
        ["detail"] = detail,
        ["instance"] = string.Empty,
    };

    /// <summary>The ad-hoc <c>{"status": 500, "detail": …}</c> body of the job handlers.</summary>
    public static IResult ServerError(string detail) =>
        Json(new JsonObject { ["status"] = StatusCodes.Status500InternalServerError, ["detail"] = detail }, StatusCodes.Status500InternalServerError);

    /// <summary>
    /// A flask-restx <c>HTTPException</c> body, <c>{"message": …, "code": n}</c> (§1.3 family 3), written as json.dumps
    /// writes it, as on every <c>/api/ogc</c> route: the 401 of a request without valid credentials.
    /// </summary>
    public static IResult HttpError(int code, string message) =>
        Json(new JsonObject { ["message"] = message, ["code"] = code }, code);

    /// <summary>A link object in MAAP's key order; hrefs are relative and lack <c>/api</c>, as MAAP emits them.</summary>
    public static JsonObject Link(string href, string rel, string title, string type = "application/json") => new()
    {
        ["href"] = href,
        ["rel"] = rel,
        ["type"] = type,
        ["hreflang"] = "en",
        ["title"] = title,
    };
}
