namespace Maap.Dps.Emulator.Tests;

/// <summary>
/// A job's command runs only once the emulator has recorded its process group (so a restart after a crash can end
/// it). The gate at the top of <c>_run.sh</c> waits for the emulator's "go"; the emulator's death closes the shell's
/// standard input instead, which the test does at the same point through the runner's seam.
/// </summary>
public sealed class JobGateTests
{
    [Fact]
    public async Task A_shell_whose_emulator_is_gone_before_the_gate_opens_never_runs_the_command()
    {
        var marker = Path.Combine(Path.GetTempPath(), "maap-gate-" + Guid.NewGuid().ToString("N"));
        await using var emu = await TestEmulator.StartAsync(o => o.BeforeJobGateOpens = process =>
        {
            process.StandardInput.Close(); // what the kernel does to the pipe when the emulator is killed
            return Task.CompletedTask;
        });
        await emu.RegisterScriptAsync("gated", $"touch '{marker}'\nmkdir -p output");

        var id = await emu.SubmitAsync("job-gated:main", "maap-dps-worker-8gb");

        Assert.Equal("Failed", await emu.WaitForEndAsync(id));
        Assert.False(File.Exists(marker), "the command ran although its process group was never confirmed");
        var results = await emu.Http.GetStringAsync($"api/ogc/jobs/{id}/results");
        Assert.True(results.Contains("The MAAP DPS emulator stopped before this job could start.", StringComparison.Ordinal), results);
    }

    [Fact]
    public async Task With_the_gate_opened_the_command_runs_and_reads_no_input()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.RegisterScriptAsync("reads-stdin", "mkdir -p output\nif read -r line; then echo \"got $line\" > output/stdin.txt; else echo eof > output/stdin.txt; fi");

        var id = await emu.SubmitAsync("job-reads-stdin:main", "maap-dps-worker-8gb");

        Assert.Equal("Succeeded", await emu.WaitForEndAsync(id));
        var folder = (await emu.ResultAsync(id)).Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;
        Assert.Equal("eof\n", await emu.Anonymous.GetStringAsync(folder + "/stdin.txt"));
    }
}
