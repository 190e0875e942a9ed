using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
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
}
