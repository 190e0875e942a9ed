using System.Net;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Jobs;

namespace Maap.Dps.Emulator.Tests;

/// <summary><c>GET /api/ogc/jobs</c>: the caller's jobs, paging, each filter, details and fields, over HTTP.</summary>
public sealed class OgcJobListTests : IAsyncLifetime
{
    private OgcJobHarness _h = null!;

    public async Task InitializeAsync() => _h = await OgcJobHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<JsonNode> ListAsync(string query = "") => await _h.OkJsonAsync("api/ogc/jobs" + query);

    private async Task<List<string>> IdsAsync(string query = "") =>
        (await ListAsync(query))["jobs"]!.AsArray().Select(j => j!["jobID"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task List_is_newest_first_compact_with_singular_links_and_pages_by_limit_pageSize_and_offset()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _h.EndedAsync("quick"));
        }

        ids.Reverse();
        var list = await ListAsync();
        Assert.Equal(["status", "jobs", "links"], OgcJobHarness.Keys(list));
        Assert.Equal(200, list["status"]!.GetValue<int>());
        Assert.Equal(ids, list["jobs"]!.AsArray().Select(j => j!["jobID"]!.GetValue<string>()));
        var item = list["jobs"]![0]!;
        Assert.Equal(["jobID", "type", "status", "job_type"], OgcJobHarness.Keys(item));
        Assert.Equal(("process", "successful", "job-quick:main"),
            (item["type"]!.GetValue<string>(), item["status"]!.GetValue<string>(), item["job_type"]!.GetValue<string>()));
        var link = list["links"]![0]!;
        Assert.Equal(["href", "rel", "type", "hreflang", "title"], OgcJobHarness.Keys(link));
        Assert.Equal(($"/ogc/job/{ids[0]}", "self", "Job"), (link["href"]!.GetValue<string>(), link["rel"]!.GetValue<string>(), link["title"]!.GetValue<string>()));

        Assert.Equal(ids[1..3], await IdsAsync("?limit=2&offset=1"));
        Assert.Equal(ids[..2], await IdsAsync("?pageSize=2"));
        Assert.Equal(ids[..3], await IdsAsync("?page_size=3"));
        Assert.Equal(ids[..1], await IdsAsync("?limit=1&pageSize=3"));
        Assert.Equal(ids, await IdsAsync("?limit=1000"));
        Assert.Empty(await IdsAsync("?offset=5"));

