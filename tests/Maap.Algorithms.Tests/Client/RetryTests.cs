using System.Net;
using System.Net.Http.Headers;
using Maap.Algorithms.Http;
using Maap.Algorithms.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

public class RetryTests
{
    [Fact]
    public async Task An_idempotent_GET_is_retried_after_a_transient_status()
    {
        var server = new FakeMaapServer().MapSequence("GET", "/api/dps/job/a/status",
            () => Xml(HttpStatusCode.ServiceUnavailable, "busy", "text/plain"),
            () => Xml(HttpStatusCode.BadGateway, "busy", "text/plain"),
            () => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical));
        using var maap = server.CreateClient();

        Assert.Equal(JobStatus.Succeeded, await maap.Jobs.GetStatusAsync("a"));
        Assert.Equal(3, server.RequestsTo("/api/dps/job/a/status").Count());
    }

    [Fact]
    public async Task Retries_stop_at_the_limit_and_the_last_answer_is_reported()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/a/status", _ => Xml(HttpStatusCode.ServiceUnavailable, "busy", "text/plain"));
        using var maap = server.CreateClient(o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetStatusAsync("a"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(3, server.RequestsTo("/api/dps/job/a/status").Count());
    }

    [Fact]
    public async Task Submit_and_cancel_are_never_retried()
    {
        var server = new FakeMaapServer()
            .Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.ServiceUnavailable, "busy", "text/plain"))
            .Map("POST", "/api/dps/job/cancel/a", _ => Xml(HttpStatusCode.GatewayTimeout, "busy", "text/plain"));
        using var maap = server.CreateClient();

        await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.SubmitAsync(new JobRequest("algo", "v1", "q")));
        await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.CancelAsync("a"));

        Assert.Single(server.RequestsTo("/api/dps/job"));
        Assert.Single(server.RequestsTo("/api/dps/job/cancel/a"));
    }

    [Fact]
    public async Task A_500_is_not_transient()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/a", _ => Xml(HttpStatusCode.InternalServerError, SpecVectors.Tv7MissingParameter));
        using var maap = server.CreateClient();

        await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetResultAsync("a"));

        Assert.Single(server.RequestsTo("/api/dps/job/a"));
    }

    [Fact]
    public async Task Backoff_doubles_with_jitter_and_no_wait_exceeds_30_seconds()
    {
        var time = new ObservableTimeProvider();
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/a/status", _ => Xml(HttpStatusCode.ServiceUnavailable, "busy", "text/plain"));
        using var maap = server.CreateClient(o => { o.TimeProvider = time; o.MaxRetries = MaapClientOptions.MaxRetriesLimit; o.RetryDelay = TimeSpan.FromSeconds(4); });

        var call = maap.Jobs.GetStatusAsync("a");
        var delays = await time.RunAsync(call);

        await Assert.ThrowsAsync<MaapRequestFailedException>(() => call);
        Assert.Equal(MaapClientOptions.MaxRetriesLimit, delays.Count);
        for (var attempt = 0; attempt < delays.Count; attempt++)
        {
            // The exponential delay stops at 25 s, so the highest jitter (x1.2) lands on the 30 s cap.
            var baseSeconds = Math.Min(4 * Math.Pow(2, attempt), 25);
            Assert.InRange(delays[attempt].TotalSeconds, (baseSeconds * 0.8) - 0.001, (baseSeconds * 1.2) + 0.001);
        }

        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromSeconds(30), $"{d} is over the cap"));
        Assert.True(delays.Skip(4).Distinct().Count() > 1, "capped delays keep their jitter");
    }

    [Fact]
    public void Backoff_never_overflows_whatever_the_attempt()
    {
        var pipeline = new MaapPipeline(new HttpClient(), new MaapClientOptions { Host = Host, RetryDelay = TimeSpan.FromSeconds(30) }, MaapCredential.None, NullLogger.Instance);
        var zero = new MaapPipeline(new HttpClient(), new MaapClientOptions { Host = Host, RetryDelay = TimeSpan.Zero }, MaapCredential.None, NullLogger.Instance);

        foreach (var attempt in Enumerable.Range(0, 100).Append(int.MaxValue))
        {
            Assert.InRange(pipeline.BackoffDelay(attempt, retryAfter: null), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
            Assert.Equal(TimeSpan.Zero, zero.BackoffDelay(attempt, retryAfter: null));
        }
    }

    [Fact]
    public async Task Retry_After_is_honoured_as_seconds_and_as_an_HTTP_date_up_to_30_seconds()
    {
        var time = new ObservableTimeProvider();
        var server = new FakeMaapServer().MapSequence("GET", "/api/dps/job/a/status",
            () => Busy(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3))),
            () => Busy(new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(7))),
            () => Busy(new RetryConditionHeaderValue(time.GetUtcNow().AddMinutes(5))),
            () => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical));
        using var maap = server.CreateClient(o => { o.TimeProvider = time; o.RetryDelay = TimeSpan.FromMilliseconds(100); });

        var call = maap.Jobs.GetStatusAsync("a");
        var delays = await time.RunAsync(call);

        Assert.Equal(JobStatus.Succeeded, await call);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30) }, delays);

        static HttpResponseMessage Busy(RetryConditionHeaderValue retryAfter)
        {
            var response = Xml(HttpStatusCode.ServiceUnavailable, "busy", "text/plain");
            response.Headers.RetryAfter = retryAfter;
            return response;
        }
    }

    [Theory]
    [InlineData(nameof(MaapClientOptions.MaxRetries), -1)]
    [InlineData(nameof(MaapClientOptions.MaxRetries), MaapClientOptions.MaxRetriesLimit + 1)]
    [InlineData(nameof(MaapClientOptions.RetryDelay), -1)]
    [InlineData(nameof(MaapClientOptions.RetryDelay), 30_001)]
    [InlineData(nameof(MaapClientOptions.MaxResponseBytes), 0)]
    [InlineData(nameof(MaapClientOptions.MaxResponseBytes), -1)]
    public void An_out_of_range_option_fails_when_the_client_is_built_and_names_the_option(string option, long value)
    {
        var server = new FakeMaapServer();
        var options = new MaapClientOptions { Host = Host, ProxyTicket = "t" };
        switch (option)
        {
            case nameof(MaapClientOptions.MaxRetries):
                options.MaxRetries = (int)value;
                break;
            case nameof(MaapClientOptions.RetryDelay):
                options.RetryDelay = TimeSpan.FromMilliseconds(value);
                break;
            default:
                options.MaxResponseBytes = value;
                break;
        }

        var own = Assert.Throws<ArgumentOutOfRangeException>(() => new MaapClient(options));
        var shared = Assert.Throws<ArgumentOutOfRangeException>(() => new MaapClient(new HttpClient(server, disposeHandler: false), options));

        Assert.Equal(option, own.ParamName);
        Assert.Equal(option, shared.ParamName);
        Assert.Contains("MaapClientOptions." + option, own.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
