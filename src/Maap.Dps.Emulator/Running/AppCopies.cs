using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// The app directories under <c>apps/</c> (<c>{name}/{version}/{copy}</c>, one copy per registration) and who holds
/// them. A copy goes once no registered algorithm, running job or registration in progress uses it.
/// </summary>
/// <param name="paths">The data directory layout.</param>
/// <param name="registered">The registered algorithms; read only under this class's lock.</param>
internal sealed class AppCopies(EmulatorPaths paths, Func<IEnumerable<AlgorithmRecord>> registered)
{
    // App directories in use: by a running job, or by a registration still copying into it. Guarded by _lock, which
    // also guards every decision to delete an app directory and every change to the registered algorithms.
    private readonly Dictionary<string, int> _inUse = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Changes the registered algorithms under the lock every deletion decision takes, so a sweep never sees a
    /// change half made.
    /// </summary>
    public T Change<T>(Func<T> change)
    {
        lock (_lock)
        {
            return change();
        }
    }

    /// <inheritdoc cref="Change{T}"/>
    public void Change(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }

    /// <summary>Finds an algorithm and holds its app directory in one step, so no sweep falls between the two.</summary>
    public AppLease Use(Func<AlgorithmRecord?> find)
    {
        lock (_lock)
        {
            var algorithm = find();
            var key = algorithm is null ? null : CopyKey(algorithm.Name, algorithm.Version, algorithm.AppDirectory);
            if (key is not null)
            {
                Acquire(key);
            }

            return new AppLease(this, algorithm, key);
        }
    }

    /// <summary>Holds a copy a registration is about to fill, so no sweep removes it half copied.</summary>
    public AppLease Hold(string name, string version, string appDirectory)
    {
        var key = CopyKey(name, version, appDirectory);
        lock (_lock)
        {
            Acquire(key);
        }

        return new AppLease(this, null, key);
    }

    /// <summary>
    /// Deletes every registration copy (<c>apps/{name}/{version}/{copy}</c>) that no registered algorithm and no
    /// running job or registration uses: copies of deleted algorithms and copies superseded by a re-registration.
    /// Runs when a job ends, after a registration or a delete, and at start.
    /// </summary>
    public void RemoveUnused()
    {
        lock (_lock)
        {
            var kept = new HashSet<string>(registered().Select(a => CopyKey(a.Name, a.Version, a.AppDirectory)), StringComparer.Ordinal);
            kept.UnionWith(_inUse.Keys);
            foreach (var nameDir in Directory.EnumerateDirectories(paths.Apps))
            {
                var name = Path.GetFileName(nameDir);
                foreach (var versionDir in Directory.EnumerateDirectories(nameDir))
                {
                    var version = $"{name}/{Path.GetFileName(versionDir)}";
                    if (kept.Contains(version))
                    {
                        continue; // an app directory itself (the built-in, or a registration from before per-copy folders)
                    }

                    foreach (var copy in Directory.EnumerateDirectories(versionDir))
                    {
                        if (!kept.Contains($"{version}/{Path.GetFileName(copy)}"))
                        {
                            DirectoryCleanup.TryDelete(copy);
                        }
                    }

                    DirectoryCleanup.TryDeleteEmpty(versionDir);
                }

                DirectoryCleanup.TryDeleteEmpty(nameDir);
            }
        }
    }

    /// <summary>Ends a hold taken by <see cref="Use"/> or <see cref="Hold"/>, then sweeps what it may have freed.</summary>
    public void Release(string key)
    {
        lock (_lock)
        {
            if (_inUse.GetValueOrDefault(key) <= 1)
            {
                _inUse.Remove(key);
            }
            else
            {
                _inUse[key]--;
            }
        }

        RemoveUnused();
    }

    /// <summary>
    /// Names an app directory by where it sits under <c>apps/</c>: <c>{name}/{version}/{copy}</c> for a registration's
    /// copy, <c>{name}/{version}</c> when the app directory is the version folder itself (the built-in) or has an
    /// unexpected place (then that whole folder is kept). Names, not full paths, so a data directory reached by another
    /// path (moved, or through a symbolic link) never makes every copy look unused.
    /// </summary>
    private static string CopyKey(string name, string version, string appDirectory)
    {
        var trimmed = appDirectory.TrimEnd('/', Path.DirectorySeparatorChar);
        var parent = Path.GetFileName(Path.GetDirectoryName(trimmed) ?? string.Empty);
        var grandparent = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(trimmed) ?? string.Empty) ?? string.Empty);
        return parent == version && grandparent == name
            ? $"{name}/{version}/{Path.GetFileName(trimmed)}"
            : $"{name}/{version}";
    }

    private void Acquire(string key) => _inUse[key] = _inUse.GetValueOrDefault(key) + 1;
}
