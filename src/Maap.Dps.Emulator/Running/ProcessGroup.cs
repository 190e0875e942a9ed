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
    /// Kills what is left of a job's process group after the process that ran it died: the group of
    /// <paramref name="groupId"/> when its leader is still the process that started at <paramref name="startTicks"/>,
    /// or — when the leader has exited but children it left behind still carry the group id — those children. While
    /// any member holds a group id, Linux does not hand that number to a new process, so such a group is still the
    /// job's. Nothing is signalled when the id now names another process. False when nothing was left.
    /// </summary>
    public static bool KillLeftovers(int groupId, long startTicks)
    {
        var leader = StartTicks(groupId);
        if (leader is null ? !HasMembers(groupId) : leader != startTicks)
        {
            return false;
        }

        if (!Signal(groupId, SigKill))
        {
            return false;
        }

        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (DateTime.UtcNow < deadline && HasLiveMembers(groupId))
        {
            Thread.Sleep(20);
        }

        return true;
    }

    private static bool HasMembers(int groupId) => Members(groupId, liveOnly: false);

    private static bool HasLiveMembers(int groupId) => Members(groupId, liveOnly: true);

    /// <summary>Whether any process in <c>/proc</c> is in group <paramref name="groupId"/> (field 5 of its stat).</summary>
    private static bool Members(int groupId, bool liveOnly)
    {
        if (!Directory.Exists("/proc"))
        {
            return false;
        }

        var group = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(dir)[0]))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', 4); // state, ppid, pgrp, rest
                if (fields.Length > 2 && fields[2] == group && !(liveOnly && fields[0] == "Z"))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
                // The process ended while we looked.
            }
        }

        return false;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);
}
