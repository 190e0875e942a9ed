using System.Net;
using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

[Collection(EnvironmentCollection.Name)]
public class DiscoveryTests
{
    [Theory]
    [InlineData("api.maap-project.org", null, "https://api.maap-project.org/api/environment/config")]
    [InlineData("api.maap-project.org", "http", "http://api.maap-project.org/api/environment/config")]
    [InlineData("http://localhost:5000", null, "http://localhost:5000/api/environment/config")]
    [InlineData("https://api.dit.maap-project.org/", null, "https://api.dit.maap-project.org/api/environment/config")]
    public void The_config_url_follows_maap_py_host_rules(string host, string? scheme, string expected)
    {
        using var _ = new EnvironmentScope(("MAAP_API_HOST_SCHEME", scheme), ("MAAP_API_CONFIG_ENDPOINT", null));

        Assert.Equal(expected, MaapEndpoints.BuildConfigUrl(host).ToString());
    }

    [Fact]
    public void The_host_falls_back_to_MAAP_API_HOST_then_the_production_host()
    {
        using (new EnvironmentScope(("MAAP_API_HOST", "http://127.0.0.1:5050"), ("MAAP_API_CONFIG_ENDPOINT", null)))
        {
            Assert.Equal("http://127.0.0.1:5050/api/environment/config", MaapEndpoints.BuildConfigUrl(null).ToString());
        }

        using (new EnvironmentScope(("MAAP_API_HOST", null), ("MAAP_API_HOST_SCHEME", null), ("MAAP_API_CONFIG_ENDPOINT", null)))
        {
            Assert.Equal("https://api.maap-project.org/api/environment/config", MaapEndpoints.BuildConfigUrl(null).ToString());
        }
    }

    [Fact]
    public void A_config_endpoint_override_joins_like_urljoin()
    {
        using var _ = new EnvironmentScope(("MAAP_API_CONFIG_ENDPOINT", "config"));

        Assert.Equal("http://localhost:5000/config", MaapEndpoints.BuildConfigUrl("http://localhost:5000").ToString());
    }

    [Fact]
    public void A_host_with_another_scheme_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MaapEndpoints.BuildConfigUrl("ftp://example.org"));
    }

    [Fact]
    public async Task Endpoints_come_from_the_config_with_the_server_path_on_the_config_host()
    {
        // TV-12: the server's own root is https://internal.example:8443/api; the client keeps the path only.
        var server = new FakeMaapServer().Map("GET", "/api/mas/algorithm/resource", _ => Json(HttpStatusCode.OK, """{"code": 200, "queues": ["maap-dps-sandbox"], "message": "success"}"""));
        using var maap = server.CreateClient();

        await maap.Algorithms.ListQueuesAsync();

        var call = server.RequestsTo("/api/mas/algorithm/resource").Single();
        Assert.Equal("http://maap.test/api/mas/algorithm/resource", call.Url.ToString());
    }

    [Fact]
    public async Task Construction_does_no_IO_and_discovery_runs_once()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/a/status", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv4StatusDeleted));
        using var maap = server.CreateClient();
        Assert.Empty(server.Requests);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => maap.Jobs.GetStatusAsync("a")));

        Assert.Single(server.RequestsTo("/api/environment/config"));
        Assert.Null(server.RequestsTo("/api/environment/config").Single().Header("proxy-ticket"));
    }

    [Fact]
    public async Task A_failed_discovery_is_not_cached()
    {
        var server = new FakeMaapServer()
            .MapSequence("GET", "/api/environment/config",
                () => Json(HttpStatusCode.InternalServerError, """{"message": "down", "code": 500}"""),
                () => Json(HttpStatusCode.OK, ConfigJson))
            .Map("GET", "/api/dps/job/a/status", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv4StatusDeleted));
        using var maap = server.CreateClient(o => o.MaxRetries = 0);

        await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.GetStatusAsync("a"));
        Assert.Equal(JobStatus.Deleted, await maap.Jobs.GetStatusAsync("a"));
    }
}
