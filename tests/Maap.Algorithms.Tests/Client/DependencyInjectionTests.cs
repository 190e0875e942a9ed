using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddMaapClient_binds_configuration_and_sends_through_IHttpClientFactory()
    {
        var server = new FakeMaapServer().Map("GET", "/api/mas/algorithm/resource", _ => Json(HttpStatusCode.OK, """{"code": 200, "queues": ["maap-dps-sandbox", "maap-dps-worker-8gb"], "message": "success"}"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Maap:Host"] = Host,
            ["Maap:PersonalAccessToken"] = "pat-from-config",
            ["Maap:MaxRetries"] = "1",
            ["Maap:Wait:MaxDelay"] = "00:00:30",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMaapClient(configuration.GetSection("Maap")).ConfigurePrimaryHttpMessageHandler(() => server);
        await using var provider = services.BuildServiceProvider();

        var maap = provider.GetRequiredService<MaapClient>();
        var queues = await maap.Algorithms.ListQueuesAsync();

        Assert.Same(maap, provider.GetRequiredService<MaapClient>());
        Assert.Equal(["maap-dps-sandbox", "maap-dps-worker-8gb"], queues);
        Assert.Equal("Bearer pat-from-config", server.RequestsTo("/api/mas/algorithm/resource").Single().Header("Authorization"));
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MaapClientOptions>>().Value;
        Assert.Equal(1, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Wait.MaxDelay);
        Assert.NotNull(options.LoggerFactory);
    }

    [Fact]
    public void AddMaapClient_with_code_configuration_does_no_IO_at_resolution()
    {
        var server = new FakeMaapServer();
        var services = new ServiceCollection();
        services.AddMaapClient(o => { o.Host = Host; o.ProxyTicket = "t"; }).ConfigurePrimaryHttpMessageHandler(() => server);
        using var provider = services.BuildServiceProvider();

        var maap = provider.GetRequiredService<MaapClient>();

        Assert.Equal(new Uri("http://maap.test/api/environment/config"), maap.ConfigurationUrl);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("ProxyTicket", "PGT-777-SUPERSECRETTICKET", "proxy-ticket")]
    [InlineData("PersonalAccessToken", "pat-TOKEN-do-not-print", "Authorization")]
    public async Task The_factory_client_logs_header_names_at_trace_but_never_a_credential(string option, string credential, string header)
    {
        var server = new FakeMaapServer().Map("GET", "/api/mas/algorithm/resource", _ => Json(HttpStatusCode.OK, """{"code": 200, "queues": ["q"], "message": "success"}"""));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddMaapClient(o =>
        {
            o.Host = Host;
            if (option == "ProxyTicket")
            {
                o.ProxyTicket = credential;
            }
            else
            {
                o.PersonalAccessToken = credential;
            }
        }).ConfigurePrimaryHttpMessageHandler(() => server);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<MaapClient>().Algorithms.ListQueuesAsync();

        // IHttpClientFactory's handlers did log the request headers at Trace, so a value would have shown here.
        Assert.Contains(logs.Entries, e => e.StartsWith("Trace System.Net.Http.HttpClient." + MaapServiceCollectionExtensions.HttpClientName, StringComparison.Ordinal)
            && e.Contains(header + ":", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(server.RequestsTo("/api/mas/algorithm/resource"), r => r.Header(header)?.Contains(credential, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(logs.Entries, e => e.Contains(credential, StringComparison.Ordinal));
    }
}
