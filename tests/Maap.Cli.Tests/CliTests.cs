using System.Text.Json;

namespace Maap.Cli.Tests;

public class CliTests(CliHarness cli) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task Queues_lists_the_emulators_queues()
    {
        var run = await cli.RunAsync("queues");

        run.Exits(0);
        Assert.Contains("maap-dps-sandbox", run.Output, StringComparison.Ordinal);
        Assert.Contains("maap-dps-worker-8gb", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_round_trip_and_a_value_is_printed_only_by_get()
    {
        const string value = "cli-s3cret-value-42";

        var add = await cli.RunWithInputAsync(value + "\n", "secrets", "add", "CLI_TOKEN");
        var list = await cli.RunAsync("secrets", "list", "--output", "json");
        var get = await cli.RunAsync("secrets", "get", "CLI_TOKEN");
        var duplicate = await cli.RunAsync("secrets", "add", "CLI_TOKEN", "--value", value);
        var delete = await cli.RunAsync("secrets", "delete", "CLI_TOKEN");
        var missing = await cli.RunAsync("secrets", "get", "CLI_TOKEN");

        add.Exits(0);
        Assert.Contains("CLI_TOKEN", JsonSerializer.Deserialize<string[]>(list.Output)!);
        Assert.Equal(value, get.Output.Trim());
        duplicate.Exits(3);
        Assert.Contains("already exists", duplicate.Error, StringComparison.Ordinal);
        delete.Exits(0);
        missing.Exits(3);
        Assert.Contains("No secret exists with name CLI_TOKEN", missing.Error, StringComparison.Ordinal);
        foreach (var run in new[] { add, list, duplicate, delete, missing })
        {
            Assert.DoesNotContain(value, run.Output + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_value_starting_with_at_is_a_value_not_a_response_file()
    {
        const string value = "@S3cr3tVal!";

        var add = await cli.RunAsync("secrets", "add", "CLI_AT_VALUE", "--value", value);
        var get = await cli.RunAsync("secrets", "get", "CLI_AT_VALUE");
        var duplicate = await cli.RunAsync("secrets", "add", "CLI_AT_VALUE", "--value", value);

        add.Exits(0);
        Assert.Equal(value, get.Output.Trim());
        duplicate.Exits(3);
        foreach (var run in new[] { add, duplicate })
        {
            Assert.DoesNotContain("S3cr3tVal", run.Output + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_secret_typed_where_no_argument_belongs_is_not_echoed_in_the_usage_error()
    {
        var misplaced = await cli.RunAsync("secrets", "add", "CLI_MISPLACED", "s3cr3t-typed-by-mistake");

        misplaced.Exits(2);
        Assert.Contains("error:", misplaced.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", misplaced.Output + misplaced.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_at_file_argument_is_not_replaced_by_the_files_contents()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "spliced-from-file");
        try
        {
            (await cli.RunAsync("secrets", "add", "CLI_AT_FILE", "--value", "@" + file)).Exits(0);
            var get = await cli.RunAsync("secrets", "get", "CLI_AT_FILE");

            Assert.Equal("@" + file, get.Output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Register_submit_wait_result_and_list_a_job()
    {
        var config = CliHarness.WriteAlgorithm("cli_echo", "mkdir -p output\necho \"hello $1\" > output/greeting.txt",
            "  - {default: world, description: '', name: who, required: false}");

        var register = await cli.RunAsync("algorithms", "register", config);
        var describe = await cli.RunAsync("algorithms", "describe", "cli_echo:main");
        var submit = await cli.RunAsync("jobs", "submit", "cli_echo:main", "--queue", "maap-dps-worker-8gb", "--tag", "cli", "-i", "who=cli", "--wait");
        var id = submit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        var status = await cli.RunAsync("jobs", "status", id);
        var result = await cli.RunAsync("jobs", "result", id, "--output", "json");
        var list = await cli.RunAsync("jobs", "list", "--algorithm", "cli_echo:main", "--details");
        var plainList = await cli.RunAsync("jobs", "list", "--algorithm", "cli_echo:main");
        var jsonList = await cli.RunAsync("jobs", "list", "--algorithm", "cli_echo:main", "-o", "json");
        var metrics = await cli.RunAsync("jobs", "metrics", id);
        var metricsJson = await cli.RunAsync("jobs", "metrics", id, "--output", "json");

        register.Exits(0);
        Assert.Contains("input: who", describe.Output, StringComparison.Ordinal);
        submit.Exits(0);
        Assert.Contains("Succeeded", submit.Output, StringComparison.Ordinal); // plain watch lines: the output is redirected
        Assert.Equal("Succeeded", status.Output.Trim());
        result.Exits(0);
        using var json = JsonDocument.Parse(result.Output);
        var http = json.RootElement.GetProperty("outputs")[0].GetProperty("urls").EnumerateArray().First(u => u.GetProperty("kind").GetString() == "http").GetProperty("url").GetString();
        using var download = new HttpClient();
        Assert.Equal("hello cli", (await download.GetStringAsync(http + "/greeting.txt")).Trim());
        Assert.Contains(id, list.Output, StringComparison.Ordinal);
        Assert.Contains("cli_echo:main", list.Output, StringComparison.Ordinal);
        // Without --details: status, algorithm, tag and times, one row per job.
        plainList.Exits(0);
        var lines = plainList.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ID", "STATUS", "ALGORITHM", "TAG", "QUEUED", "STARTED", "ENDED"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = lines.Single(l => l.StartsWith(id, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([id, "Succeeded", "cli_echo:main", "cli"], row[..4]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row[4]);
        using var listed = JsonDocument.Parse(jsonList.Output);
        var item = listed.RootElement.EnumerateArray().Single(j => j.GetProperty("id").GetString() == id);
        Assert.Equal("Succeeded", item.GetProperty("status").GetString());
        Assert.Equal("cli", item.GetProperty("tag").GetString());
        Assert.NotNull(item.GetProperty("ended").GetString());
        Assert.Contains("job_duration_seconds", metrics.Output, StringComparison.Ordinal);
        // The emulator, like MAAP, sends "<Element 'mem_usage' at 0x…>" for some fields: the CLI prints the typed values.
        Assert.DoesNotContain("<Element", metrics.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<Element", metricsJson.Output, StringComparison.Ordinal);
        using var metricValues = JsonDocument.Parse(metricsJson.Output);
        Assert.Equal(JsonValueKind.Number, metricValues.RootElement.GetProperty("job_duration_seconds").ValueKind);
        Assert.Equal(JsonValueKind.Number, metricValues.RootElement.GetProperty("directory_size").ValueKind);
        Assert.Equal(JsonValueKind.Null, metricValues.RootElement.GetProperty("mem_usage").ValueKind);
    }

    [Fact]
    public async Task Submit_wait_and_watch_print_only_JSON_lines_in_json_mode()
    {
        var config = CliHarness.WriteAlgorithm("cli_json", "sleep 1\nmkdir -p output");
        (await cli.RunAsync("algorithms", "register", config)).Exits(0);
        var failing = CliHarness.WriteAlgorithm("cli_json_fail", "exit 3");
        (await cli.RunAsync("algorithms", "register", failing)).Exits(0);

        var submit = await cli.RunAsync("jobs", "submit", "cli_json:main", "-q", "maap-dps-worker-8gb", "--wait", "-o", "json");
        var submitLines = JsonLines(submit.Output);
        var id = submitLines[0].GetProperty("id").GetString();
        var watch = await cli.RunAsync("jobs", "watch", id!, "--output", "json");
        var failed = await cli.RunAsync("jobs", "submit", "cli_json_fail:main", "-q", "maap-dps-worker-8gb", "-w", "-o", "json");

        submit.Exits(0);
        Assert.True(submitLines.Count >= 2, submit.Output);
        Assert.All(submitLines, line => Assert.Equal(id, line.GetProperty("id").GetString()));
        Assert.Equal("Accepted", submitLines[0].GetProperty("status").GetString());
        Assert.Equal("Succeeded", submitLines[^1].GetProperty("status").GetString());
        Assert.True(submitLines[^1].GetProperty("elapsed").GetDouble() >= 0);
        watch.Exits(0);
        var watchLines = JsonLines(watch.Output);
        Assert.Equal("Succeeded", Assert.Single(watchLines).GetProperty("status").GetString());
        failed.Exits(1);
        Assert.Equal("Failed", JsonLines(failed.Output)[^1].GetProperty("status").GetString());
        Assert.Contains("ended Failed", failed.Error, StringComparison.Ordinal); // the explanation stays on stderr
    }

    /// <summary>Parses every line of the output as one JSON object (JSON Lines).</summary>
    private static List<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new Xunit.Sdk.XunitException($"Not a JSON line: '{line}' ({ex.Message})\nwhole output:\n{output}");
            }
        }).ToList();

    [Fact]
    public async Task A_failed_job_exits_1_and_result_prints_its_traceback()
    {
        var config = CliHarness.WriteAlgorithm("cli_fail", "echo 'something broke' >&2\nexit 3");
        (await cli.RunAsync("algorithms", "register", config)).Exits(0);

        var submit = await cli.RunAsync("jobs", "submit", "cli_fail:main", "-q", "maap-dps-worker-8gb");
        var id = submit.Output.Trim();
        var watch = await cli.RunAsync("jobs", "watch", id);
        var result = await cli.RunAsync("jobs", "result", id);

        submit.Exits(0);
        watch.Exits(1);
        Assert.Contains("Failed", watch.Output, StringComparison.Ordinal);
        result.Exits(1);
        Assert.Contains("something broke", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jobs", "submit", "run-dps-test_ubuntu:delay10")]          // no --queue
    [InlineData("jobs", "submit", "no-version", "-q", "maap-dps-sandbox")]
    [InlineData("jobs", "submit", "algo:v1", "-q", "maap-dps-sandbox", "-i", "novalue")]
    [InlineData("jobs", "list", "--status", "Sleeping")]
    [InlineData("jobs", "frobnicate")]
    [InlineData("secrets", "get", "a/b")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var run = await cli.RunAsync(args);

        run.Exits(2);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_refusal_exits_3_with_MAAPs_message()
    {
        var run = await cli.RunAsync("jobs", "submit", "no_such_algorithm:v1", "-q", "maap-dps-sandbox");

        run.Exits(3);
        Assert.Contains("FailedJobSubmit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_job_id_keeps_MAAPs_Deleted_and_says_what_it_means()
    {
        var status = await cli.RunAsync("jobs", "status", "not-a-job");
        var watch = await cli.RunAsync("jobs", "watch", "not-a-job");
        var result = await cli.RunAsync("jobs", "result", "not-a-job");

        status.Exits(0);
        Assert.Equal("Deleted", status.Output.Trim());
        Assert.Contains("MAAP reports Deleted for ids it does not know", status.Error, StringComparison.Ordinal);
        watch.Exits(1);
        Assert.Contains("MAAP reports Deleted for ids it does not know", watch.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("maap jobs result", watch.Error, StringComparison.Ordinal); // it would fail too
        result.Exits(3); // MAAP answers 500 for the result of an unknown id
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("MAAP reports Deleted for ids it does not know", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_of_a_running_job_says_it_has_not_finished_instead_of_an_empty_table()
    {
        var config = CliHarness.WriteAlgorithm("cli_slow", "sleep 30");
        (await cli.RunAsync("algorithms", "register", config)).Exits(0);
        var id = (await cli.RunAsync("jobs", "submit", "cli_slow:main", "-q", "maap-dps-worker-8gb")).Output.Trim();

        var result = await cli.RunAsync("jobs", "result", id);
        (await cli.RunAsync("jobs", "cancel", id)).Exits(0);

        result.Exits(1);
        Assert.Equal(string.Empty, result.Output);
        Assert.Matches($"job {id} is (Accepted|Running): it has no result until it finishes; 'maap jobs watch {id}' waits for it", result.Error);
    }

    [Fact]
    public async Task Bare_maap_and_a_bare_command_group_print_help_and_exit_0()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var bare = await MaapCli.RunAsync([], new CliConsole(output, error, new StringReader(string.Empty), isOutputRedirected: true));
        var jobs = await cli.RunAsync("jobs");

        Assert.Equal(0, bare);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains("Usage:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("jobs", output.ToString(), StringComparison.Ordinal);
        jobs.Exits(0);
        Assert.Contains("submit", jobs.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("succeeded")]
    [InlineData("SUCCEEDED")]
    [InlineData("Succeeded")]
    public async Task List_status_filter_is_case_insensitive(string status)
    {
        var config = CliHarness.WriteAlgorithm("cli_case", "mkdir -p output");
        (await cli.RunAsync("algorithms", "register", config)).Exits(0);
        var id = (await cli.RunAsync("jobs", "submit", "cli_case:main", "-q", "maap-dps-worker-8gb", "--wait")).Exits(0).Output.Split('\n')[0].Trim();

        var list = await cli.RunAsync("jobs", "list", "--algorithm", "cli_case:main", "--status", status);

        list.Exits(0);
        Assert.Contains(id, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_of_a_queued_or_running_job_is_accepted()
    {
        var config = CliHarness.WriteAlgorithm("cli_sleep", "sleep 30");
        (await cli.RunAsync("algorithms", "register", config)).Exits(0);
        var id = (await cli.RunAsync("jobs", "submit", "cli_sleep:main", "-q", "maap-dps-worker-8gb")).Output.Trim();

        var cancel = await cli.RunAsync("jobs", "cancel", id);
        var watch = await cli.RunAsync("jobs", "watch", id);

        cancel.Exits(0);
        watch.Exits(1); // Deleted or Dismissed: not a success
    }
}
