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
