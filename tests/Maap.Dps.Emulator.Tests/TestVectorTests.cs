using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Tests;

public sealed class TestVectorTests : IAsyncLifetime
{
    /// <summary>TV-1: exactly what maap-py 4.x sends for the jobs guide's example (spec §3), tabs and blank lines included.</summary>
    private const string Tv1 = Maap.Algorithms.Testing.SpecDocuments.Tv1Execute;

    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync(o => o.Queues.Add(new QueueDefinition("maap-dps-worker-8gb", 1, null)));

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task TV_1_Execute_is_accepted_and_parsed_as_MAAP_parses_it()
    {
        // Hold the queue's only worker so the TV-1 job stays queued (this machine may have no network for its input).
        await _emu.RegisterScriptAsync("holder", "sleep 30");
        var holder = await _emu.SubmitAsync("job-holder:main", "maap-dps-worker-8gb");
        await _emu.WaitForStatusAsync(holder, s => s == "Running");
        using var content = new StringContent(Tv1, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/echo10+xml");
        using var response = await _emu.Http.PostAsync("api/dps/job", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = System.Xml.Linq.XDocument.Parse(body).Root!.Element(TestEmulator.Wps + "JobID")!.Value;

        var list = await TestEmulator.JsonAsync(await _emu.Http.GetAsync("api/dps/job/list?page_size=1"));
        var doc = list["jobs"]![0]![id]!;
        Assert.Equal("job-run-dps-test_ubuntu:delay10", doc["type"]!.GetValue<string>());
        Assert.Equal(["test-job"], doc["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("alice", doc["username"]!.GetValue<string>()); // not "jdoe": the authenticated user wins
        Assert.Equal("maap-dps-worker-8gb", doc["job"]!["job_info"]!["job_queue"]!.GetValue<string>());
        var context = doc["context"]!;
        Assert.Equal("https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md", context["input_file"]!.GetValue<string>());
        Assert.Equal("https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md", context["localize_urls"]![0]!["url"]!.GetValue<string>());
        Assert.Null(context["queue"]);
        Assert.Null(context["identifier"]);

        using var cancel = await _emu.Http.PostAsync($"api/dps/job/cancel/{id}", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("Deleted", await _emu.StatusAsync(id));
    }

    [Fact]
    public async Task TV_2_submit_response_and_TV_4_status_of_unknown_id_match_byte_for_byte()
    {
        var unknown = "86fbac52-24b0-4963-8b67-59d0fc09946a";
        Assert.Equal(
            $"""<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>{unknown}</wps:JobID><wps:Status>Deleted</wps:Status></wps:StatusInfo>""",
            await _emu.Anonymous.GetStringAsync($"api/dps/job/{unknown}/status"));
    }
}
