using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

public sealed class SubmitValidationTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync()
    {
        _emu = await TestEmulator.StartAsync();
        await _emu.RegisterScriptAsync("echo-args", "mkdir -p output; printf '%s\\n' \"$@\" > output/args.txt",
            """{"file": [], "config": [{"name": "mode", "default": "fast"}], "positional": [{"name": "first"}, {"name": "second", "default": "2"}]}""");
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task A_deeply_nested_Execute_document_is_refused_at_once_and_the_emulator_keeps_serving()
    {
        // 200,000 levels fit the 4 MiB body bound and once took the tree reader two minutes of CPU.
        const int levels = 200_000;
        var execute = TestEmulator.Execute("job-echo-args:main", "maap-dps-worker-8gb", [("first", "1")]);
        var deep = new StringBuilder(levels * 8);
        deep.Insert(0, "<x>", levels).Append(new StringBuilder().Insert(0, "</x>", levels));
        var body = execute.Replace("<wps:Output ", deep + "<wps:Output ", StringComparison.Ordinal);
        using var client = _emu.NewClient(_emu.Emulator.Token);
        client.Timeout = TimeSpan.FromSeconds(20);

        using var response = await client.PostAsync("api/dps/job", new StringContent(body, Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("deeper than", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var id = await _emu.SubmitAsync("job-echo-args:main", "maap-dps-worker-8gb", ("first", "1"));
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
    }

    private async Task<HttpResponseMessage> PostAsync(string body) =>
        await _emu.Http.PostAsync("api/dps/job", new StringContent(body, Encoding.UTF8, "application/echo10+xml"));

    private static async Task<string> ExceptionText(HttpResponseMessage response, string code)
    {
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var ex = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(TestEmulator.Ows + "Exception")!;
        Assert.Equal(code, ex.Attribute("exceptionCode")!.Value);
        Assert.Equal("Execute", ex.Attribute("locator")!.Value);
        return ex.Element(TestEmulator.Ows + "ExceptionText")!.Value;
    }

    [Theory]
    [InlineData("<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/2.0\"")]
    [InlineData("{\"inputs\": {}}")]
    [InlineData("<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/2.0\"><wps:Output id=\"r\"/></wps:Execute>")]
    [InlineData("<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/2.0\" xmlns:ows=\"http://www.opengis.net/ows/2.0\"><ows:Identifier>job-echo-args:main</ows:Identifier></wps:Execute>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><wps:Execute xmlns:wps=\"http://www.opengis.net/wps/2.0\" xmlns:ows=\"http://www.opengis.net/ows/2.0\"><ows:Identifier>&e;</ows:Identifier><wps:Output id=\"r\"/></wps:Execute>")]
    public async Task Malformed_or_incomplete_Execute_documents_are_500_json(string body)
    {
        using var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await TestEmulator.JsonAsync(response))["message"]);
    }

    [Fact]
    public async Task Missing_parameter_is_500_FailedJobSubmit_with_the_TV_7_text()
    {
        using var response = await PostAsync(TestEmulator.Execute("job-echo-args:main", "maap-dps-worker-8gb", []));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(
            "Failed to submit job of type job-echo-args:main. Exception Message: Parameter first missing from inputs. No default set in algorithm spec. Please specify and resubmit.",
            await ExceptionText(response, "FailedJobSubmit"));
    }

    [Fact]
    public async Task Unknown_algorithm_is_500_FailedJobSubmit()
    {
        using var response = await PostAsync(TestEmulator.Execute("job-nope:main", "maap-dps-worker-8gb", []));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Failed to submit job of type job-nope:main. Exception Message: 'NoneType' object has no attribute 'get'",
            await ExceptionText(response, "FailedJobSubmit"));
    }

    [Fact]
    public async Task Forbidden_queue_is_400_with_the_TV_7b_text()
    {
        using var response = await PostAsync(TestEmulator.Execute("job-echo-args:main", "maap-dps-worker-32gb", [("first", "1")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("User does not have access to maap-dps-worker-32gb. Valid queues: ['maap-dps-sandbox', 'maap-dps-worker-8gb']",
            await ExceptionText(response, "FailedJobSubmit"));
    }

    [Fact]
    public async Task Oversized_Execute_is_refused()
    {
        using var response = await PostAsync("<wps:Execute>" + new string(' ', 5 * 1024 * 1024) + "</wps:Execute>");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Extra_inputs_are_dropped_defaults_applied_and_positionals_quoted_in_order()
    {
        var id = await _emu.SubmitAsync("job-echo-args:main", "maap-dps-worker-8gb", ("unknown_extra", "x"), ("first", "it's 1"));
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        var context = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_emu.Emulator.DataDirectory, "jobs", id, "_context.json")))!;
        Assert.Null(context["unknown_extra"]);
        Assert.Null(context["queue"]);
        Assert.Equal("fast", context["mode"]!.GetValue<string>());
        Assert.Equal("it's 1", context["first"]!.GetValue<string>());
        Assert.Equal("2", context["second"]!.GetValue<string>()); // registered defaults keep their YAML type
        Assert.Equal("/app/dps_wrapper.sh '/app/echo-args-repo/run.sh' 'it'\"'\"'s 1' '2'", context["_command"]!.GetValue<string>());
        var specParams = context["job_specification"]!["params"]!.AsArray();
        Assert.Equal(["mode", "first", "second"], specParams.Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(["context", "positional", "positional"], specParams.Select(p => p!["destination"]!.GetValue<string>()));

        var result = await _emu.ResultAsync(id);
        var folder = result.Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;
        Assert.Equal("it's 1\n2\n", await _emu.Anonymous.GetStringAsync(folder + "/args.txt"));
    }

    [Fact]
    public async Task Identifier_becomes_tags_and_username_is_the_authenticated_user()
    {
        var id = await TestEmulator.SubmitAsync(_emu.Http, "job-echo-args:main", "maap-dps-worker-8gb", "a,b", ("first", "1"));
        await _emu.WaitForEndAsync(id);
        var job = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_emu.Emulator.DataDirectory, "jobs", id, "_job.json")))!;
        Assert.Equal("alice", job["username"]!.GetValue<string>());
        Assert.Equal("job-echo-args:main", job["type"]!.GetValue<string>());
        Assert.Equal("a", job["tag"]!.GetValue<string>());
        Assert.Equal(["a", "b"], job["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(id, job["job_info"]!["job_payload"]!["payload_task_id"]!.GetValue<string>());
        Assert.Equal("maap-dps-worker-8gb", job["job_info"]!["job_queue"]!.GetValue<string>());
    }
}
