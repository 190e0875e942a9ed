using System.Net;
using System.Net.Sockets;
using System.Text;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

/// <summary>
/// A failure that will fail the same way a second later (nothing listening, TLS against plain HTTP, an unknown
/// host) is reported at once, with the likely fix in the message; a 401 says whether a credential was sent at all.
/// </summary>
public class ConnectionFailureTests
{
    [Fact]
    public async Task A_refused_connection_to_a_local_port_fails_at_once_and_asks_whether_the_emulator_runs()
    {
        var port = UnusedPort();
        var time = new ObservableTimeProvider();
        using var maap = new MaapClient(new MaapClientOptions { Host = $"http://127.0.0.1:{port}", TimeProvider = time, MaxRetries = 3 });

        var call = maap.Jobs.GetStatusAsync("a");
        var retryDelays = await time.RunAsync(call);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => call);
        Assert.Empty(retryDelays);
        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Contains($"Nothing is listening at http://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Is the emulator running?", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Https_to_a_plain_http_server_fails_at_once_and_names_the_http_url_to_use()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = AnswerPlainHttpAsync(listener);
        var time = new ObservableTimeProvider();
        // No scheme: the client assumes https, as for api.maap-project.org.
        using var maap = new MaapClient(new MaapClientOptions { Host = $"127.0.0.1:{port}", TimeProvider = time, MaxRetries = 3 });

        var call = maap.Jobs.GetStatusAsync("a");
        var retryDelays = await time.RunAsync(call);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => call);
        Assert.Empty(retryDelays);
        Assert.Equal(HttpRequestError.SecureConnectionError, error.HttpRequestError);
        Assert.Contains($"use http://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        listener.Stop();
        await server;
    }

    [Fact]
    public async Task An_unknown_host_is_not_retried_and_says_which_setting_names_the_host()
    {
        // DNS failures cannot be produced reliably offline: a handler raises what SocketsHttpHandler raises.
        var handler = new ThrowingHandler(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"));
        using var maap = new MaapClient(new HttpClient(handler), new MaapClientOptions { Host = "https://maap.invalid", RetryDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => maap.Jobs.GetStatusAsync("a"));

        Assert.Equal(1, handler.Calls);
        Assert.Contains("'maap.invalid' could not be resolved", error.Message, StringComparison.Ordinal);
        Assert.Contains("MAAP_API_HOST", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_connection_is_still_retried()
    {
        var handler = new ThrowingHandler(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using var maap = new MaapClient(new HttpClient(handler), new MaapClientOptions { Host = "https://maap.test", MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1) });

        await Assert.ThrowsAsync<HttpRequestException>(() => maap.Jobs.GetStatusAsync("a"));

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task A_401_without_a_credential_says_none_was_sent()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/a/status",
            _ => Json(HttpStatusCode.Unauthorized, """{"message": "No valid authentication credentials provided or processed.", "code": 401}"""));
        using var maap = server.CreateClient(o => { o.ProxyTicket = null; o.Credential = MaapCredential.None; });

        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetStatusAsync("a"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal("MAAP answered 401 (Unauthorized): No valid authentication credentials provided or processed. No credential was sent: set MAAP_PGT, or MaapClientOptions.PersonalAccessToken or ProxyTicket.", error.Message);
    }

    [Fact]
    public async Task A_401_with_a_credential_says_it_was_refused_and_never_shows_it()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/a/status",
            _ => Json(HttpStatusCode.Unauthorized, """{"message": "No valid authentication credentials provided or processed.", "code": 401}"""));
        using var maap = server.CreateClient();

        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetStatusAsync("a"));

        Assert.Contains("MAAP did not accept the credential", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PGT-test-ticket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_that_repeats_the_status_is_not_printed_twice()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/a/status",
            _ => Json(HttpStatusCode.BadRequest, """{"code": 400, "message": "Bad job id"}"""));
        using var maap = server.CreateClient();

        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetStatusAsync("a"));

        Assert.Equal("MAAP answered 400 (BadRequest): Bad job id", error.Message);
        Assert.Equal("400", error.ErrorCode);
    }

    private static int UnusedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Answers every connection with a plain HTTP 400, as Kestrel does to a TLS hello.</summary>
    private static async Task AnswerPlainHttpAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener was stopped: the test is over.
        }
    }

    private sealed class ThrowingHandler(HttpRequestException failure) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new HttpRequestException(failure.HttpRequestError, failure.Message);
        }
    }
}
