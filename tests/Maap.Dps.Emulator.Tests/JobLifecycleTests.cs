using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

public sealed class JobLifecycleTests : IAsyncLifetime
{
    private static readonly XNamespace Wps = TestEmulator.Wps;
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync(o =>
    {
        o.Queues.Add(new QueueDefinition("maap-dps-worker-8gb", 4, null));
        o.Queues.Add(new QueueDefinition("short-limit", 1, TimeSpan.FromSeconds(1)));
        o.Queues.Add(new QueueDefinition("single", 1, null));
    });

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Submitted_job_goes_Accepted_Running_Succeeded_and_its_result_urls_serve_the_real_files()
    {
        var inputDir = _emu.TempDirectory();
        var inputPath = Path.Combine(inputDir, "PIA00127.txt");
        await File.WriteAllTextAsync(inputPath, "pixels\n");
        await _emu.RegisterScriptAsync("gdal-like", """
            set -e
            while [ ! -f go ]; do sleep 0.05; done
            mkdir -p output
            cat input/PIA00127.txt > "output/$1"
            echo "outsize=$2" >> "output/$1"
            head -c 300000 /dev/zero > output/blob.bin
            echo "done" ; echo "warning" >&2
            """,
            """{"file": [{"name": "input_file"}], "config": [], "positional": [{"name": "output_filename", "default": "output.tif"}, {"name": "outsize", "default": "10"}]}""");

        var id = await _emu.SubmitAsync("job-gdal-like:main", "maap-dps-worker-8gb", ("input_file", new Uri(inputPath).AbsoluteUri), ("outsize", "30"));
        Assert.Equal("Running", await _emu.WaitForStatusAsync(id, s => s != "Accepted"));

        // While running: an empty wps:Result, no outputs.
        var running = await _emu.ResultAsync(id);
        Assert.Empty(running.Root!.Elements(Wps + "Output"));
        Assert.Equal(id, running.Root.Element(Wps + "JobID")!.Value);

        await File.WriteAllTextAsync(Path.Combine(_emu.Emulator.DataDirectory, "jobs", id, "go"), "");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));

        var result = await _emu.ResultAsync(id);
        var output = Assert.Single(result.Root!.Elements(Wps + "Output"));
        Assert.StartsWith("output-", output.Attribute("id")!.Value);
        var data = output.Elements(Wps + "Data").Select(d => d.Value).ToList();
        Assert.Equal(3, data.Count);
        var http = data[0];
        Assert.StartsWith(_emu.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority) + "/", http);
        Assert.Contains("/alice/dps_output/gdal-like/main/test-job/", http);
        Assert.Matches(@"/\d{4}/\d{2}/\d{2}/\d{2}/\d{2}/\d{2}/\d{6}$", http);
        Assert.StartsWith("s3://", data[1]);
        Assert.Contains(":80/", data[1]);
        var afterPort = data[1][(data[1].IndexOf(":80/", StringComparison.Ordinal) + 4)..];
        Assert.Equal($"https://s3.console.aws.amazon.com/s3/buckets/{afterPort}/?region=us-east-1&tab=overview", data[2]);

        // The raw XML escapes the console URL's & as &amp;.
        Assert.Contains("&amp;tab=overview", await _emu.Anonymous.GetStringAsync($"api/dps/job/{id}"));

        // Plain GETs without credentials download the published files.
        Assert.Equal("pixels\noutsize=30\n", await _emu.Anonymous.GetStringAsync(http + "/output.tif"));
        Assert.Equal("done\n", await _emu.Anonymous.GetStringAsync(http + "/_stdout.txt"));
        Assert.Equal("warning\n", await _emu.Anonymous.GetStringAsync(http + "/_stderr.txt"));
        Assert.Equal(300000, (await _emu.Anonymous.GetByteArrayAsync(http + "/blob.bin")).Length);

        // Metrics: real times and sizes; the eight broken fields reproduce MAAP's quirk.
        using var metricsResponse = await _emu.Anonymous.GetAsync($"api/dps/job/{id}/metrics");
        Assert.Equal("text/xml; charset=utf-8", metricsResponse.Content.Headers.ContentType!.ToString());
        var metrics = XDocument.Parse(await metricsResponse.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("metrics", metrics.Name.LocalName);
        Assert.True(long.Parse(metrics.Element("directory_size")!.Value) >= 300000);
        var start = DateTimeOffset.Parse(metrics.Element("job_start_time")!.Value);
        var end = DateTimeOffset.Parse(metrics.Element("job_end_time")!.Value);
        Assert.True(end > start);
        Assert.True(double.Parse(metrics.Element("job_duration_seconds")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(long.Parse(metrics.Element("cpu_usage")!.Value) >= 0);
        Assert.True(long.Parse(metrics.Element("cache_usage")!.Value) >= 0);
        Assert.Matches("^<Element 'mem_usage' at 0x[0-9a-f]+>$", metrics.Element("mem_usage")!.Value);
        Assert.Matches("^<Element 'total_io_stats' at 0x[0-9a-f]+>$", metrics.Element("total_io_stats")!.Value);
        Assert.Equal(
            ["machine_type", "architecture", "machine_memory_size", "directory_size", "operating_system", "job_start_time", "job_end_time", "job_duration_seconds",
             "cpu_usage", "cache_usage", "mem_usage", "max_mem_usage", "swap_usage", "read_io_stats", "write_io_stats", "sync_io_stats", "async_io_stats", "total_io_stats"],
            metrics.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Result_of_a_queued_job_is_500_FailedGetResult()
    {
        await _emu.RegisterScriptAsync("blocker", "sleep 20", queue: "single");
        var first = await _emu.SubmitAsync("job-blocker:main", "single");
        var second = await _emu.SubmitAsync("job-blocker:main", "single");
        await _emu.WaitForStatusAsync(first, s => s == "Running");
        Assert.Equal("Accepted", await _emu.StatusAsync(second));
        using var response = await _emu.Anonymous.GetAsync($"api/dps/job/{second}");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("FailedGetResult", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Failing_algorithm_is_Failed_with_the_last_ten_stderr_lines_as_traceback_and_a_triage_product()
    {
        await _emu.RegisterScriptAsync("fails", """
            for i in $(seq 1 15); do echo "err line $i" >&2; done
            echo "keep me" > debug.log
            mkdir -p output; echo private > output/not-triaged.txt
            exit 3
            """);
        var id = await _emu.SubmitAsync("job-fails:main", "maap-dps-worker-8gb");
        Assert.Equal("Failed", await _emu.WaitForEndAsync(id));

        var result = await _emu.ResultAsync(id);
        var outputs = result.Root!.Elements(Wps + "Output").ToList();
        Assert.Equal(2, outputs.Count);
        Assert.StartsWith("triaged_job-job-fails__main-", outputs[0].Attribute("id")!.Value);
        Assert.Equal("traceback", outputs[1].Attribute("id")!.Value);
        var traceback = outputs[1].Element(Wps + "Data")!.Value;
        Assert.Equal(string.Join('\n', Enumerable.Range(6, 10).Select(i => $"err line {i}")), traceback);

        var triage = outputs[0].Element(Wps + "Data")!.Value;
        Assert.Contains("/dataset/triaged_job/", triage);
        Assert.Equal("keep me\n", await _emu.Anonymous.GetStringAsync(triage + "/debug.log"));
        Assert.Contains("err line 15", await _emu.Anonymous.GetStringAsync(triage + "/_stderr.txt"));
        Assert.Equal("3\n", await _emu.Anonymous.GetStringAsync(triage + "/_exit_code"));
        Assert.Contains("\"username\"", await _emu.Anonymous.GetStringAsync(triage + "/_job.json"));
        Assert.Equal(HttpStatusCode.NotFound, (await _emu.Anonymous.GetAsync(triage + "/not-triaged.txt")).StatusCode);

        var list = await TestEmulator.JsonAsync(await _emu.Http.GetAsync("api/dps/job/list?job_type=job-fails:main"));
        var doc = list["jobs"]![0]![id]!;
        Assert.Equal("job-failed", doc["status"]!.GetValue<string>());
        Assert.StartsWith("triaged-jobs/", doc["job"]!["job_info"]!["metrics"]!["products_staged"]![0]!["product_folder_path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Directory_size_counts_no_file_behind_a_symlink_and_survives_link_loops()
    {
        // /etc alone is hundreds of megabytes on some hosts; `up` makes a loop; neither is the job's data.
        await _emu.RegisterScriptAsync("links-size", """
            set -e
            mkdir -p output
            ln -s /etc output/etc
            ln -s .. output/up
            ln -s /nonexistent/target output/dangling
            head -c 5000 /dev/zero > output/real.bin
            """);
        var id = await _emu.SubmitAsync("job-links-size:main", "maap-dps-worker-8gb");
        var status = await _emu.WaitForEndAsync(id);
        Assert.True(status == "Succeeded", (await _emu.ResultAsync(id)).ToString());
        var size = long.Parse(XDocument.Parse(await _emu.Anonymous.GetStringAsync($"api/dps/job/{id}/metrics")).Root!.Element("directory_size")!.Value);
        Assert.InRange(size, 5000, 1_000_000);
    }

    [Fact]
    public async Task A_failed_download_fails_the_job_with_a_clear_traceback()
    {
        await _emu.RegisterScriptAsync("needs-input", "cat input/*", """{"file": [{"name": "input_file"}], "config": [], "positional": []}""");
        var missing = new Uri(_emu.Emulator.BaseAddress, "emulator-workspace/does/not/exist.tif").AbsoluteUri;
        var id = await _emu.SubmitAsync("job-needs-input:main", "maap-dps-worker-8gb", ("input_file", missing));
        Assert.Equal("Failed", await _emu.WaitForEndAsync(id));
        var traceback = (await _emu.ResultAsync(id)).Root!.Elements(Wps + "Output").Single(o => o.Attribute("id")!.Value == "traceback").Value;
        Assert.Contains("Failed to download " + missing, traceback);
        Assert.Contains("404", traceback);
    }

    [Fact]
    public async Task A_job_whose_output_cannot_be_published_is_Failed_with_a_traceback_that_says_why()
    {
        // Exit 0, but output/ is a file: nothing can be staged, and the result must still show the reason.
        await _emu.RegisterScriptAsync("bad-output", "rm -rf output; echo not a folder > output; exit 0");
        var id = await _emu.SubmitAsync("job-bad-output:main", "maap-dps-worker-8gb");
        Assert.Equal("Failed", await _emu.WaitForEndAsync(id));
        var outputs = (await _emu.ResultAsync(id)).Root!.Elements(Wps + "Output").ToList();
        Assert.StartsWith("triaged_job-job-bad-output__main-", outputs[0].Attribute("id")!.Value);
        var traceback = outputs.Single(o => o.Attribute("id")!.Value == "traceback").Value;
        Assert.Contains("Publishing the job's outputs failed", traceback);
    }

    [Fact]
    public async Task Queue_time_limit_kills_the_job_tree_with_exit_code_143()
    {
        await _emu.RegisterScriptAsync("sleepy", "echo started >&2; sleep 30 & echo $! > child.pid; wait", queue: "short-limit");
        var id = await _emu.SubmitAsync("job-sleepy:main", "short-limit");
        Assert.Equal("Failed", await _emu.WaitForEndAsync(id, TimeSpan.FromSeconds(20)));
        var traceback = (await _emu.ResultAsync(id)).Root!.Elements(Wps + "Output").Single(o => o.Attribute("id")!.Value == "traceback").Value;
        Assert.Contains("started", traceback);
        Assert.Contains("exit code 143", traceback);
        var list = await TestEmulator.JsonAsync(await _emu.Http.GetAsync("api/dps/job/list?job_type=job-sleepy:main"));
        Assert.Equal(143, list["jobs"]![0]![id]!["job"]!["job_info"]!["exit_code"]!.GetValue<int>());
        var childPid = int.Parse(await File.ReadAllTextAsync(Path.Combine(_emu.Emulator.DataDirectory, "jobs", id, "child.pid")));
        Assert.False(Directory.Exists($"/proc/{childPid}") && !File.ReadAllText($"/proc/{childPid}/stat").Contains(") Z "), "the job's child process survived");
    }

    [Fact]
    public async Task Processes_a_job_leaves_in_the_background_end_with_the_job()
    {
        await _emu.RegisterScriptAsync("leaves-bg", "nohup sleep 30 >/dev/null 2>&1 & echo $! > bg.pid; exit 0");
        var id = await _emu.SubmitAsync("job-leaves-bg:main", "maap-dps-worker-8gb");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(_emu.Emulator.DataDirectory, "jobs", id, "bg.pid")));
        Assert.False(CancelTests.IsAlive(pid), "a background process outlived its job");
    }

    [Fact]
    public async Task A_running_job_reads_its_users_secret_through_MAAP_PGT_and_MAAP_API_HOST()
    {
        using (var add = await _emu.Http.PostAsync("api/members/self/secrets",
                   new StringContent("""{"secret_name": "GEE_TOKEN", "secret_value": "s3cr3t-value"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        }

        await _emu.RegisterScriptAsync("reads-secret", """
            set -e
            mkdir -p output
            case "$MAAP_API_HOST" in http://*) ;; *) echo "MAAP_API_HOST has no scheme: $MAAP_API_HOST" >&2; exit 2;; esac
            curl -sS -f -H "proxy-ticket: $MAAP_PGT" "$MAAP_API_HOST/api/members/self/secrets/GEE_TOKEN" > output/secret.json
            """);
        var id = await _emu.SubmitAsync("job-reads-secret:main", "maap-dps-worker-8gb");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        var http = (await _emu.ResultAsync(id)).Root!.Element(Wps + "Output")!.Element(Wps + "Data")!.Value;
        var secret = JsonNode.Parse(await _emu.Anonymous.GetStringAsync(http + "/secret.json"))!;
        Assert.Equal("s3cr3t-value", secret["secret_value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Metrics_carry_real_numbers_when_the_quirk_is_off()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.ReproduceMetricsQuirk = false);
        await emu.RegisterScriptAsync("mem", "python3 -c 'import time; b = b\"x\" * (64*1024*1024); time.sleep(1)'");
        var id = await emu.SubmitAsync("job-mem:main", "maap-dps-worker-8gb");
        Assert.Equal("Succeeded", await emu.WaitForEndAsync(id));
        var metrics = XDocument.Parse(await emu.Anonymous.GetStringAsync($"api/dps/job/{id}/metrics")).Root!;
        Assert.True(long.Parse(metrics.Element("max_mem_usage")!.Value) > 20_000_000, metrics.ToString());
        Assert.True(long.Parse(metrics.Element("cpu_usage")!.Value) >= 0);
    }

    [Fact]
    public async Task Built_in_run_dps_test_ubuntu_delay10_runs_the_jobs_guide_example()
    {
        var inputPath = Path.Combine(_emu.TempDirectory(), "README.md");
        await File.WriteAllTextAsync(inputPath, "# dps-unit-test\n");
        var id = await _emu.SubmitAsync("job-run-dps-test_ubuntu:delay10", "maap-dps-worker-8gb", ("input_file", new Uri(inputPath).AbsoluteUri));
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id, TimeSpan.FromSeconds(40)));
        var http = (await _emu.ResultAsync(id)).Root!.Element(Wps + "Output")!.Element(Wps + "Data")!.Value;
        Assert.Contains("/dps_output/run-dps-test_ubuntu/delay10/test-job/", http);
        Assert.Equal("# dps-unit-test\n", await _emu.Anonymous.GetStringAsync(http + "/README.md"));
        var duration = double.Parse(XDocument.Parse(await _emu.Anonymous.GetStringAsync($"api/dps/job/{id}/metrics")).Root!.Element("job_duration_seconds")!.Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(duration >= 10);
    }
}
