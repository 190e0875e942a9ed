using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

/// <summary>Credential values as they arrive from files and the environment: trimmed, and never a way to inject headers.</summary>
[Collection(EnvironmentCollection.Name)]
public class CredentialTests
{
    private const string Queues = "/api/mas/algorithm/resource";

    [Theory]
    [InlineData("PGT-SECRET-ticket\n", true)]
    [InlineData("  PGT-SECRET-ticket\r\n", true)]
    [InlineData("pat-SECRET-token\n", false)]
    [InlineData("\tpat-SECRET-token\r\n", false)]
    public async Task A_credential_read_from_a_file_with_a_trailing_newline_is_sent_trimmed(string credential, bool proxyTicket)
    {
        var server = QueueServer();
        using var maap = server.CreateClient(o =>
        {
            o.ProxyTicket = proxyTicket ? credential : null;
            o.PersonalAccessToken = proxyTicket ? null : credential;
        });

        await maap.Algorithms.ListQueuesAsync();

        var call = server.RequestsTo(Queues).Single();
        if (proxyTicket)
        {
            Assert.Equal("PGT-SECRET-ticket", call.Header("proxy-ticket"));
        }
        else
        {
            Assert.Equal("Bearer pat-SECRET-token", call.Header("Authorization"));
        }
    }

    [Theory]
    [InlineData("PGT-SECRET-ticket\r\nX-Evil: 1", true)]
    [InlineData("PGT-SECRET\nticket", true)]
    [InlineData("pat-SECRET-token\r\nX-Evil: 1", false)]
    [InlineData("pat-SECRET\u0000token", false)]
    public void A_credential_with_a_control_character_inside_is_refused_without_showing_it(string credential, bool proxyTicket)
    {
        var server = new FakeMaapServer();

        var direct = Assert.Throws<ArgumentException>(() => proxyTicket ? MaapCredential.ProxyTicket(credential) : MaapCredential.PersonalAccessToken(credential));
        var options = new MaapClientOptions { Host = Host, ProxyTicket = proxyTicket ? credential : null, PersonalAccessToken = proxyTicket ? null : credential };
        var viaOptions = Assert.Throws<ArgumentException>(() => new MaapClient(new HttpClient(server, disposeHandler: false), options));

        Assert.Contains("control character", direct.Message, StringComparison.Ordinal);
        foreach (var text in new[] { direct.ToString(), viaOptions.ToString(), options.ToString() })
        {
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        }

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task MAAP_PGT_with_a_trailing_newline_is_sent_trimmed()
    {
        using var _ = new EnvironmentScope(("MAAP_PGT", "PGT-from-env\n"));
        var server = QueueServer();
        using var maap = new MaapClient(new HttpClient(server, disposeHandler: false), new MaapClientOptions { Host = Host });

        await maap.Algorithms.ListQueuesAsync();

        Assert.Equal("PGT-from-env", server.RequestsTo(Queues).Single().Header("proxy-ticket"));
    }

    [Fact]
    public async Task MAAP_PGT_with_a_control_character_inside_is_refused_before_the_request_without_showing_it()
    {
        using var _ = new EnvironmentScope(("MAAP_PGT", "PGT-SECRET-env\r\nX-Evil: 1"));
        var server = QueueServer();
        using var maap = new MaapClient(new HttpClient(server, disposeHandler: false), new MaapClientOptions { Host = Host, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => maap.Algorithms.ListQueuesAsync());

        Assert.Contains("MAAP_PGT", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo(Queues));
    }

    private static FakeMaapServer QueueServer() =>
        new FakeMaapServer().Map("GET", Queues, _ => Json(HttpStatusCode.OK, """{"code": 200, "queues": ["q"], "message": "success"}"""));
}
