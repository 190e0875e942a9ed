using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

public sealed class AlgorithmTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Register_list_describe_and_delete()
    {
        await _emu.RegisterScriptAsync("described", "true",
            """{"file": [{"name": "input_file", "default": "https://example.org/a.tif", "required": false}], "config": [], "positional": [{"name": "outsize", "default": "10"}]}""",
            queue: "maap-dps-sandbox");

        var list = await TestEmulator.JsonAsync(await _emu.Http.GetAsync("api/mas/algorithm?visibility=private"));
        Assert.Equal(200, list["code"]!.GetValue<int>());
        Assert.Contains(list["algorithms"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "described" && a["version"]!.GetValue<string>() == "main");
        var all = await _emu.Http.GetStringAsync("api/mas/algorithm?visibility=all");
        Assert.Contains("run-dps-test_ubuntu", all);

        foreach (var path in new[] { "api/mas/algorithm/described:main", "api/dps/job/describeprocess/described:main" })
        {
            using var response = await _emu.Anonymous.GetAsync(path);
            Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(TestEmulator.Wps + "ProcessOfferings", doc.Root!.Name);
            var inputs = doc.Descendants(TestEmulator.Wps + "Input").ToList();
            Assert.Equal(["input_file", "outsize", "queue_name"], inputs.Select(i => i.Element(TestEmulator.Ows + "Identifier")!.Value));
            Assert.Equal("maap-dps-sandbox", inputs[2].Descendants(TestEmulator.Wps + "LiteralValue").Single().Value);
        }

        var capabilities = XDocument.Parse(await _emu.Anonymous.GetStringAsync("api/dps/job"));
        Assert.Contains(capabilities.Descendants(TestEmulator.Ows + "Identifier"), e => e.Value == "described:main");

        var deleted = await TestEmulator.JsonAsync(await _emu.Http.DeleteAsync("api/mas/algorithm/described:main"));
        Assert.Equal("successfully deleted job-described:main", deleted["message"]!.GetValue<string>());
        using var gone = await _emu.Anonymous.GetAsync("api/mas/algorithm/described:main");
        Assert.Equal(HttpStatusCode.InternalServerError, gone.StatusCode);
    }

    [Fact]
    public async Task Registration_with_a_forbidden_queue_is_400()
    {
        var body = """{"algorithm_name": "q", "algorithm_version": "main", "repository_url": "https://github.com/x/q.git", "run_command": "q/run.sh", "queue": "maap-dps-worker-32gb", "inputs": {}}""";
        using var response = await _emu.Http.PostAsync("api/mas/algorithm", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("User does not have permissions for resource maap-dps-worker-32gb.Please select from one of ['maap-dps-sandbox', 'maap-dps-worker-8gb']",
            (await TestEmulator.JsonAsync(response))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Queues_are_listed()
    {
        var queues = await TestEmulator.JsonAsync(await _emu.Http.GetAsync("api/mas/algorithm/resource"));
        Assert.Equal("""{"code":200,"queues":["maap-dps-sandbox","maap-dps-worker-8gb"],"message":"success"}""", queues.ToJsonString());
    }
}
