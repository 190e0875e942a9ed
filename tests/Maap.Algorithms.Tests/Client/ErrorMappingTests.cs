using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

public class ErrorMappingTests
{
    private const string QueuesPath = "/api/mas/algorithm/resource";

    public static TheoryData<int, string, string, string?, string?> ErrorBodies => new()
    {
        // WPS exception report labelled text/html, as submit and cancel send it.
        { 500, "text/html", SpecVectors.Tv7MissingParameter, "FailedJobSubmit", "Failed to submit job of type job-foo:main. Exception Message: Parameter input_file missing from inputs. No default set in algorithm spec. Please specify and resubmit." },
        // err_response: {"code","message"}.
        { 404, "application/json", """{"code": 404, "message": "No secret exists with name X"}""", "404", "No secret exists with name X" },
        // restx HTTPException: {"message","code"}.
        { 401, "application/json", SpecVectors.Tv15AuthFailure, "401", "No valid authentication credentials provided or processed." },
        // restx debug mode: {"message","type"}.
        { 500, "application/json", """{"message": "Invalid WPS status: X", "type": "ValueError"}""", "ValueError", "Invalid WPS status: X" },
        // job list failure: {"message","status"}.
        { 500, "application/json", """{"message": "Failed to get jobs for user u. please contact administrator of DPS", "status": 500}""", "500", "Failed to get jobs for user u. please contact administrator of DPS" },
        // registration failure with a traceback field.
        { 500, "application/json", """{"code": 500, "message": "Failed to register", "error": "KeyError Traceback: ..."}""", "500", "Failed to register (KeyError Traceback: ...)" },
        // OGC problem JSON.
        { 404, "application/json", """{"type": "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job", "title": "No job with that job ID found", "status": 404, "detail": "No job with that job ID found", "instance": ""}""", "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job", "No job with that job ID found" },
        // A proxy's HTML page: no code, no message, but the excerpt.
        { 502, "text/html", "<html><body>Bad gateway</body></html>", null, null },
    };

    [Theory]
    [MemberData(nameof(ErrorBodies))]
    public async Task Every_MAAP_error_body_maps_to_MaapRequestFailedException(int status, string mediaType, string body, string? code, string? message)
    {
        var server = new FakeMaapServer().Map("GET", QueuesPath, _ => Xml((HttpStatusCode)status, body, mediaType));
        using var maap = server.CreateClient(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Algorithms.ListQueuesAsync());

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.Equal(body.Length <= 512 ? body : body[..512] + "…", error.BodyExcerpt);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_body_that_cannot_be_read_raises_MaapProtocolException_with_status_and_excerpt()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/abc/status", _ => Xml(HttpStatusCode.OK, "<html>maintenance</html>", "text/html"));
        using var maap = server.CreateClient();

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Jobs.GetStatusAsync("abc"));

        Assert.Equal(HttpStatusCode.OK, error.Status);
        Assert.Equal("<html>maintenance</html>", error.BodyExcerpt);
        Assert.Contains("StatusInfo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_body_is_cut_to_an_excerpt()
    {
        var body = "<html>" + new string('x', 5000) + "</html>";
        var server = new FakeMaapServer().Map("GET", QueuesPath, _ => Xml(HttpStatusCode.InternalServerError, body, "text/html"));
        using var maap = server.CreateClient(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Algorithms.ListQueuesAsync());

        Assert.True(error.BodyExcerpt!.Length < 600);
        Assert.StartsWith("<html>xxx", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_carrying_an_exception_report_is_a_failure_with_MAAPs_code()
    {
        var server = new FakeMaapServer().Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv7MissingParameter));
        using var maap = server.CreateClient();

        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.SubmitAsync(new JobRequest("foo", "main", "q")));

        Assert.Equal("FailedJobSubmit", error.ErrorCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        var server = new FakeMaapServer().Map("GET", QueuesPath, _ => Json(HttpStatusCode.OK, "{\"queues\": [\"" + new string('q', 4096) + "\"]}"));
        using var maap = server.CreateClient(o => o.MaxResponseBytes = 1024);

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Algorithms.ListQueuesAsync());

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }
}
