using System.Runtime.InteropServices;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// Signals a job's whole process group. Jobs start under <c>setsid</c>, so everything they spawn — including
/// processes left in the background after the script exits — shares one group that can be ended at once, the way
/// a DPS container's teardown ends everything in it.
/// </summary>
internal static partial class ProcessGroup
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    public static string? SetsidPath { get; } = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    /// <summary>Sends <paramref name="signal"/> to every process in group <paramref name="groupId"/>; false when none is left.</summary>
    public static bool Signal(int groupId, int signal) =>
        groupId > 1 && !OperatingSystem.IsWindows() && SysKill(-groupId, signal) == 0;

    /// <summary>
    /// The start time of process <paramref name="pid"/> in clock ticks after boot (field 22 of <c>/proc/{pid}/stat</c>);
    /// null when it does not exist or <c>/proc</c> is not there. Together with the pid it names one process: a pid can
    /// be reused, but not with the same start time.
    /// </summary>
    public static long? StartTicks(int pid)
    {
        if (pid <= 1)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces and ')'; fields after it are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && long.TryParse(fields[19], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                ? ticks
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Kills group <paramref name="groupId"/> if its leader is still the process that started at
    /// <paramref name="startTicks"/>, and waits briefly for the leader to go; false when that process is gone (its
    /// pid may belong to someone else by now, so nothing is signalled).
    /// </summary>
    public static bool KillIfSameLeader(int groupId, long startTicks)
    {
        if (StartTicks(groupId) != startTicks || !Signal(groupId, SigKill))
        {
            return false;
        }

        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (DateTime.UtcNow < deadline && StartTicks(groupId) == startTicks && !IsZombie(groupId))
        {
            Thread.Sleep(20);
        }

        return true;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return true;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);
}
