using System.Diagnostics;
using Maap.Dps.Emulator.Running;

namespace Maap.Dps.Emulator.Tests;

/// <summary>What recovery does with a job's process group that a dead emulator left behind, on real processes.</summary>
public sealed class ProcessGroupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("maap-emu-pgroup-").FullName;
    private readonly List<int> _started = [];

    public void Dispose()
    {
        foreach (var pid in _started)
        {
            ProcessGroup.Signal(pid, ProcessGroup.SigKill);
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Children_of_a_leader_that_already_exited_are_killed()
    {
        // The instant a crash can fall into: the job's script has exited, its background child has not been ended.
        var leader = StartInOwnGroup("sleep 300 & echo $! > child.pid; sleep 0.5");
        var ticks = ProcessGroup.StartTicks(leader.Id)!.Value;
        Assert.True(leader.WaitForExit(10_000));
        var child = int.Parse(File.ReadAllText(Path.Combine(_dir, "child.pid")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(StillAliveAfterAMoment(child), "the child should outlive its leader");

        Assert.True(ProcessGroup.KillLeftovers(leader.Id, ticks));

        Assert.False(StillAliveAfterAMoment(child), "the leader's child survived");
    }

    [Fact]
    public void A_group_whose_leader_is_another_process_now_is_left_alone()
    {
        var other = StartInOwnGroup("sleep 300");
        var ticks = ProcessGroup.StartTicks(other.Id)!.Value;

        Assert.False(ProcessGroup.KillLeftovers(other.Id, ticks + 1)); // the job's leader started at another time

        Assert.True(StillAliveAfterAMoment(other.Id));
    }

    [Fact]
    public void Nothing_left_is_nothing_to_kill()
    {
        var gone = StartInOwnGroup("exit 0");
        var ticks = ProcessGroup.StartTicks(gone.Id) ?? 0;
        Assert.True(gone.WaitForExit(10_000));

        Assert.False(ProcessGroup.KillLeftovers(gone.Id, ticks));
    }

    private Process StartInOwnGroup(string script)
    {
        var info = new ProcessStartInfo(ProcessGroup.SetsidPath ?? throw new InvalidOperationException("setsid is needed"))
        {
            WorkingDirectory = _dir,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("/bin/bash");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        var process = Process.Start(info)!;
        _started.Add(process.Id);
        return process;
    }

    private static bool StillAliveAfterAMoment(int pid)
    {
        for (var i = 0; i < 100; i++)
        {
            if (!File.Exists($"/proc/{pid}/stat") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal))
            {
                return false;
            }

            Thread.Sleep(20); // a killed process takes a moment to go
        }

        return true;
    }
}
