using Maap.Cli;

namespace Maap.Cli.Tests;

public class EmulatorCommandTests
{
    [Fact]
    public async Task Emulator_start_serves_until_cancelled_and_the_other_commands_reach_it()
    {
        var dataDir = Directory.CreateTempSubdirectory("maap-cli-emulator-").FullName;
        var banner = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var running = MaapCli.RunAsync(
            ["--token", "cli-test-token", "emulator", "start", "--urls", "http://127.0.0.1:0", "--data-dir", dataDir, "--quiet"],
            new CliConsole(TextWriter.Synchronized(banner), TextWriter.Null, TextReader.Null, isOutputRedirected: true),
            cancellationToken: stop.Token);

        string? host = null;
        while (host is null && !running.IsCompleted)
        {
            await Task.Delay(50);
            host = banner.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("MAAP DPS emulator listening on ", StringComparison.Ordinal))?["MAAP DPS emulator listening on ".Length..].Trim();
        }

        Assert.NotNull(host);
        Assert.DoesNotContain("cli-test-token", banner.ToString(), StringComparison.Ordinal);
        Assert.Contains("token:          the one you gave (not shown)", banner.ToString(), StringComparison.Ordinal);
        var output = new StringWriter();
        var queues = await MaapCli.RunAsync(["--host", host, "--token", "cli-test-token", "queues"], new CliConsole(output, TextWriter.Null, TextReader.Null, true));
        Assert.Equal(0, queues);
        Assert.Contains("maap-dps-sandbox", output.ToString(), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30)));
        Directory.Delete(dataDir, recursive: true);
    }
}
