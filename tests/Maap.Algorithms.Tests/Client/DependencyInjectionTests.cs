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
    }

    [Fact]
    public async Task AddMaapClient_gives_the_client_the_containers_logger_and_clock_and_leaves_the_registered_options_as_they_were()
    {
        var server = new FakeMaapServer().Map("GET", "/api/dps/job/a/status", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical));
        var logs = new CapturingLoggerProvider();
        var time = new ObservableTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        services.AddSingleton<TimeProvider>(time);
        services.AddMaapClient(o => { o.Host = Host; o.ProxyTicket = "t"; }).ConfigurePrimaryHttpMessageHandler(() => server);
        await using var provider = services.BuildServiceProvider();

        var wait = provider.GetRequiredService<MaapClient>().Jobs.Get("a").WaitForCompletionAsync();
        var delays = await time.RunAsync(wait);

        Assert.Equal(JobStatus.Succeeded, await wait);
        Assert.Empty(delays);
        Assert.Contains(logs.Entries, e => e.Contains("MAAP API root is", StringComparison.Ordinal));
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MaapClientOptions>>().Value;
        Assert.Null(options.LoggerFactory);
        Assert.Same(TimeProvider.System, options.TimeProvider);
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

    [Fact]
    public void AddMaapClient_binds_every_setting_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Maap:Host"] = Host,
            ["Maap:JobProtocol"] = "wps",
            ["Maap:MaxRetries"] = "5",
            ["Maap:RetryDelay"] = "00:00:02",
            ["Maap:MaxResponseBytes"] = "3000000000",
            ["Maap:Wait:InitialDelay"] = "00:00:03",
            ["Maap:Wait:MaxDelay"] = "00:00:40",
            ["Maap:Wait:BackoffFactor"] = "1.5",
            ["Maap:Wait:Jitter"] = "0",
            ["Maap:Wait:Timeout"] = "",
            ["Maap:Wait:DeletedGracePeriod"] = "00:01:00",
            ["Maap:Wait:MaxConsecutiveErrors"] = "7",
            ["Maap:Wait:ThrowOnFailure"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddMaapClient(configuration.GetSection("Maap"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MaapClientOptions>>().Value;

        Assert.Equal(MaapJobProtocol.Wps, options.JobProtocol);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryDelay);
        Assert.Equal(3_000_000_000L, options.MaxResponseBytes);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Wait.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(40), options.Wait.MaxDelay);
        Assert.Equal(1.5, options.Wait.BackoffFactor);
        Assert.Equal(0.0, options.Wait.Jitter);
        Assert.Null(options.Wait.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Wait.DeletedGracePeriod);
        Assert.Equal(7, options.Wait.MaxConsecutiveErrors);
        Assert.True(options.Wait.ThrowOnFailure);
    }

    [Theory]
    [InlineData("MaxRetries", "three")]
    [InlineData("RetryDelay", "soon")]
    [InlineData("MaxResponseBytes", "99999999999999999999")]
    [InlineData("JobProtocol", "Soap")]
    [InlineData("JobProtocol", "7")]
    [InlineData("Wait:BackoffFactor", "double")]
    [InlineData("Wait:Jitter", "1,5")]
    [InlineData("Wait:Timeout", "forever")]
    [InlineData("Wait:MaxConsecutiveErrors", "5.5")]
    [InlineData("Wait:ThrowOnFailure", "yes")]
    public void A_malformed_configuration_value_fails_naming_its_key_and_value_but_no_credential(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Maap:Host"] = Host,
            ["Maap:ProxyTicket"] = "PGT-SECRET-from-config",
            ["Maap:PersonalAccessToken"] = "pat-SECRET-from-config",
            ["Maap:" + key] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddMaapClient(configuration.GetSection("Maap"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<MaapClient>());

        Assert.Contains($"'{value}' at 'Maap:{key}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
    }
}
