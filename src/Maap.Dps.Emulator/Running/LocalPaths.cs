namespace Maap.Dps.Emulator.Running;

/// <summary>Where a local path really leads, so a check of "inside this folder" cannot be escaped through a link.</summary>
internal static class LocalPaths
{
    private const int MaxLinks = 40; // as the kernel's own limit on links followed in one lookup

    /// <summary>
    /// The absolute path with <c>.</c>, <c>..</c> and every symbolic link on it resolved, component by component,
    /// as the kernel would resolve it (a path that does not exist resolves as far as it exists).
    /// </summary>
    public static string Resolve(string path)
    {
        var pending = new Stack<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = "/";
        var links = 0;
        while (pending.TryPop(out var part))
        {
            var next = Path.Combine(resolved, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"Too many levels of symbolic links in {path}.");
                }

                // Continue with the link's target in place of this component, relative to the folder it sits in.
                var full = Path.GetFullPath(target, resolved);
                foreach (var component in full.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(component);
                }

                resolved = "/";
                continue;
            }

            resolved = next;
        }

        return resolved;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it (both resolved).</summary>
    public static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);
}
