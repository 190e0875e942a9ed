using System.Diagnostics;
using System.Text;
using Maap.Algorithms;
using Maap.Dps.Emulator;

namespace Maap.Cli.Tests;

/// <summary>
/// <c>maap secrets add NAME</c> at a real terminal: a pseudo-terminal from <c>script</c> (util-linux) runs the real
/// <c>maap</c>, so what the user would see is what the test reads.
/// </summary>
public class SecretPromptTests
{
    [Fact]
    public async Task At_a_terminal_secrets_add_prompts_reads_until_Enter_and_never_echoes_the_value()
    {
        if (!File.Exists("/usr/bin/script"))
        {
            Assert.Fail("util-linux 'script' is needed to give the CLI a terminal (Debian: bsdutils).");
        }

        await using var emulator = await MaapEmulator.StartAsync();
        const string typed = "typed-s3cret-value";
        var maapDll = Path.Combine(AppContext.BaseDirectory, "maap.dll");
        var start = new ProcessStartInfo("/usr/bin/script", ["-qec", $"dotnet '{maapDll}' secrets add TERMINAL_TOKEN", "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MAAP_API_HOST"] = emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        start.Environment["MAAP_PGT"] = emulator.Token;
        using var process = Process.Start(start)!;
        var screen = new StringBuilder();
        var prompted = new TaskCompletionSource();
        var reader = Task.Run(async () =>
        {
            var buffer = new char[256];
            int read;
            while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (screen)
                {
                    screen.Append(buffer, 0, read);
                    if (screen.ToString().Contains("not shown", StringComparison.Ordinal))
                    {
                        prompted.TrySetResult();
                    }
                }
            }
        });

        // Type only once the prompt is up, as a person would; the terminal sends Enter as a carriage return.
        await prompted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await process.StandardInput.WriteAsync(typed + "\r");
        await process.StandardInput.FlushAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await reader;

        var seen = screen.ToString();
        Assert.True(process.ExitCode == 0, seen);
        Assert.Contains("Value of TERMINAL_TOKEN (not shown, Enter ends it):", seen, StringComparison.Ordinal);
        Assert.Contains("added secret TERMINAL_TOKEN", seen, StringComparison.Ordinal);
        Assert.DoesNotContain(typed, seen, StringComparison.Ordinal);
        using var maap = new MaapClient(new MaapClientOptions { Host = emulator.BaseAddress.GetLeftPart(UriPartial.Authority), PersonalAccessToken = emulator.Token });
        Assert.Equal(typed, await maap.Secrets.GetAsync("TERMINAL_TOKEN"));
    }
}
