using System.Net;
using System.Net.Sockets;
using Maap.Cli;
using Maap.Dps.Emulator;

namespace Maap.Cli.Tests;

/// <summary>Failures outside MAAP's own answers still map to the documented exit codes, with one line on stderr.</summary>
public class FailureExitCodeTests
{
    [Fact]
    public async Task A_server_that_never_answers_times_out_with_exit_3_and_a_message()
    {
        // Accepts connections and never answers: the client's per-request timeout is what ends the command.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        using var stop = new CancellationTokenSource();
        var acceptLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await silent.AcceptSocketAsync(stop.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var host = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";

        var run = await RunAsync("--host", host, "--token", "t0ken-never-printed", "--request-timeout", "0.3", "jobs", "cancel", "some-job-id");

        await stop.CancelAsync();
        await acceptLoop;
        accepted.ForEach(s => s.Dispose());
        run.Exits(3);
        Assert.StartsWith("error: timed out", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("t0ken-never-printed", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("soon")]
    public async Task A_request_timeout_that_is_not_a_positive_number_of_seconds_is_a_usage_error(string timeout)
    {
        var run = await RunAsync("--host", "http://127.0.0.1:9", "--request-timeout", timeout, "queues");

        run.Exits(2);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q:x")]
    [InlineData("q:4:soon")]
    [InlineData(":4")]
    [InlineData("q:4:10:extra")]
    public async Task A_bad_queue_list_is_a_usage_error_with_a_clear_message(string queues)
    {
        var dataDir = Directory.CreateTempSubdirectory("maap-cli-emulator-").FullName;
        try
        {
            var run = await RunAsync("emulator", "start", "--urls", "http://127.0.0.1:0", "--data-dir", dataDir, "--quiet", "--queues", queues);

            run.Exits(2);
            Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
            Assert.Contains("queue", run.Error, StringComparison.OrdinalIgnoreCase);
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Emulator_start_on_a_port_in_use_exits_3_with_one_line_a_hint_and_nothing_created()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var parent = Directory.CreateTempSubdirectory("maap-cli-emulator-").FullName;
        var dataDir = Path.Combine(parent, "data");
        try
        {
            var run = await RunAsync("--token", "emulator-t0ken", "emulator", "start", "--urls", $"http://127.0.0.1:{port}", "--data-dir", dataDir);

            run.Exits(3);
            Assert.Equal($"error: Cannot listen on http://127.0.0.1:{port}: the port is in use (another emulator?). Choose another port, or port 0 for any free one (--urls http://127.0.0.1:0).", run.Error.Trim());
            Assert.Equal(string.Empty, run.Output); // no log lines, no stack trace
            Assert.False(Directory.Exists(dataDir), "a start that cannot listen creates no data directory");
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task An_emulator_whose_port_is_taken_after_the_check_still_fails_with_the_same_message()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        // The library path has no early check: Kestrel's own bind failure is translated.
        var error = await Assert.ThrowsAsync<IOException>(() => MaapEmulator.StartAsync(new MaapEmulatorOptions { Urls = $"http://127.0.0.1:{port}" }));

        Assert.StartsWith($"Cannot listen on http://127.0.0.1:{port}: the port is in use", error.Message, StringComparison.Ordinal);
        Assert.IsType<SocketException>(error.InnerException);
    }

    [Fact]
    public async Task Nothing_listening_on_a_local_port_exits_3_at_once_and_asks_whether_the_emulator_runs()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var run = await RunAsync("--host", $"http://127.0.0.1:{port}", "--token", "t0ken-never-printed", "jobs", "status", "a");

        run.Exits(3);
        Assert.Contains("Is the emulator running?", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("t0ken-never-printed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_without_a_token_names_the_flags_that_give_one()
    {
        await using var emulator = await MaapEmulator.StartAsync();

        var run = await RunAsync("--host", emulator.BaseAddress.GetLeftPart(UriPartial.Authority), "secrets", "list");

        run.Exits(3);
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.Contains("No credential was sent: pass --token or --token-file, or set MAAP_PGT.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("MaapClientOptions", run.Error, StringComparison.Ordinal);
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        // Bounds a command that wrongly succeeds into serving (emulator start) or waiting forever.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await MaapCli.RunAsync(args, new CliConsole(output, error, TextReader.Null, isOutputRedirected: true), cancellationToken: limit.Token);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