        var (status, body) = await _h.GetAsync("api/ogc/jobs?limit=ten");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("{\"message\": \"Failed to get jobs for user alice. please contact administrator of DPS\", \"status\": 500}\n", body);
    }

    [Fact]
    public async Task Status_tag_queue_job_type_processID_and_time_filter_in_the_query()
    {
        var gate = await _h.RunningGateAsync("g");
        var quick = await _h.EndedAsync("quick", "q,extra");
        var boom = await _h.EndedAsync("boom", "b");

        Assert.Equal([gate], await IdsAsync("?status=RUNNING"));
        Assert.Equal([quick], await IdsAsync("?status=Successful"));
        Assert.Equal([boom], await IdsAsync("?status=failed"));
        Assert.Empty(await IdsAsync("?status=dismissed"));
        Assert.Equal([quick], await IdsAsync("?tag=extra"));
        Assert.Equal([gate], await IdsAsync("?queue=one-worker"));
        Assert.Equal([boom], await IdsAsync("?job_type=job-boom:main"));
        Assert.Equal([boom, quick, gate], await IdsAsync("?startTime=0&type=ignored"));
        Assert.Empty(await IdsAsync("?end_time=0"));
        Assert.Empty(await IdsAsync($"?startTime={DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds()}"));

        Assert.Equal((HttpStatusCode.BadRequest,
                "{\"type\": null, \"title\": \"Invalid WPS status: succeeded. Valid values are: accepted, running, successful, failed, dismissed, deduped, deleted, offline\", " +
                "\"status\": 400, \"detail\": \"Invalid WPS status: succeeded. Valid values are: accepted, running, successful, failed, dismissed, deduped, deleted, offline\", \"instance\": \"\"}\n"),
            await _h.GetAsync("api/ogc/jobs?status=Succeeded"));
        Assert.Equal((HttpStatusCode.BadRequest, "{\"type\": null, \"title\": null, \"status\": 400, \"detail\": null, \"instance\": \"\"}\n"),
            await _h.GetAsync("api/ogc/jobs?status=Deleted"));

        // No process is deployed: any processID answers the empty list at once; a non-integer one fails like MAAP's database.
        Assert.Equal((HttpStatusCode.OK, "{\"status\": 200, \"jobs\": [], \"links\": []}\n"), await _h.GetAsync("api/ogc/jobs?processID=7"));
        Assert.Equal(HttpStatusCode.InternalServerError, (await _h.GetAsync("api/ogc/jobs?processID=seven")).Status);
    }

    [Fact]
    public async Task Duration_and_datetime_filter_after_paging_so_a_page_can_come_back_short()
    {
        var ended = await _h.EndedAsync("quick");
        var gate = await _h.RunningGateAsync();
        Assert.Equal([gate, ended], await IdsAsync("?limit=2"));

        // The running job is dropped from the page, not replaced by the next one.
        Assert.Equal([ended], await IdsAsync("?limit=2&minDuration=0"));
        Assert.Empty(await IdsAsync("?limit=1&minDuration=0"));
        Assert.Equal([ended], await IdsAsync("?minDuration=0&maxDuration=86400"));
        Assert.Empty(await IdsAsync("?maxDuration=-1"));

        var (status, body) = await _h.GetAsync("api/ogc/jobs?minDuration=long");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        var error = JsonNode.Parse(body)!;
        Assert.Equal(["status", "jobs", "detail"], OgcJobHarness.Keys(error));
        Assert.Equal("Min/ max duration must be able to be converted to integers or floats", error["detail"]!.GetValue<string>());
        Assert.Equal(["job-started", "job-completed"], error["jobs"]!.AsArray().Select(j => j!["status"]!.GetValue<string>()));

        var details = await _h.OkJsonAsync($"api/ogc/jobs/{ended}?getJobDetails=true");
        var finished = details["finished"]!.GetValue<string>();
        Assert.Contains(ended, await IdsAsync($"?datetime={finished}"));
        Assert.Equal([ended], await IdsAsync("?datetime=2020-01-01T00:00:00Z/.."));
        Assert.Equal([ended], await IdsAsync("?datetime=2020-01-01T00:00:00.5%2B00:00/.."));
        Assert.Equal([ended], await IdsAsync("?datetime=2020-01-01T00:00:00/2999-01-01T00:00:00Z"));
        Assert.Empty(await IdsAsync("?datetime=../2020-01-01T00:00:00Z"));

        // Unparseable values silently empty the list: a bare date, a '+' that arrives as a space.
        Assert.Empty(await IdsAsync("?datetime=2020-01-01"));
        Assert.Empty(await IdsAsync("?datetime=2020-01-01T00:00:00+00:00/.."));
    }

    [Fact]
    public async Task Details_are_mozart_documents_with_maaps_overrides_and_fields_follow_maaps_rules()
    {
        var gate = await _h.RunningGateAsync();
        var quick = await _h.EndedAsync("quick");

        var detailed = (await ListAsync("?getJobDetails=True"))["jobs"]!.AsArray();
        var doc = detailed.Single(j => j!["jobID"]!.GetValue<string>() == quick)!;
        Assert.Equal("job", doc["resource"]!.GetValue<string>());
        Assert.Equal(("process", "successful", "process"), (doc["type"]!.GetValue<string>(), doc["status"]!.GetValue<string>(), doc["job_type"]!.GetValue<string>()));
        Assert.Equal(["jobID", "job_type"], OgcJobHarness.Keys(doc)[^2..]);
        Assert.Equal("job-quick:main", doc["job"]!["type"]!.GetValue<string>());

        // Keys of the raw Mozart document win (status and type become HySDS's); inputs land on the response.
        var withFields = await ListAsync("?fields=status,type,tags,job_queue,created,inputs");
        Assert.Equal(["status", "jobs", "links", "inputs"], OgcJobHarness.Keys(withFields));
        var item = withFields["jobs"]!.AsArray().Single(j => j!["jobID"]!.GetValue<string>() == quick)!;
        Assert.Equal(["jobID", "type", "status", "job_type", "tags", "job_queue", "created"], OgcJobHarness.Keys(item));
        Assert.Equal(("job-completed", "job-quick:main"), (item["status"]!.GetValue<string>(), item["type"]!.GetValue<string>()));
        Assert.IsType<JsonArray>(withFields["inputs"]);

        // A field that fails for a job ends that job's fields: processID of a WPS job, products of a running one.
        var stopped = await ListAsync("?fields=job_queue,processID,created");
        Assert.All(stopped["jobs"]!.AsArray(), j => Assert.Equal("job_queue", OgcJobHarness.Keys(j!)[^1]));
        var products = (await ListAsync("?fields=products,job_queue"))["jobs"]!.AsArray();
        Assert.Equal("job_type", OgcJobHarness.Keys(products.Single(j => j!["jobID"]!.GetValue<string>() == gate)!)[^1]);
        Assert.StartsWith("http://", products.Single(j => j!["jobID"]!.GetValue<string>() == quick)!["products"]!.GetValue<string>());

        Assert.Equal((HttpStatusCode.BadRequest,
                "{\"type\": null, \"title\": \"Invalid field requested bogus. Remember to separate fields with commas\", \"status\": 400, " +
                "\"detail\": \"Invalid field requested bogus. Remember to separate fields with commas\", \"instance\": \"\"}\n"),
            await _h.GetAsync("api/ogc/jobs?fields=bogus"));

        // The field check happens while walking the jobs: with no job, an unknown field is never reached.
        var bob = _h.Emu.Emulator.AddUser("bob-fields");
        using var bobClient = _h.Emu.NewClient(bob.Token);
        Assert.Equal(HttpStatusCode.OK, (await _h.GetAsync("api/ogc/jobs?fields=bogus", bobClient)).Status);
    }

    [Fact]
    public async Task Jobs_of_a_deployed_process_show_its_processID_title_and_keywords()
    {
        await _h.Emu.RegisterScriptAsync("sardem_42", "mkdir -p output", queue: OgcJobHarness.Fast);
        _h.Emu.Emulator.Services.Jobs.Processes = new OneProcess(7, "job-sardem_42:main", new OgcProcessSummary(7, "Sardem", "It does SAR", "ogc,sar"));
        var wps = await _h.EndedAsync("quick");
        var process = await _h.EndedAsync("sardem_42");

        Assert.Equal($"{{\"jobID\": \"{process}\", \"processID\": 7, \"type\": null, \"status\": \"successful\"}}\n", (await _h.GetAsync($"api/ogc/jobs/{process}")).Body);
        var details = await _h.OkJsonAsync($"api/ogc/jobs/{process}?getJobDetails=true");
        Assert.Equal(("Sardem", "It does SAR", "sardem:main"),
            (details["title"]!.GetValue<string>(), details["description"]!.GetValue<string>(), details["process_name"]!.GetValue<string>()));
        Assert.Equal(["ogc", "sar"], details["keywords"]!.AsArray().Select(k => k!.GetValue<string>()));

        Assert.Equal([process], await IdsAsync("?processID=7&job_type=job-quick:main"));
        Assert.Equal([wps], await IdsAsync("?job_type=job-quick:main"));
        var item = (await ListAsync("?processID=7&fields=processID,keywords,title,process_name"))["jobs"]![0]!;
        Assert.Equal((7, "ogc,sar", "Sardem", "sardem:main"),
            (item["processID"]!.GetValue<int>(), item["keywords"]!.GetValue<string>(), item["title"]!.GetValue<string>(), item["process_name"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, "{\"status\": 200, \"jobs\": [], \"links\": []}\n"), await _h.GetAsync("api/ogc/jobs?processID=8"));
    }

    private sealed class OneProcess(int processId, string jobType, OgcProcessSummary summary) : IProcessDirectory
    {
        public OgcProcessSummary? TryGetProcess(string type) => type == jobType ? summary : null;

        public string? JobTypeOf(int id) => id == processId ? jobType : null;
    }
}
