using System.Net;
using System.Text.Json;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

/// <summary>TV-11, the secrets round trip, with the exact bodies and codes of spec §9.</summary>
public class SecretsTests
{
    private const string Secrets = "/api/members/self/secrets";

    [Fact]
    public async Task Add_posts_the_exact_body_and_a_duplicate_is_a_typed_error()
    {
        var server = new FakeMaapServer().MapSequence("POST", Secrets,
            () => Json(HttpStatusCode.OK, """{"secret_name": "MY_TOKEN"}"""),
            () => Json(HttpStatusCode.BadRequest, """{"code": 400, "message": "Secret already exists with name MY_TOKEN. Please delete and re-create the secret to update it's value. "}"""));
        using var maap = server.CreateClient();

        await maap.Secrets.AddAsync("MY_TOKEN", "98aj48j(774hh9*H");
        var duplicate = await Assert.ThrowsAsync<SecretAlreadyExistsException>(() => maap.Secrets.AddAsync("MY_TOKEN", "98aj48j(774hh9*H"));

        var post = server.RequestsTo(Secrets).First();
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal("MY_TOKEN", body.RootElement.GetProperty("secret_name").GetString());
        Assert.Equal("98aj48j(774hh9*H", body.RootElement.GetProperty("secret_value").GetString());
        Assert.Equal(2, body.RootElement.EnumerateObject().Count());
        Assert.StartsWith("application/json", post.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("MY_TOKEN", duplicate.SecretName);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.DoesNotContain("98aj48j", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_get_and_delete_follow_TV11()
    {
        var server = new FakeMaapServer()
            .Map("GET", Secrets, _ => Json(HttpStatusCode.OK, """[{"secret_name": "MY_TOKEN"}, {"secret_name": "TOKEN_2"}]"""))
            .Map("GET", Secrets + "/TOKEN_2", _ => Json(HttpStatusCode.OK, """{"secret_name": "TOKEN_2", "secret_value": "value_of_token_2"}"""))
            .Map("GET", Secrets + "/THIS_TOKEN_DOES_NOT_EXIST", _ => Json(HttpStatusCode.NotFound, """{"code": 404, "message": "No secret exists with name THIS_TOKEN_DOES_NOT_EXIST"}"""))
            .MapSequence("DELETE", Secrets + "/TOKEN_2",
                () => Json(HttpStatusCode.OK, """{"code": 200, "message": "Successfully deleted secret TOKEN_2"}"""),
                () => Json(HttpStatusCode.BadRequest, """{"code": 400, "message": "No secret exists with name TOKEN_2"}"""));
        using var maap = server.CreateClient();

        Assert.Equal(["MY_TOKEN", "TOKEN_2"], await maap.Secrets.ListAsync());
        Assert.Equal("value_of_token_2", await maap.Secrets.GetAsync("TOKEN_2"));
        var missing = await Assert.ThrowsAsync<SecretNotFoundException>(() => maap.Secrets.GetAsync("THIS_TOKEN_DOES_NOT_EXIST"));
        await maap.Secrets.DeleteAsync("TOKEN_2");
        var deletedTwice = await Assert.ThrowsAsync<SecretNotFoundException>(() => maap.Secrets.DeleteAsync("TOKEN_2"));

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("No secret exists with name THIS_TOKEN_DOES_NOT_EXIST", missing.ServerMessage);
        Assert.Equal(HttpStatusCode.BadRequest, deletedTwice.Status);
        Assert.Equal("TOKEN_2", deletedTwice.SecretName);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData(" padded")]
    [InlineData("tab\tname")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Invalid_names_fail_before_any_request(string name)
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => maap.Secrets.GetAsync(name));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Secrets.DeleteAsync(name));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Secrets.AddAsync(name, "v"));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_name_over_255_characters_and_an_empty_value_fail_before_any_request()
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => maap.Secrets.GetAsync(new string('a', 256)));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Secrets.AddAsync("OK_NAME", ""));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unreadable_secret_body_never_shows_the_value_in_the_exception()
    {
        var server = new FakeMaapServer().Map("GET", Secrets + "/K", _ => Json(HttpStatusCode.OK, """{"secret_name": "K", "secret_value": "hunter2-value" """));
        using var maap = server.CreateClient();

        var error = await Assert.ThrowsAsync<MaapProtocolException>(() => maap.Secrets.GetAsync("K"));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.BodyExcerpt, StringComparison.Ordinal);
    }
}
