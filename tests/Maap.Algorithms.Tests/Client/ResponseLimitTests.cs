using System.Net;
using System.Net.Sockets;
using System.Text;
using Maap.Algorithms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

/// <summary>MaxResponseBytes: an oversized body is a MaapProtocolException, read no further than the limit, never retried, for every kind of HttpClient.</summary>
public class ResponseLimitTests
{
    private const string StatusPath = "/api/dps/job/abc/status";

    [Fact]
    public async Task An_oversized_body_from_the_factory_client_is_a_protocol_error_and_is_not_retried()
    {
        var server = new FakeMaapServer().Map("GET", StatusPath, _ => Xml(HttpStatusCode.OK, new string('x', 5000)));
        var services = new ServiceCollection();
        services.AddMaapClient(o => { o.Host = Host; o.ProxyTicket = "t"; o.MaxResponseBytes = 1000; o.RetryDelay = TimeSpan.FromMilliseconds(1); })
            .ConfigurePrimaryHttpMessageHandler(() => server);
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => provider.GetRequiredService<MaapClient>().Jobs.GetStatusAsync("abc"));

        Assert.Equal(HttpStatusCode.OK, error.Status);
        Assert.Contains("over the limit of 1000", error.Message, StringComparison.Ordinal);
        Assert.Single(server.RequestsTo(StatusPath));
    }

    [Fact]
    public async Task A_body_of_unknown_length_is_read_no_further_than_the_limit()
    {
        var body = new CountingStream(64 * 1024 * 1024);
        var server = new FakeMaapServer().Map("GET", StatusPath, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        using var maap = server.CreateClient(o => o.MaxResponseBytes = 10_000);

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Jobs.GetStatusAsync("abc"));

        Assert.Contains("over the limit of 10000 bytes", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("xxxx", error.BodyExcerpt, StringComparison.Ordinal);
        Assert.InRange(body.BytesRead, 10_001, 64 * 1024);
        Assert.Single(server.RequestsTo(StatusPath));
    }

    [Fact]
    public async Task An_oversized_secret_body_never_shows_in_the_exception()
    {
        var value = "hunter2-" + new string('v', 2000);
        var server = new FakeMaapServer().Map("GET", "/api/members/self/secrets/K", _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"secret_name": "K", "secret_value": "{{value}}"}"""), writable: false)),
        });
        using var maap = server.CreateClient(o => o.MaxResponseBytes = 1000);

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Secrets.GetAsync("K"));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_client_with_its_own_HttpClient_enforces_the_limit_on_the_wire(bool sendContentLength)
    {
        var body = new string('x', 100_000);
        await using var server = LoopbackServer.Start(path => path.EndsWith("/config", StringComparison.Ordinal) ? ConfigJson : body, sendContentLength);
        using var maap = new MaapClient(new MaapClientOptions { Host = server.Url, ProxyTicket = "t", MaxResponseBytes = 10_000, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Jobs.GetStatusAsync("abc"));

        Assert.Equal(HttpStatusCode.OK, error.Status);
        Assert.Equal(1, server.RequestsTo(StatusPath));
    }

    [Fact]
    public async Task A_body_that_stalls_times_out_by_HttpClient_Timeout_and_is_retried()
    {
        var server = new FakeMaapServer().MapSequence("GET", StatusPath,
            () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) },
            () => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical));
        using var maap = new MaapClient(new HttpClient(server, disposeHandler: false) { Timeout = TimeSpan.FromMilliseconds(200) }, new MaapClientOptions { Host = Host, ProxyTicket = "t", RetryDelay = TimeSpan.Zero });

        Assert.Equal(JobStatus.Succeeded, await maap.Jobs.GetStatusAsync("abc"));
        Assert.Equal(2, server.RequestsTo(StatusPath).Count());
    }

    [Fact]
    public async Task A_body_that_stalls_past_the_NetworkTimeout_is_abandoned_and_the_GET_retried()
    {
        var server = new FakeMaapServer().MapSequence("GET", StatusPath,
            () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) },
            () => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical));
        using var maap = new MaapClient(new HttpClient(server, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan },
            new MaapClientOptions { Host = Host, ProxyTicket = "t", RetryDelay = TimeSpan.Zero, NetworkTimeout = TimeSpan.FromMilliseconds(200) });

        Assert.Equal(JobStatus.Succeeded, await maap.Jobs.GetStatusAsync("abc"));
        Assert.Equal(2, server.RequestsTo(StatusPath).Count());
    }

    [Fact]
    public async Task A_submission_that_stalls_past_the_NetworkTimeout_fails_once_and_is_never_sent_again()
    {
        var server = new FakeMaapServer().Map("POST", "/api/dps/job",
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });
        using var maap = new MaapClient(new HttpClient(server, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan },
            new MaapClientOptions { Host = Host, ProxyTicket = "t", RetryDelay = TimeSpan.Zero, NetworkTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => maap.Jobs.SubmitAsync(new JobRequest("algo", "v1", "q")));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("NetworkTimeout", error.Message, StringComparison.Ordinal);
        Assert.Single(server.RequestsTo("/api/dps/job"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_NetworkTimeout_that_is_not_positive_is_refused_by_the_client(int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaapClient(new MaapClientOptions { Host = Host, NetworkTimeout = TimeSpan.FromMilliseconds(milliseconds) }));
    }

    [Fact]
    public async Task A_body_that_breaks_off_is_a_transport_error_and_is_retried()
    {
        var server = new FakeMaapServer().MapSequence("GET", StatusPath,
            () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream()) },
            () => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical));
        using var maap = server.CreateClient();

        Assert.Equal(JobStatus.Succeeded, await maap.Jobs.GetStatusAsync("abc"));
        Assert.Equal(2, server.RequestsTo(StatusPath).Count());
    }

    [Theory]
    [InlineData("utf-8", new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xC3, 0xA9 }, "aé")]
    [InlineData(null, new byte[] { 0x61, 0xC3, 0xA9 }, "aé")]
    [InlineData(null, new byte[] { 0xFF, 0xFE, 0x61, 0x00 }, "a")]
    [InlineData("iso-8859-1", new byte[] { 0x61, 0xE9 }, "aé")]
    [InlineData("\"utf-8\"", new byte[] { 0x61 }, "a")]
    [InlineData("no-such-charset", new byte[] { 0x61, 0xC3, 0xA9 }, "aé")]
    public void Bodies_decode_by_charset_then_byte_order_mark_then_UTF8(string? charset, byte[] bytes, string expected)
    {
        Assert.Equal(expected, Maap.Algorithms.Http.MaapBodyReader.Decode(bytes, charset));
    }

    /// <summary>A body of <c>x</c> bytes of a given size, with no length known up front; counts what was read.</summary>
    private sealed class CountingStream(long size) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, size - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A body that never sends a byte until the read is cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A body whose connection fails after the headers.</summary>
    private sealed class BrokenStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// A one-request-per-connection HTTP/1.1 server on 127.0.0.1, for what only a real socket shows: the client's own
    /// HttpClient reading a body with or without Content-Length (then it ends when the server closes).
    /// </summary>
    private sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<string> _paths = [];
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public static LoopbackServer Start(Func<string, string> answer, bool sendContentLength)
        {
            var server = new LoopbackServer();
            server._listener.Start();
            server._loop = server.RunAsync(answer, sendContentLength);
            return server;
        }

        public int RequestsTo(string path)
        {
            lock (_paths)
            {
                return _paths.Count(p => p == path);
            }
        }

        private async Task RunAsync(Func<string, string> answer, bool sendContentLength)
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                var path = request.ToString().Split(' ', 3)[1];
                lock (_paths)
                {
                    _paths.Add(path);
                }

                var body = Encoding.UTF8.GetBytes(answer(path));
                var length = sendContentLength ? $"Content-Length: {body.Length}\r\n" : string.Empty;
                try
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{length}Connection: close\r\n\r\n"), _stop.Token);
                    await stream.WriteAsync(body, _stop.Token);
                }
                catch (IOException)
                {
                    // The client stopped reading at its limit and closed the connection.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }
    }
}
