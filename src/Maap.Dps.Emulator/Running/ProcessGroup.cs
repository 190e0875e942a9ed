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

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);
}
