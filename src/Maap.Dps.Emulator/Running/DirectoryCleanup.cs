namespace Maap.Dps.Emulator.Running;

/// <summary>
/// Best-effort removal of the emulator's own folders (work dirs, unpublished products, unused app copies). A folder
/// that cannot be removed now is left for a later sweep; it must never fail the job or request that asked.
/// </summary>
internal static class DirectoryCleanup
{
    public static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Removes <paramref name="dir"/> only when it is empty.</summary>
    public static void TryDeleteEmpty(string dir)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
