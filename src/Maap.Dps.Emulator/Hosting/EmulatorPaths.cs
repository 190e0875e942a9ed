namespace Maap.Dps.Emulator.Hosting;

/// <summary>The layout of the data directory.</summary>
internal sealed class EmulatorPaths
{
    /// <summary>The pretend workspace bucket; published outputs are served under <c>/{Bucket}/…</c>.</summary>
    public const string Bucket = "emulator-workspace";

    public EmulatorPaths(string root)
    {
        Root = Path.GetFullPath(root);
        Database = Path.Combine(Root, "emulator.db");
        Lock = Path.Combine(Root, "emulator.lock");
        Keys = Path.Combine(Root, "keys");
        Jobs = Path.Combine(Root, "jobs");
        Apps = Path.Combine(Root, "apps");
        Workspace = Path.Combine(Root, "workspace");
        // The root holds a token, the key ring and the secrets: a root (or key ring) the emulator creates is
        // private to its user. A directory that exists keeps the mode its owner gave it.
        CreatePrivateDirectory(Root);
        CreatePrivateDirectory(Keys);
        foreach (var dir in new[] { Jobs, Apps, Workspace })
        {
            Directory.CreateDirectory(dir);
        }
    }

    /// <summary>Read and write for the owner only: <c>0600</c>.</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Everything for the owner only: <c>0700</c>.</summary>
    public const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> (and any missing parent) <c>0700</c> unless it exists.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, PrivateDirectory);
        }
    }

    public string Root { get; }
    public string Database { get; }

    /// <summary>Held (flock) by the one emulator using this data directory.</summary>
    public string Lock { get; }
    public string Keys { get; }
    public string Jobs { get; }
    public string Apps { get; }
    public string Workspace { get; }

    public string WorkDirectory(string jobId) => Path.Combine(Jobs, jobId);

    public string AppDirectory(string name, string version) => Path.Combine(Apps, name, version);

    /// <summary>Resolves a published path under the workspace; null when it escapes it.</summary>
    public string? ResolveWorkspacePath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Workspace, relative));
        return full.StartsWith(Workspace + Path.DirectorySeparatorChar, StringComparison.Ordinal) || full == Workspace ? full : null;
    }
}
