using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

/// <summary>Credentials and secret values never reach a log line, an exception or a ToString().</summary>
public class RedactionTests
{
    private const string Ticket = "PGT-777-SUPERSECRETTICKET";
    private const string Token = "pat-TOKEN-do-not-print";
    private const string SecretValue = "s3cr3t-VALUE-98aj48j";
    private const string SessionKey = "PGT-SESSION-KEY-IN-PROFILE";

    [Fact]
    public async Task A_full_session_logs_nothing_secret()
    {
        var server = new FakeMaapServer()
            .Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv2SubmitSuccess))
            .MapSequence("GET", "/api/dps/job/" + SpecVectors.JobId + "/status",
                () => Xml(HttpStatusCode.ServiceUnavailable, "busy", "text/plain"),
                () => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical))
            .Map("GET", "/api/dps/job/" + SpecVectors.JobId, _ => Xml(HttpStatusCode.OK, SpecVectors.Tv5Result))
            .Map("GET", "/api/dps/job/" + SpecVectors.JobId + "/metrics", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv9Metrics))
            .Map("POST", "/api/dps/job/cancel/" + SpecVectors.JobId, _ => Xml(HttpStatusCode.BadRequest, SpecVectors.Tv8CancelTerminal, "text/html"))
            .Map("GET", "/api/dps/job/list", _ => Json(HttpStatusCode.OK, SpecVectors.Tv10CurrentEnvelope))
            .Map("POST", "/api/members/self/secrets", _ => Json(HttpStatusCode.BadRequest, "{\"code\": 400, \"message\": \"Secret already exists with name MY_TOKEN. Please delete and re-create the secret to update it's value. \"}"))
            .Map("GET", "/api/members/self/secrets/MY_TOKEN", _ => Json(HttpStatusCode.OK, $$"""{"secret_name": "MY_TOKEN", "secret_value": "{{SecretValue}}"}"""))
            .Map("GET", "/api/members/self/secrets/BROKEN", _ => Json(HttpStatusCode.OK, $$"""{"secret_name": "BROKEN", "secret_value": "{{SecretValue}}" """))
            .Map("DELETE", "/api/members/self/secrets/MY_TOKEN", _ => Json(HttpStatusCode.OK, """{"code": 200, "message": "Successfully deleted secret MY_TOKEN"}"""))
            .Map("GET", "/api/members/self", _ => Json(HttpStatusCode.OK, $$"""{"id": 42, "username": "jdoe", "email": "jane.doe@example.org", "session_key": "{{SessionKey}}", "urs_token": "{{SessionKey}}"}"""))
            .Map("GET", "/api/mas/algorithm/resource", _ => Json(HttpStatusCode.InternalServerError, """{"message": "boom", "code": 500}"""));
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var errors = new List<Exception>();
        var printed = new List<string?>();
        var options = new MaapClientOptions { Host = Host, ProxyTicket = Ticket, LoggerFactory = loggerFactory, RetryDelay = TimeSpan.FromMilliseconds(1) };
        using var maap = new MaapClient(new HttpClient(server, disposeHandler: false), options);
        using var withToken = new MaapClient(new HttpClient(server, disposeHandler: false), new MaapClientOptions { Host = Host, PersonalAccessToken = Token, LoggerFactory = loggerFactory });

        var job = await maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", "maap-dps-worker-8gb") { Tag = "t" }.WithInput("input_file", "https://example.org/README.md"));
        await job.WaitForCompletionAsync(new JobWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = 0 });
        printed.Add((await job.GetResultAsync()).ToString());
        printed.Add((await job.GetMetricsAsync()).ToString());
        errors.Add(await Assert.ThrowsAnyAsync<Exception>(() => job.CancelAsync()));
        await foreach (var item in maap.Jobs.ListAsync())
        {
            printed.Add(item.ToString());
        }

        errors.Add(await Assert.ThrowsAsync<SecretAlreadyExistsException>(() => maap.Secrets.AddAsync("MY_TOKEN", SecretValue)));
        Assert.Equal(SecretValue, await maap.Secrets.GetAsync("MY_TOKEN"));
        errors.Add(await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Secrets.GetAsync("BROKEN")));
        await maap.Secrets.DeleteAsync("MY_TOKEN");
        var profile = await withToken.Members.GetSelfAsync();
        printed.Add(profile.ToString());
        errors.Add(await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Algorithms.ListQueuesAsync()));
        printed.Add(options.ToString());
        printed.Add(MaapCredential.ProxyTicket(Ticket).ToString());
        printed.Add(MaapCredential.PersonalAccessToken(Token).ToString());
        printed.Add(job.ToString());

        Assert.Equal("jdoe", profile.Username);
        Assert.NotEmpty(logs.Entries);
        Assert.Contains(logs.Entries, e => e.Contains("Submitted run-dps-test_ubuntu:delay10", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Contains("retry 1 of 3", StringComparison.Ordinal));
        var everything = string.Join("\n", logs.Entries.Concat(printed).Concat(errors.Select(e => e.ToString())));
        foreach (var forbidden in new[] { Ticket, Token, SecretValue, SessionKey, "SUPERSECRET", "do-not-print" })
        {
            Assert.DoesNotContain(forbidden, everything, StringComparison.Ordinal);
        }

        // The credentials did go out, on the wire only.
        Assert.Contains(server.Requests, r => r.Header("proxy-ticket") == Ticket);
        Assert.Contains(server.Requests, r => r.Header("Authorization") == "Bearer " + Token);
    }

    [Fact]
    public void The_profile_type_has_no_place_for_the_session_key()
    {
        var names = typeof(MemberProfile).GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain(names, n => n.Contains("Session", StringComparison.OrdinalIgnoreCase) || n.Contains("Token", StringComparison.OrdinalIgnoreCase));
    }
}
