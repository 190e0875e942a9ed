using System.Net;
using System.Text;

namespace Maap.Dps.Emulator.Tests;

public sealed class SecretTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertResponse(HttpResponseMessage response, HttpStatusCode status, string body)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../x")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("nul\\u0000inside")]
    [InlineData("back\\\\slash")]
    [InlineData(" padded")]
    public async Task A_secret_name_that_could_never_be_read_or_deleted_is_refused_at_creation(string name)
    {
        var body = "{\"secret_name\": \"" + name + "\", \"secret_value\": \"v\"}";

        using var response = await _emu.Http.PostAsync("api/members/self/secrets", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("secret_name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertStillServesSecretsAsync();
    }

    [Fact]
    public async Task A_ten_thousand_character_secret_name_is_refused()
    {
        using var response = await _emu.Http.PostAsync("api/members/self/secrets",
            Json("{\"secret_name\": \"" + new string('n', 10_000) + "\", \"secret_value\": \"v\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillServesSecretsAsync();
    }

    [Theory]
    [InlineData("""{"secret_name": "A", "secret_name": "B", "secret_value": "v"}""")]
    [InlineData("""{"secret_name": "A", "secret_value": "v", "secret_value": "w"}""")]
    public async Task A_body_with_a_key_given_twice_is_MAAPs_400_not_an_empty_500(string body)
    {
        using var response = await _emu.Http.PostAsync("api/members/self/secrets", Json(body));

        await AssertResponse(response, HttpStatusCode.BadRequest, """{"code":400,"message":"Valid JSON body object required."}""");
        await AssertStillServesSecretsAsync();
    }

    [Fact]
    public async Task A_body_of_invalid_UTF8_is_MAAPs_400_not_an_empty_500()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"secret_name": "A", "secret_value": "X"}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _emu.Http.PostAsync("api/members/self/secrets", content);

        await AssertResponse(response, HttpStatusCode.BadRequest, """{"code":400,"message":"Valid JSON body object required."}""");
        await AssertStillServesSecretsAsync();
    }

    [Fact]
    public async Task A_twenty_megabyte_secret_is_refused_without_being_stored()
    {
        var body = "{\"secret_name\": \"BIG\", \"secret_value\": \"" + new string('x', 20 * 1024 * 1024) + "\"}";

        using var response = await _emu.Http.PostAsync("api/members/self/secrets", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var get = await _emu.Http.GetAsync("api/members/self/secrets/BIG");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    /// <summary>After an attack: a normal secret still goes in and comes back, and nothing else was stored.</summary>
    private async Task AssertStillServesSecretsAsync()
    {
        var name = "OK_" + Guid.NewGuid().ToString("N");
        using var add = await _emu.Http.PostAsync("api/members/self/secrets", Json("{\"secret_name\": \"" + name + "\", \"secret_value\": \"v\"}"));
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        var list = await _emu.Http.GetStringAsync("api/members/self/secrets");
        Assert.Equal($"[{{\"secret_name\":\"{name}\"}}]", list);
        using var delete = await _emu.Http.DeleteAsync("api/members/self/secrets/" + name);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
    }

    [Fact]
    public async Task Secrets_round_trip_with_the_exact_bodies_and_codes_of_TV_11()
    {
        var add = """{"secret_name": "MY_TOKEN", "secret_value": "98aj48j(774hh9*H"}""";
        await AssertResponse(await _emu.Http.PostAsync("api/members/self/secrets", Json(add)), HttpStatusCode.OK, """{"secret_name":"MY_TOKEN"}""");
        await AssertResponse(await _emu.Http.PostAsync("api/members/self/secrets", Json(add)), HttpStatusCode.BadRequest,
            """{"code":400,"message":"Secret already exists with name MY_TOKEN. Please delete and re-create the secret to update it's value. "}""");
        await AssertResponse(await _emu.Http.PostAsync("api/members/self/secrets", Json("""{"secret_name": "TOKEN_2", "secret_value": "value_of_token_2"}""")),
            HttpStatusCode.OK, """{"secret_name":"TOKEN_2"}""");

        await AssertResponse(await _emu.Http.GetAsync("api/members/self/secrets"), HttpStatusCode.OK, """[{"secret_name":"MY_TOKEN"},{"secret_name":"TOKEN_2"}]""");
        await AssertResponse(await _emu.Http.GetAsync("api/members/self/secrets/TOKEN_2"), HttpStatusCode.OK,
            """{"secret_name":"TOKEN_2","secret_value":"value_of_token_2"}""");
        await AssertResponse(await _emu.Http.GetAsync("api/members/self/secrets/MY_TOKEN"), HttpStatusCode.OK,
            """{"secret_name":"MY_TOKEN","secret_value":"98aj48j(774hh9*H"}""");
        await AssertResponse(await _emu.Http.GetAsync("api/members/self/secrets/THIS_TOKEN_DOES_NOT_EXIST"), HttpStatusCode.NotFound,
            """{"code":404,"message":"No secret exists with name THIS_TOKEN_DOES_NOT_EXIST"}""");
        await AssertResponse(await _emu.Http.DeleteAsync("api/members/self/secrets/TOKEN_2"), HttpStatusCode.OK,
            """{"code":200,"message":"Successfully deleted secret TOKEN_2"}""");
        await AssertResponse(await _emu.Http.DeleteAsync("api/members/self/secrets/TOKEN_2"), HttpStatusCode.BadRequest,
            """{"code":400,"message":"No secret exists with name TOKEN_2"}""");
        await AssertResponse(await _emu.Http.GetAsync("api/members/self/secrets"), HttpStatusCode.OK, """[{"secret_name":"MY_TOKEN"}]""");
    }

    [Theory]
    [InlineData("""[1,2]""", """{"code":400,"message":"Valid JSON body object required."}""")]
    [InlineData("""not json""", """{"code":400,"message":"Valid JSON body object required."}""")]
    [InlineData("""{"secret_value": "v"}""", """{"code":400,"message":"secret_name is required."}""")]
    [InlineData("""{"secret_name": "", "secret_value": "v"}""", """{"code":400,"message":"secret_name is required."}""")]
    [InlineData("""{"secret_name": 5, "secret_value": "v"}""", """{"code":400,"message":"secret_name is required."}""")]
    [InlineData("""{"secret_name": "A"}""", """{"code":400,"message":"secret_value is required."}""")]
    [InlineData("""{"secret_name": "A", "secret_value": ""}""", """{"code":400,"message":"secret_value is required."}""")]
    [InlineData("""{"secret_name": "A", "secret_value": null}""", """{"code":400,"message":"secret_value is required."}""")]
    public async Task Invalid_secret_bodies_are_400_with_MAAPs_messages(string body, string expected) =>
        await AssertResponse(await _emu.Http.PostAsync("api/members/self/secrets", Json(body)), HttpStatusCode.BadRequest, expected);

    [Fact]
    public async Task A_non_json_content_type_is_415()
    {
        using var response = await _emu.Http.PostAsync("api/members/self/secrets",
            new StringContent("""{"secret_name": "A", "secret_value": "v"}""", Encoding.UTF8, "application/echo10+xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Secret_values_are_encrypted_at_rest()
    {
        await _emu.Http.PostAsync("api/members/self/secrets", Json("""{"secret_name": "PLAIN", "secret_value": "very-recognisable-secret-value"}"""));
        var db = Path.Combine(_emu.Emulator.DataDirectory, "emulator.db");
        foreach (var file in new[] { db, db + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            Assert.DoesNotContain("very-recognisable-secret-value", await reader.ReadToEndAsync());
        }
    }

    [Fact]
    public async Task One_user_cannot_see_or_touch_anothers_secrets()
    {
        var bob = _emu.Emulator.AddUser("bob");
        using var bobClient = _emu.NewClient(bob.Token);
        await _emu.Http.PostAsync("api/members/self/secrets", Json("""{"secret_name": "ALICE_ONLY", "secret_value": "a"}"""));

        Assert.Equal("[]", await bobClient.GetStringAsync("api/members/self/secrets"));
        Assert.Equal(HttpStatusCode.NotFound, (await bobClient.GetAsync("api/members/self/secrets/ALICE_ONLY")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bobClient.DeleteAsync("api/members/self/secrets/ALICE_ONLY")).StatusCode);
        // Bob may use the same name for his own secret.
        Assert.Equal(HttpStatusCode.OK, (await bobClient.PostAsync("api/members/self/secrets", Json("""{"secret_name": "ALICE_ONLY", "secret_value": "b"}"""))).StatusCode);
        Assert.Contains("\"secret_value\":\"a\"", await _emu.Http.GetStringAsync("api/members/self/secrets/ALICE_ONLY"));
    }
}
