using System.Net;
using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Tests;

/// <summary>The single-job OGC routes, <c>/api/ogc/jobs/{id}</c>, status, dismiss, results and metrics, over HTTP.</summary>
public sealed class OgcJobRouteTests : IAsyncLifetime
{
    private const string NoSuchJobBody =
        "{\"type\": \"http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job\", \"title\": \"No job with that job ID found\", " +
        "\"status\": 404, \"detail\": \"No job with that job ID found\", \"instance\": \"\"}\n";

    private OgcJobHarness _h = null!;

    public async Task InitializeAsync() => _h = await OgcJobHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Status_is_four_keys_with_the_ogc_word_for_each_state_and_a_purged_job_is_404()
    {
        var gate = await _h.RunningGateAsync();
        var queued = await _h.SubmitAsync("quick", OgcJobHarness.OneWorker);
        var (status, body) = await _h.GetAsync($"api/ogc/jobs/{gate}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{{\"jobID\": \"{gate}\", \"processID\": \"Error getting process ID\", \"type\": null, \"status\": \"running\"}}\n", body);
        Assert.Equal("accepted", await _h.OgcStatusAsync(queued));

        Assert.Equal("successful", await _h.OgcStatusAsync(await _h.EndedAsync("quick")));
        Assert.Equal("failed", await _h.OgcStatusAsync(await _h.EndedAsync("boom")));

        Assert.Equal(HttpStatusCode.Accepted, (await _h.DeleteAsync($"api/ogc/jobs/{queued}")).Status);
        Assert.Equal((HttpStatusCode.NotFound, NoSuchJobBody), await _h.GetAsync($"api/ogc/jobs/{queued}"));
        Assert.Equal((HttpStatusCode.NotFound, NoSuchJobBody), await _h.GetAsync($"api/ogc/jobs/{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.Accepted, (await _h.DeleteAsync($"api/ogc/jobs/{gate}")).Status);
        Assert.Equal("dismissed", await _h.WaitForAsync(gate, s => s != "running"));
    }

    [Fact]
    public async Task Status_with_getJobDetails_has_every_key_in_order_for_a_queued_and_an_ended_job()
    {
        var gate = await _h.RunningGateAsync("a,b,a");
        var queued = await _h.SubmitAsync("quick", OgcJobHarness.OneWorker);
        var pending = await _h.OkJsonAsync($"api/ogc/jobs/{queued}?getJobDetails=TRUE");
        Assert.Equal(
            ["jobID", "processID", "type", "status", "title", "description", "keywords", "request", "message", "created", "started", "finished",
             "updated", "progress", "tags", "job_queue", "process_name", "products", "links"],
            OgcJobHarness.Keys(pending));
        Assert.Equal("accepted", pending["status"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", pending["created"]!.GetValue<string>());
        Assert.Null(pending["started"]);
        Assert.Null(pending["finished"]);
        Assert.Null(pending["products"]);
        Assert.Null(pending["title"]);
        Assert.Empty(pending["keywords"]!.AsArray());
        Assert.Equal("Error getting process name", pending["process_name"]!.GetValue<string>());
        Assert.Equal(OgcJobHarness.OneWorker, pending["job_queue"]!.GetValue<string>());
        var link = Assert.Single(pending["links"]!.AsArray())!;
        Assert.Equal(["href", "rel", "type", "hreflang", "title"], OgcJobHarness.Keys(link));
        Assert.Equal($"/ogc/jobs/{queued}", link["href"]!.GetValue<string>());
        Assert.Equal("Job Status", link["title"]!.GetValue<string>());

        await _h.ReleaseAsync(gate);
        await _h.WaitForAsync(gate, s => s == "successful");
        var done = await _h.OkJsonAsync($"api/ogc/jobs/{gate}?getJobDetails=true");
        Assert.Equal(["a", "b"], done["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.NotNull(done["started"]);
        Assert.NotNull(done["finished"]);
        Assert.Contains("/alice/dps_output/gate/main/", done["products"]!.GetValue<string>());

        // Anything but "true" is the default body.
        Assert.Equal(4, (await _h.OkJsonAsync($"api/ogc/jobs/{gate}?getJobDetails=yes")).AsObject().Count);
    }

    [Fact]
    public async Task Status_fields_append_in_the_order_asked_and_an_unknown_field_is_400()
    {
        var id = await _h.EndedAsync("quick", "t1");
        var body = await _h.OkJsonAsync($"api/ogc/jobs/{id}?fields=job_queue,tags,inputs,status");
        Assert.Equal(["jobID", "processID", "type", "status", "job_queue", "tags", "inputs"], OgcJobHarness.Keys(body));
        Assert.Equal("successful", body["status"]!.GetValue<string>());
        Assert.IsType<JsonArray>(body["inputs"]);

        // Fields are split on commas only: " tags" is not a field.
        var (status, error) = await _h.GetAsync($"api/ogc/jobs/{id}?fields=title,%20tags");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "{\"type\": null, \"title\": \"Invalid field requested  tags. Remember to separate fields with commas\", \"status\": 400, " +
            "\"detail\": \"Invalid field requested  tags. Remember to separate fields with commas\", \"instance\": \"\"}\n", error);
    }

    [Fact]
    public async Task Dismiss_revokes_running_purges_queued_and_refuses_an_ended_job_with_the_hysds_word()
    {
        var gate = await _h.RunningGateAsync();
        var queued = await _h.SubmitAsync("quick", OgcJobHarness.OneWorker);

        Assert.Equal((HttpStatusCode.Accepted, $"{{\"jobID\": \"{queued}\", \"type\": \"process\", \"status\": \"dismissed\"}}\n"),
            await _h.DeleteAsync($"api/ogc/jobs/{queued}"));
        Assert.Equal(HttpStatusCode.NotFound, (await _h.GetAsync($"api/ogc/jobs/{queued}")).Status);

        // waitForCompletion (any case of "true") waits until the revoke took effect.
        Assert.Equal((HttpStatusCode.Accepted, $"{{\"jobID\": \"{gate}\", \"type\": \"process\", \"status\": \"dismissed\"}}\n"),
            await _h.DeleteAsync($"api/ogc/jobs/{gate}?waitForCompletion=True"));
        Assert.Equal("dismissed", await _h.OgcStatusAsync(gate));

        var (status, body) = await _h.DeleteAsync($"api/ogc/jobs/{gate}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"type\": null, \"title\": \"Not allowed to cancel job with status job-revoked\", \"status\": 400, " +
                     "\"detail\": \"Not allowed to cancel job with status job-revoked\", \"instance\": \"\"}\n", body);
        var done = await _h.EndedAsync("quick");
        Assert.Contains("job-completed", (await _h.DeleteAsync($"api/ogc/jobs/{done}")).Body);
        Assert.Equal((HttpStatusCode.NotFound, NoSuchJobBody), await _h.DeleteAsync($"api/ogc/jobs/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Results_follow_the_job_500_while_queued_empty_while_running_products_when_ended_detail_when_failed()
    {
        var gate = await _h.RunningGateAsync();
        var queued = await _h.SubmitAsync("quick", OgcJobHarness.OneWorker);
        Assert.Equal((HttpStatusCode.InternalServerError,
                $"{{\"status\": 500, \"detail\": \"Failed to get job result of job with id: {queued}. 'NoneType' object has no attribute 'get'. If you don't see expected results, please contact administrator of DPS\"}}\n"),
            await _h.GetAsync($"api/ogc/jobs/{queued}/results"));
        Assert.Equal((HttpStatusCode.OK, "{}\n"), await _h.GetAsync($"api/ogc/jobs/{gate}/results"));

        await _h.ReleaseAsync(gate);
        await _h.WaitForAsync(gate, s => s == "successful");
        var results = await _h.OkJsonAsync($"api/ogc/jobs/{gate}/results");
        var product = Assert.Single(results.AsObject());
        Assert.Equal("additionalProp1", product.Key);
        Assert.Equal(["links", "id"], OgcJobHarness.Keys(product.Value!));
        Assert.StartsWith("output-", product.Value!["id"]!.GetValue<string>());
        var hrefs = product.Value["links"]!.AsArray().Select(l => l!["href"]!.GetValue<string>()).ToList();
        Assert.Equal(3, hrefs.Count);
        Assert.Equal((await _h.OkJsonAsync($"api/ogc/jobs/{gate}?getJobDetails=true"))["products"]!.GetValue<string>(), hrefs[0]);
        var s3Path = hrefs[1][(hrefs[1].IndexOf(":80/", StringComparison.Ordinal) + 4)..];
        Assert.Equal($"https://s3.console.aws.amazon.com/s3/buckets/{s3Path}/?region=us-east-1&tab=overview", hrefs[2]);
        Assert.Equal("gated\n", await _h.Emu.Anonymous.GetStringAsync(hrefs[0] + "/gated.txt"));

        var failed = await _h.OkJsonAsync($"api/ogc/jobs/{await _h.EndedAsync("boom")}/results");
        Assert.Equal("detail", OgcJobHarness.Keys(failed)[0]);
        Assert.StartsWith("Job failed and traceback is ", failed["detail"]!.GetValue<string>());
        Assert.StartsWith("triaged_job-", failed["additionalProp1"]!["id"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.NotFound, NoSuchJobBody), await _h.GetAsync($"api/ogc/jobs/{Guid.NewGuid()}/results"));
    }

    [Fact]
    public async Task Metrics_are_null_while_queued_eight_keys_while_running_and_all_eighteen_native_typed_when_ended()
    {
        var gate = await _h.RunningGateAsync();
        var queued = await _h.SubmitAsync("quick", OgcJobHarness.OneWorker);
        Assert.Equal((HttpStatusCode.OK, "null\n"), await _h.GetAsync($"api/ogc/jobs/{queued}/metrics"));
        string[] first = ["machine_type", "architecture", "machine_memory_size", "directory_size", "operating_system", "job_start_time", "job_end_time", "job_duration_seconds"];
        Assert.Equal(first, OgcJobHarness.Keys(await _h.OkJsonAsync($"api/ogc/jobs/{gate}/metrics")));

        await _h.ReleaseAsync(gate);
        await _h.WaitForAsync(gate, s => s == "successful");
        var metrics = await _h.OkJsonAsync($"api/ogc/jobs/{gate}/metrics");
        Assert.Equal([.. first, "cpu_usage", "cache_usage", "mem_usage", "max_mem_usage", "swap_usage", "read_io_stats", "write_io_stats",
                      "sync_io_stats", "async_io_stats", "total_io_stats"], OgcJobHarness.Keys(metrics));
        Assert.Matches(@"^\d+\.\d\d GiB$", metrics["machine_memory_size"]!.GetValue<string>());
        Assert.True(metrics["directory_size"]!.GetValue<long>() > 0);
        Assert.EndsWith("Z", metrics["job_end_time"]!.GetValue<string>());
        Assert.True(metrics["job_duration_seconds"]!.GetValue<double>() >= 0);
        Assert.Equal(0, metrics["sync_io_stats"]!.GetValue<long>());
        Assert.Equal((HttpStatusCode.NotFound, NoSuchJobBody), await _h.GetAsync($"api/ogc/jobs/{Guid.NewGuid()}/metrics"));
    }

    [Fact]
    public async Task Another_users_job_is_404_on_every_route_and_no_credentials_is_401()
    {
        var id = await _h.EndedAsync("quick");
        var bob = _h.Emu.Emulator.AddUser("bob-ogc");
        using var bobClient = _h.Emu.NewClient(bob.Token);
        foreach (var path in new[] { $"api/ogc/jobs/{id}", $"api/ogc/jobs/{id}/results", $"api/ogc/jobs/{id}/metrics" })
        {
            Assert.Equal((HttpStatusCode.NotFound, NoSuchJobBody), await _h.GetAsync(path, bobClient));
            var (status, body) = await _h.GetAsync(path, _h.Emu.Anonymous);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("{\"message\": \"No valid authentication credentials provided or processed.\", \"code\": 401}\n", body);
        }

        Assert.Equal((HttpStatusCode.NotFound, NoSuchJobBody), await _h.DeleteAsync($"api/ogc/jobs/{id}", bobClient));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _h.DeleteAsync($"api/ogc/jobs/{id}", _h.Emu.Anonymous)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _h.GetAsync("api/ogc/jobs", _h.Emu.Anonymous)).Status);
        Assert.Equal([id], (await _h.OkJsonAsync("api/ogc/jobs"))["jobs"]!.AsArray().Select(j => j!["jobID"]!.GetValue<string>()));
        Assert.Equal("{\"status\": 200, \"jobs\": [], \"links\": []}\n", (await _h.GetAsync("api/ogc/jobs", bobClient)).Body);
    }
}
