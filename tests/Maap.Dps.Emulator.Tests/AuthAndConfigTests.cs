using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

public sealed class AuthAndConfigTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Config_points_at_the_emulator_and_has_the_keys_maap_py_needs()
    {
        var config = await TestEmulator.JsonAsync(await _emu.Anonymous.GetAsync("api/environment/config"));
        var root = _emu.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority) + "/api";
        Assert.Equal(root, config["service"]!["maap_api_root"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(config["service"]!["maap_token"]!.GetValue<string>()));
        Assert.Equal("members/self", config["maap_endpoint"]!["member"]!.GetValue<string>());
        Assert.Equal("mas/algorithm", config["maap_endpoint"]!["algorithm_register"]!.GetValue<string>());
        Assert.Equal("dps/job", config["maap_endpoint"]!["dps_job"]!.GetValue<string>());
        Assert.NotNull(config["search"]!["indexed_attributes"]);
    }

    [Theory]
    [InlineData("GET", "api/dps/job/list")]
    [InlineData("POST", "api/dps/job")]
    [InlineData("GET", "api/members/self")]
    [InlineData("GET", "api/members/self/secrets")]
    [InlineData("POST", "api/members/self/secrets")]
    [InlineData("GET", "api/members/self/secrets/X")]
    [InlineData("DELETE", "api/members/self/secrets/X")]
    [InlineData("GET", "api/mas/algorithm")]
    [InlineData("POST", "api/mas/algorithm")]
    [InlineData("GET", "api/mas/algorithm/resource")]
    [InlineData("DELETE", "api/mas/algorithm/a:b")]
    [InlineData("POST", "api/dps/job/cancel/0b4f0a4e-4bb0-4a5e-9a55-8d1f4b7b0c1e")]
    [InlineData("GET", "api/dps/job/alice/list")]
    public async Task Protected_routes_answer_401_without_credentials(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await _emu.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"message":"No valid authentication credentials provided or processed.","code":401}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("api/environment/config")]
    [InlineData("api/dps/job")]
    [InlineData("api/dps/job/describeprocess/run-dps-test_ubuntu:delay10")]
    [InlineData("api/mas/algorithm/run-dps-test_ubuntu:delay10")]
    [InlineData("api/dps/job/0b4f0a4e-4bb0-4a5e-9a55-8d1f4b7b0c1e/status")]
    [InlineData("api/dps/job/0b4f0a4e-4bb0-4a5e-9a55-8d1f4b7b0c1e")]
    [InlineData("api/dps/job/0b4f0a4e-4bb0-4a5e-9a55-8d1f4b7b0c1e/metrics")]
    public async Task Routes_MAAP_serves_anonymously_need_no_credentials(string path)
    {
        using var response = await _emu.Anonymous.GetAsync(path);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("authentication", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Basic_authorization_is_malformed_and_bearer_works()
    {
        using var basic = new HttpRequestMessage(HttpMethod.Get, "api/members/self");
        basic.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        using var basicResponse = await _emu.Anonymous.SendAsync(basic);
        Assert.Equal(HttpStatusCode.Unauthorized, basicResponse.StatusCode);
        Assert.Equal("Malformed Authorization header.", (await TestEmulator.JsonAsync(basicResponse))["message"]!.GetValue<string>());

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "api/members/self");
        bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _emu.Emulator.Token);
        using var bearerResponse = await _emu.Anonymous.SendAsync(bearer);
        var profile = await TestEmulator.JsonAsync(bearerResponse);
        Assert.Equal("alice", profile["username"]!.GetValue<string>());
        Assert.Null(profile["organizations"]); // only proxy-ticket callers get organizations
    }

    [Fact]
    public async Task Only_the_first_auth_header_counts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/members/self");
        request.Headers.TryAddWithoutValidation("proxy-ticket", "wrong");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _emu.Emulator.Token);
        using var response = await _emu.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var self = await TestEmulator.JsonAsync(await _emu.Http.GetAsync("api/members/self"));
        Assert.Equal("alice", self["username"]!.GetValue<string>());
        Assert.Equal(_emu.Emulator.Token, self["session_key"]!.GetValue<string>());
        Assert.NotNull(self["organizations"]);
    }

    [Fact]
    public async Task Cpticket_and_api_key_authenticate_and_an_api_key_profile_is_null()
    {
        using var cp = new HttpRequestMessage(HttpMethod.Get, "api/dps/job/list");
        cp.Headers.TryAddWithoutValidation("cpticket", _emu.Emulator.Token);
        using var cpResponse = await _emu.Anonymous.SendAsync(cp);
        Assert.Equal(HttpStatusCode.OK, cpResponse.StatusCode);

        using var key = new HttpRequestMessage(HttpMethod.Get, "api/members/self");
        key.Headers.TryAddWithoutValidation("X-MAAP-API-Key", _emu.Emulator.Token);
        using var keyResponse = await _emu.Anonymous.SendAsync(key);
        Assert.Equal(HttpStatusCode.OK, keyResponse.StatusCode);
        Assert.Equal("null", await keyResponse.Content.ReadAsStringAsync());

        using var dps = new HttpRequestMessage(HttpMethod.Get, "api/dps/job/list");
        dps.Headers.TryAddWithoutValidation("dps-token", "anything");
        using var dpsResponse = await _emu.Anonymous.SendAsync(dps);
        Assert.Equal(HttpStatusCode.Unauthorized, dpsResponse.StatusCode);
    }

    [Fact]
    public async Task The_token_header_maap_py_sends_is_ignored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/dps/job/list");
        request.Headers.TryAddWithoutValidation("token", _emu.Emulator.Token);
        using var response = await _emu.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Status_of_unknown_and_empty_ids_is_200_Deleted()
    {
        Assert.Equal("Deleted", await _emu.StatusAsync(Guid.NewGuid().ToString()));
        using var response = await _emu.Anonymous.GetAsync("api/dps/job//status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Deleted", doc.Root!.Element(TestEmulator.Wps + "Status")!.Value);
    }

    [Fact]
    public async Task Wps_responses_have_no_declaration_and_the_current_namespace_order()
    {
        var id = Guid.NewGuid().ToString();
        using var response = await _emu.Anonymous.GetAsync($"api/dps/job/{id}/status");
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(
            $"""<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>{id}</wps:JobID><wps:Status>Deleted</wps:Status></wps:StatusInfo>""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Result_and_metrics_of_unknown_ids_are_MAAPs_500_documents()
    {
        using var result = await _emu.Anonymous.GetAsync("api/dps/job/nope");
        Assert.Equal(HttpStatusCode.InternalServerError, result.StatusCode);
        var ex = XDocument.Parse(await result.Content.ReadAsStringAsync()).Root!.Element(TestEmulator.Ows + "Exception")!;
        Assert.Equal("FailedGetResult", ex.Attribute("exceptionCode")!.Value);

        using var metrics = await _emu.Anonymous.GetAsync("api/dps/job/nope/metrics");
        Assert.Equal(HttpStatusCode.InternalServerError, metrics.StatusCode);
        Assert.Contains("FailedGetMetrics", await metrics.Content.ReadAsStringAsync());
    }
}
