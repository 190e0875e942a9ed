using System.Text.Json;

namespace Maap.Cli.Tests;

public class CliTests(CliHarness cli) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task Queues_lists_the_emulators_queues()
    {
        var run = await cli.RunAsync("queues");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("maap-dps-sandbox", run.Output, StringComparison.Ordinal);
        Assert.Contains("maap-dps-worker-8gb", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_round_trip_and_a_value_is_printed_only_by_get()
    {
        const string value = "cli-s3cret-value-42";

        var add = await cli.RunAsync(value + "\n", "secrets", "add", "CLI_TOKEN");
        var list = await cli.RunAsync("secrets", "list", "--output", "json");
        var get = await cli.RunAsync("secrets", "get", "CLI_TOKEN");
        var duplicate = await cli.RunAsync("secrets", "add", "CLI_TOKEN", "--value", value);
        var delete = await cli.RunAsync("secrets", "delete", "CLI_TOKEN");
        var missing = await cli.RunAsync("secrets", "get", "CLI_TOKEN");

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("CLI_TOKEN", JsonSerializer.Deserialize<string[]>(list.Output)!);
        Assert.Equal(value, get.Output.Trim());
        Assert.Equal(3, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal(0, delete.ExitCode);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("No secret exists with name CLI_TOKEN", missing.Error, StringComparison.Ordinal);
        foreach (var run in new[] { add, list, duplicate, delete, missing })
        {
            Assert.DoesNotContain(value, run.Output + run.Error, StringComparison.Ordinal);
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
        var metrics = await cli.RunAsync("jobs", "metrics", id);

        Assert.Equal(0, register.ExitCode);
        Assert.Contains("input: who", describe.Output, StringComparison.Ordinal);
        Assert.Equal(0, submit.ExitCode);
        Assert.Contains("Succeeded", submit.Output, StringComparison.Ordinal); // plain watch lines: the output is redirected
        Assert.Equal("Succeeded", status.Output.Trim());
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var http = json.RootElement.GetProperty("outputs")[0].GetProperty("urls").EnumerateArray().First(u => u.GetProperty("kind").GetString() == "http").GetProperty("url").GetString();
        using var download = new HttpClient();
        Assert.Equal("hello cli", (await download.GetStringAsync(http + "/greeting.txt")).Trim());
        Assert.Contains(id, list.Output, StringComparison.Ordinal);
        Assert.Contains("job-cli_echo:main", list.Output, StringComparison.Ordinal);
        Assert.Contains("job_duration_seconds", metrics.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_job_exits_1_and_result_prints_its_traceback()
    {
        var config = CliHarness.WriteAlgorithm("cli_fail", "echo 'something broke' >&2\nexit 3");
        Assert.Equal(0, (await cli.RunAsync("algorithms", "register", config)).ExitCode);

        var submit = await cli.RunAsync("jobs", "submit", "cli_fail:main", "-q", "maap-dps-worker-8gb");
        var id = submit.Output.Trim();
        var watch = await cli.RunAsync("jobs", "watch", id);
        var result = await cli.RunAsync("jobs", "result", id);

        Assert.Equal(0, submit.ExitCode);
        Assert.Equal(1, watch.ExitCode);
        Assert.Contains("Failed", watch.Output, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
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

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_refusal_exits_3_with_MAAPs_message()
    {
        var run = await cli.RunAsync("jobs", "submit", "no_such_algorithm:v1", "-q", "maap-dps-sandbox");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("FailedJobSubmit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_of_a_queued_or_running_job_is_accepted()
    {
        var config = CliHarness.WriteAlgorithm("cli_sleep", "sleep 30");
        Assert.Equal(0, (await cli.RunAsync("algorithms", "register", config)).ExitCode);
        var id = (await cli.RunAsync("jobs", "submit", "cli_sleep:main", "-q", "maap-dps-worker-8gb")).Output.Trim();

        var cancel = await cli.RunAsync("jobs", "cancel", id);
        var watch = await cli.RunAsync("jobs", "watch", id);

        Assert.Equal(0, cancel.ExitCode);
        Assert.Equal(1, watch.ExitCode); // Deleted or Dismissed: not a success
    }
}
