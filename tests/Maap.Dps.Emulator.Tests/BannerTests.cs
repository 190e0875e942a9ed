using Maap.Dps.Emulator.Hosting;

namespace Maap.Dps.Emulator.Tests;

/// <summary>A banner ends up in terminals, logs and screenshots: it says where the token is, never what it is.</summary>
public sealed class BannerTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("given-token-0123456789")]
    public async Task The_banner_never_prints_the_token(string? given)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "maap-emu-banner-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = EmulatorConsoleHost.CreateOptions("http://127.0.0.1:0", dataDir, "alice", given, consoleLogging: false);
            var token = options.Users[0].Token;
            var banner = new StringWriter();
            using var stop = new CancellationTokenSource();
            var running = EmulatorConsoleHost.RunAsync(options, TextWriter.Synchronized(banner), stop.Token);
            while (!banner.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal) && !running.IsCompleted)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(30));

            var text = banner.ToString();
            Assert.Contains("listening on", text, StringComparison.Ordinal);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.Contains(given is null ? EmulatorConsoleHost.TokenFileName : "the one you gave", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public void A_token_file_gives_its_first_line_and_an_empty_one_is_refused()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "  from-a-file \nignored\n");
            Assert.Equal("from-a-file", EmulatorConsoleHost.ReadTokenFile(file));

            File.WriteAllText(file, "\n");
            Assert.Throws<ArgumentException>(() => EmulatorConsoleHost.ReadTokenFile(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
