using System.Diagnostics;

namespace Maap.Dps.Emulator.Running;

/// <summary>A job a worker is running: how to stop it, and why it was stopped.</summary>
internal sealed class RunningJob(string id) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public string Id { get; } = id;

    public Process? Process { get; set; }

    /// <summary>The job's process group (its root pid when started under setsid), or 0.</summary>
    public int ProcessGroupId { get; set; }

    /// <summary>Cancelled when the user revokes the job or the emulator stops.</summary>
    public CancellationToken Stopping => _stop.Token;

    public bool Revoked { get; private set; }

    public bool EmulatorStopping { get; private set; }

    public void Revoke()
    {
        Revoked = true;
        Cancel();
    }

    public void StopForShutdown()
    {
        EmulatorStopping = true;
        Cancel();
    }

    /// <summary>Kills the whole process tree right away (used when the emulator stops).</summary>
    public void KillTree()
    {
        ProcessGroup.Signal(ProcessGroupId, ProcessGroup.SigKill);
        try
        {
            if (Process is { HasExited: false } p)
            {
                p.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
        }
    }

    private void Cancel()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => _stop.Dispose();
}
