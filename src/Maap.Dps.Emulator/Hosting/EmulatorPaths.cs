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
        foreach (var dir in new[] { Root, Keys, Jobs, Apps, Workspace })
        {
            Directory.CreateDirectory(dir);
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
