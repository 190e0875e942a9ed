using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>Registered algorithms: kept in SQLite, cached in memory, each with a local copy of its repository.</summary>
internal sealed partial class AlgorithmCatalog
{
    public const string BuiltInOwner = "maap";

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "text", "number", " datetime", "date", "boolean", "enum", "email", "textarea", "region", "passthrough", "object",
    };

    private readonly ConcurrentDictionary<string, AlgorithmRecord> _byKey = new(StringComparer.Ordinal);
    private readonly EmulatorStore _store;
    private readonly EmulatorPaths _paths;

    // App directories in use: by a running job, or by a registration still copying into it. Guarded by _appLock,
    // which also guards every decision to delete an app directory.
    private readonly Dictionary<string, int> _inUse = new(StringComparer.Ordinal);
    private readonly Lock _appLock = new();

    public AlgorithmCatalog(EmulatorStore store, EmulatorPaths paths)
    {
        _store = store;
        _paths = paths;
        foreach (var json in store.LoadAlgorithmRecords())
        {
            var record = FromJson(JsonNode.Parse(json)!.AsObject());
            _byKey[record.Key] = record;
        }
    }

    public AlgorithmRecord? Find(string name, string version) => _byKey.GetValueOrDefault($"{name}:{version}");

    /// <summary>Finds by <c>{name}:{version}</c>, the id MAAP's algorithm routes take.</summary>
    public AlgorithmRecord? FindByKey(string key)
    {
        var colon = key.LastIndexOf(':');
        return colon <= 0 ? null : Find(key[..colon], key[(colon + 1)..]);
    }

    public IEnumerable<AlgorithmRecord> All => _byKey.Values.OrderBy(a => a.RegisteredMs).ThenBy(a => a.Key, StringComparer.Ordinal);

    /// <summary>
    /// Unregisters an algorithm. Its copy goes once no running job uses it (now, or when the last such job ends);
    /// other registrations' copies are not touched.
    /// </summary>
    public bool Delete(AlgorithmRecord record)
    {
        bool deleted;
        lock (_appLock)
        {
            _byKey.TryRemove(record.Key, out _);
            deleted = _store.DeleteAlgorithm(record.Name, record.Version);
        }

        RemoveUnusedCopies();
        return deleted;
    }

    /// <summary>
    /// Finds the algorithm a job is about to run and keeps its app directory from being deleted until the returned
    /// lease is disposed, even if the algorithm is deleted or registered again meanwhile (as a running DPS job keeps
    /// its image). <see cref="AppLease.Algorithm"/> is null when it is not registered.
    /// </summary>
    public AppLease Use(string name, string version)
    {
        lock (_appLock)
        {
            var algorithm = Find(name, version);
            var key = algorithm is null ? null : CopyKey(algorithm.Name, algorithm.Version, algorithm.AppDirectory);
            if (key is not null)
            {
                Acquire(key);
            }

            return new AppLease(this, algorithm, key);
        }
    }

    /// <summary>
    /// Deletes every registration copy (<c>apps/{name}/{version}/{copy}</c>) that no registered algorithm and no
    /// running job or registration uses: copies of deleted algorithms and copies superseded by a re-registration.
    /// Runs when a job ends, after a registration or a delete, and at start.
    /// </summary>
    public void RemoveUnusedCopies()
    {
        lock (_appLock)
        {
            var kept = new HashSet<string>(_byKey.Values.Select(a => CopyKey(a.Name, a.Version, a.AppDirectory)), StringComparer.Ordinal);
            kept.UnionWith(_inUse.Keys);
            foreach (var nameDir in Directory.EnumerateDirectories(_paths.Apps))
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
                            TryDeleteDirectory(copy);
                        }
                    }

                    TryDeleteEmptyDirectory(versionDir);
                }

                TryDeleteEmptyDirectory(nameDir);
            }
        }
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

    private void Release(string key)
    {
        lock (_appLock)
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

        RemoveUnusedCopies();
    }

    /// <summary>A job's hold on the app directory of the algorithm it runs.</summary>
    internal sealed class AppLease(AlgorithmCatalog catalog, AlgorithmRecord? algorithm, string? key) : IDisposable
    {
        private int _released;

        public AlgorithmRecord? Algorithm { get; } = algorithm;

        public void Dispose()
        {
            if (key is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                catalog.Release(key);
            }
        }
    }

    /// <summary>
    /// Registers from the JSON form of <c>algorithm_config.yaml</c> (spec §12.1). Throws <see cref="RegistrationException"/>
    /// with the status and message MAAP would use.
    /// </summary>
    public AlgorithmRecord Register(string body, string owner, IReadOnlyList<string> allowedQueues, string defaultQueue, long nowMs)
    {
        JsonObject config;
        try
        {
            // MAAP strips trailing commas with a regex before parsing; so do we.
            config = JsonNode.Parse(TrailingComma().Replace(body, "$1"))?.AsObject()
                     ?? throw new RegistrationException(500, "Failed to register algorithm: the body is not a JSON object.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new RegistrationException(500, $"Failed to register algorithm: {e.Message}");
        }

        var name = RequiredString(config, "algorithm_name");
        var version = RequiredString(config, "algorithm_version");
        var repositoryUrl = RequiredString(config, "repository_url");
        var runCommand = RequiredString(config, "run_command");
        name = string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
        if (!SafeSegment().IsMatch(name) || !SafeSegment().IsMatch(version))
        {
            throw new RegistrationException(500, $"Failed to register algorithm: '{name}:{version}' must use only letters, digits, '.', '_' and '-'.");
        }

        var queue = OptionalString(config, "queue");
        if (string.IsNullOrEmpty(queue))
        {
            queue = defaultQueue;
        }
        else if (!allowedQueues.Contains(queue, StringComparer.Ordinal))
        {
            throw new RegistrationException(400,
                $"User does not have permissions for resource {queue}.Please select from one of {PythonList(allowedQueues)}");
        }

        if (Find(name, version) is { } existing && existing.Owner != owner)
        {
            throw new RegistrationException(400, $"Algorithm {name}:{version} is already registered by another user.");
        }

        var parameters = ParseInputs(config["inputs"]);
        // Each registration gets its own copy, so re-registering never pulls files from under a running job
        // (MAAP builds a new image; jobs already running keep the old one).
        var appDir = Path.Combine(_paths.AppDirectory(name, version), "r" + nowMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]);
        var copyKey = CopyKey(name, version, appDir);
        lock (_appLock)
        {
            Acquire(copyKey); // not swept while it is being copied
        }

        try
        {
            try
            {
                CheckOut(repositoryUrl, appDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RegistrationException(500, $"Failed to register algorithm: copying {repositoryUrl} into the emulator failed: {e.Message}");
            }

            var record = new AlgorithmRecord(
                name, version, owner,
                OptionalString(config, "algorithm_description") ?? string.Empty,
                repositoryUrl, runCommand, queue,
                OptionalString(config, "disk_space") ?? "10GB",
                parameters, appDir, config.ToJsonString(), nowMs, BuiltIn: false);
            lock (_appLock)
            {
                Save(record);
            }

            return record;
        }
        finally
        {
            // Sweeps the copy this registration replaced (once no job runs it), or this one if it failed.
            Release(copyKey);
        }
    }

    /// <summary>Registers the built-in <c>run-dps-test_ubuntu:delay10</c>, MAAP's DPS smoke test.</summary>
    public void EnsureBuiltIns(string defaultQueue, long nowMs)
    {
        const string Name = "run-dps-test_ubuntu";
        const string Version = "delay10";
        var appDir = _paths.AppDirectory(Name, Version);
        var script = Path.Combine(appDir, "dps-unit-test", "run_test.sh");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, BuiltInScripts.RunDpsTest);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        }
        if (Find(Name, Version) is not null)
        {
            return;
        }

        Save(new AlgorithmRecord(
            Name, Version, BuiltInOwner,
            "Built-in stand-in for MAAP's DPS unit test: waits 10 seconds, then copies input_file to output/.",
            "https://github.com/MAAP-Project/dps-unit-test.git", "dps-unit-test/run_test.sh", defaultQueue, "1GB",
            [new AlgorithmParam("input_file", "localize", null, "text")], appDir, "{}", nowMs, BuiltIn: true));
    }

    private void Save(AlgorithmRecord record)
    {
        _store.SaveAlgorithm(record.Name, record.Version, record.Owner, ToJson(record).ToJsonString());
        _byKey[record.Key] = record;
    }

    private static List<AlgorithmParam> ParseInputs(JsonNode? inputs)
    {
        var result = new List<AlgorithmParam>();
        if (inputs is not JsonObject categories)
        {
            return result;
        }

        foreach (var (category, items) in categories)
        {
            var destination = category switch
            {
                "file" => "localize",
                "positional" => "positional",
                "config" => "context",
                _ => null,
            };
            if (destination is null || items is not JsonArray array)
            {
                continue;
            }

            foreach (var item in array.OfType<JsonObject>())
            {
                var name = item["name"]?.GetValueKind() == JsonValueKind.String ? item["name"]!.GetValue<string>() : null;
                if (string.IsNullOrEmpty(name))
                {
                    throw new RegistrationException(500, "Failed to register algorithm: every input needs a name.");
                }

                var type = item["data_type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && KnownTypes.Contains(t.GetValue<string>())
                    ? t.GetValue<string>()
                    : "text";
                var hasDefault = item.TryGetPropertyValue("default", out var def) && def is not null;
                result.Add(new AlgorithmParam(name, destination, hasDefault ? def!.DeepClone() : null, type));
            }
        }

        return result;
    }

    /// <summary>
    /// Copies a local repository (a path or a file URL; a trailing <c>.git</c> is tolerated) into the app directory,
    /// the emulator's <c>/app</c>. Remote URLs are not cloned: the app directory is left empty.
    /// </summary>
    private static void CheckOut(string repositoryUrl, string appDir)
    {
        TryDeleteDirectory(appDir);
        Directory.CreateDirectory(appDir);
        string? source = null;
        if (Uri.TryCreate(repositoryUrl, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            source = uri.LocalPath;
        }
        else if (Path.IsPathRooted(repositoryUrl))
        {
            source = repositoryUrl;
        }

        if (source is null)
        {
            return;
        }

        source = source.TrimEnd('/');
        if (!Directory.Exists(source) && source.EndsWith(".git", StringComparison.Ordinal) && Directory.Exists(source[..^4]))
        {
            source = source[..^4];
        }

        if (!Directory.Exists(source))
        {
            throw new RegistrationException(500, $"Failed to register algorithm: repository {repositoryUrl} is not a local directory.");
        }

        var repoName = Path.GetFileName(source);
        if (repoName.EndsWith(".git", StringComparison.Ordinal))
        {
            repoName = repoName[..^4];
        }

        CopyDirectory(source, Path.Combine(appDir, repoName));
    }

    /// <summary>
    /// Copies a checkout the way git would check it out again: files with their mode, folders (not <c>.git</c>), and
    /// symbolic links as symbolic links with the same target text, never followed, so a dangling link or a link loop
    /// copies like any other link and a linked folder is not copied into the app. A FIFO, socket or device (which git
    /// cannot hold) becomes an empty file, without being opened.
    /// </summary>
    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (entry.Name == ".git")
            {
                continue;
            }

            var target = Path.Combine(destination, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo)
            {
                CopyDirectory(entry.FullName, target);
            }
            else if (entry is FileInfo { Length: 0 })
            {
                File.Create(target).Dispose();
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, File.GetUnixFileMode(entry.FullName));
                }
            }
            else
            {
                File.Copy(entry.FullName, target, overwrite: true);
            }
        }
    }

    private static void TryDeleteDirectory(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteEmptyDirectory(string dir)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static string PythonList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"'{i}'")) + "]";

    private static string RequiredString(JsonObject config, string key) =>
        OptionalString(config, key) is { Length: > 0 } value
            ? value
            : throw new RegistrationException(500, $"Failed to register algorithm: '{key}' is required.");

    private static string? OptionalString(JsonObject config, string key) => config[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    private static JsonObject ToJson(AlgorithmRecord r)
    {
        var ps = new JsonArray();
        foreach (var p in r.Params)
        {
            ps.Add(new JsonObject { ["name"] = p.Name, ["destination"] = p.Destination, ["type"] = p.Type, ["default"] = p.Default?.DeepClone(), ["has_default"] = p.HasDefault });
        }

        return new JsonObject
        {
            ["name"] = r.Name, ["version"] = r.Version, ["owner"] = r.Owner, ["description"] = r.Description,
            ["repository_url"] = r.RepositoryUrl, ["run_command"] = r.RunCommand, ["queue"] = r.Queue,
            ["disk_space"] = r.DiskSpace, ["params"] = ps, ["app_dir"] = r.AppDirectory, ["config"] = r.ConfigJson,
            ["registered_ms"] = r.RegisteredMs, ["built_in"] = r.BuiltIn,
        };
    }

    private static AlgorithmRecord FromJson(JsonObject o)
    {
        var ps = o["params"]!.AsArray().Select(n => n!.AsObject()).Select(p => new AlgorithmParam(
            p["name"]!.GetValue<string>(), p["destination"]!.GetValue<string>(),
            p["has_default"]!.GetValue<bool>() ? (p["default"]?.DeepClone() ?? JsonValue.Create(string.Empty)) : null,
            p["type"]!.GetValue<string>())).ToList();
        return new AlgorithmRecord(
            o["name"]!.GetValue<string>(), o["version"]!.GetValue<string>(), o["owner"]!.GetValue<string>(),
            o["description"]!.GetValue<string>(), o["repository_url"]!.GetValue<string>(), o["run_command"]!.GetValue<string>(),
            o["queue"]!.GetValue<string>(), o["disk_space"]!.GetValue<string>(), ps, o["app_dir"]!.GetValue<string>(),
            o["config"]!.GetValue<string>(), o["registered_ms"]!.GetValue<long>(), o["built_in"]!.GetValue<bool>());
    }

    [GeneratedRegex(@",(\s*[}\]])")]
    private static partial Regex TrailingComma();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,254}$")]
    private static partial Regex SafeSegment();
}
