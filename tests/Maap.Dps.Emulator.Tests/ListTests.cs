using System.Net;
using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Tests;

public sealed class ListTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;
    private readonly List<string> _ids = []; // submission order
    private string _blocker = null!;
    private long _middleMs;

    public async Task InitializeAsync()
    {
        // One worker held by a long job: the 300 listed jobs stay queued, so the test costs no processes.
        _emu = await TestEmulator.StartAsync(o => o.Queues.Add(new QueueDefinition("held", 1, null)));
        await _emu.RegisterScriptAsync("hold", "sleep 60", queue: "held");
        await _emu.RegisterScriptAsync("listed", "true", queue: "held");
        await _emu.RegisterScriptAsync("other", "true", queue: "held");
        _blocker = await TestEmulator.SubmitAsync(_emu.Http, "job-hold:main", "held", "blocker");
        await _emu.WaitForStatusAsync(_blocker, s => s == "Running");
        for (var i = 0; i < 300; i++)
        {
            var type = i % 3 == 0 ? "job-other:main" : "job-listed:main";
            var tag = i % 2 == 0 ? "even" : "odd,extra";
            _ids.Add(await TestEmulator.SubmitAsync(_emu.Http, type, "held", tag));
            if (i == 149)
            {
                await Task.Delay(20);
                _middleMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await Task.Delay(20);
            }
        }
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private async Task<JsonArray> ListAsync(string query)
    {
        using var response = await _emu.Http.GetAsync("api/dps/job/list?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestEmulator.JsonAsync(response);
        Assert.Equal(200, body["status"]!.GetValue<int>());
        return body["jobs"]!.AsArray();
    }

    private static List<string> Ids(JsonArray compact) => compact.Select(j => j!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Pages_are_newest_first_default_100_capped_at_250_and_cover_everything_once()
    {
        var newestFirst = Enumerable.Reverse(_ids).Append(_blocker).ToList();
        Assert.Equal(newestFirst.Take(100), Ids(await ListAsync("get_job_details=false")));
        var paged = new List<string>();
        for (var offset = 0; ; offset += 120)
        {
            var page = Ids(await ListAsync($"get_job_details=False&offset={offset}&page_size=120"));
            paged.AddRange(page);
            if (page.Count < 120)
            {
                break;
            }
        }

        Assert.Equal(newestFirst, paged);
        Assert.Equal(250, (await ListAsync("get_job_details=false&page_size=1000")).Count);
    }

    [Fact]
    public async Task Filters_by_job_type_tag_queue_status_priority_and_time()
    {
        Assert.Equal(200, (await ListAsync("get_job_details=false&page_size=250&job_type=job-listed:main")).Count);
        Assert.Empty(await ListAsync("get_job_details=false&job_type=listed:main")); // the job- prefix is required
        Assert.Equal(150, (await ListAsync("get_job_details=false&page_size=250&tag=even")).Count);
        Assert.Equal(150, (await ListAsync("get_job_details=false&page_size=250&tag=extra")).Count);
        Assert.Equal(100, (await ListAsync("get_job_details=false&page_size=250&tag=even&job_type=job-listed:main")).Count);
        Assert.Equal(250, (await ListAsync("get_job_details=false&page_size=250&queue=held")).Count);
        Assert.Empty(await ListAsync("get_job_details=false&queue=maap-dps-sandbox"));
        Assert.Equal([_blocker], Ids(await ListAsync("get_job_details=false&status=Running")));
        Assert.Equal(250, (await ListAsync("get_job_details=false&page_size=250&status=Accepted")).Count);
        Assert.Empty(await ListAsync("get_job_details=false&status=Succeeded"));
        Assert.Equal(100, (await ListAsync("get_job_details=false&status=Deleted")).Count); // Deleted means no filter
        Assert.Equal(100, (await ListAsync("get_job_details=false&priority=0")).Count);
        Assert.Empty(await ListAsync("get_job_details=false&priority=5"));

        var before = Ids(await ListAsync($"get_job_details=false&page_size=250&end_time={_middleMs}&job_type=job-listed:main"));
        var after = Ids(await ListAsync($"get_job_details=false&page_size=250&start_time={_middleMs}&job_type=job-listed:main"));
        Assert.Equal(100, before.Count);
        Assert.Equal(100, after.Count);
        Assert.Empty(before.Intersect(after));
        var iso = DateTimeOffset.FromUnixTimeMilliseconds(_middleMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        Assert.Equal(after, Ids(await ListAsync($"get_job_details=false&page_size=250&start_time={iso}&job_type=job-listed:main")));
    }

    [Fact]
    public async Task Compact_keeps_duplicate_tags_and_details_are_keyed_by_id()
    {
        var dup = await TestEmulator.SubmitAsync(_emu.Http, "job-listed:main", "held", "test,test");
        var compact = await ListAsync("get_job_details=false&page_size=1");
        Assert.Equal($$"""[{"id":"{{dup}}","tags":["test","test"]}]""", compact.ToJsonString());

        var detailed = await ListAsync("page_size=2");
        var first = detailed[0]!.AsObject();
        var doc = Assert.Single(first).Value!;
        Assert.Equal(dup, Assert.Single(first).Key);
        Assert.Equal(["test"], doc["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("job-queued", doc["status"]!.GetValue<string>());
        Assert.Equal("job-listed:main", doc["type"]!.GetValue<string>());
        Assert.Equal("held", doc["job"]!["job_info"]!["job_queue"]!.GetValue<string>());
        Assert.Equal("test", doc["context"]!["tag"]!.GetValue<string>());
        Assert.NotNull(doc["context"]!["job_specification"]);
        Assert.Equal(_ids[^1], Assert.Single(detailed[1]!.AsObject()).Key);
    }

    [Fact]
    public async Task Invalid_status_is_500_json()
    {
        using var response = await _emu.Http.GetAsync("api/dps/job/list?status=job-queued");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await TestEmulator.JsonAsync(response);
        Assert.StartsWith("Invalid WPS status: job-queued.", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_user_sees_none_of_these_jobs()
    {
        var bob = _emu.Emulator.AddUser("bob-list");
        using var bobClient = _emu.NewClient(bob.Token);
        var body = await TestEmulator.JsonAsync(await bobClient.GetAsync("api/dps/job/list"));
        Assert.Equal("""{"status":200,"jobs":[]}""", body.ToJsonString());

        // The deprecated per-user route: your own list, 403 for anyone else's.
        using var own = await bobClient.GetAsync("api/dps/job/bob-list/list");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var others = await bobClient.GetAsync("api/dps/job/alice/list");
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        Assert.Contains("FailedGetJobs", await others.Content.ReadAsStringAsync());
    }
}
