using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// Registered algorithms: kept in SQLite, cached in memory, each with a local copy of its repository (kept by
/// <see cref="AppCopies"/>) and read from its registration by <see cref="AlgorithmConfig"/>.
/// </summary>
internal sealed partial class AlgorithmCatalog
{
    public const string BuiltInOwner = "maap";

    private readonly ConcurrentDictionary<string, AlgorithmRecord> _byKey = new(StringComparer.Ordinal);
    private readonly EmulatorStore _store;
    private readonly EmulatorPaths _paths;
    private readonly AppCopies _copies;

    public AlgorithmCatalog(EmulatorStore store, EmulatorPaths paths)
    {
        _store = store;
        _paths = paths;
        _copies = new AppCopies(paths, () => _byKey.Values);
        foreach (var json in store.LoadAlgorithmRecords())
        {
            var record = AlgorithmRecordJson.FromJson(JsonNode.Parse(json)!.AsObject());
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
        var deleted = _copies.Change(() =>
        {
            _byKey.TryRemove(record.Key, out _);
            return _store.DeleteAlgorithm(record.Name, record.Version);
        });
        RemoveUnusedCopies();
        return deleted;
    }

    /// <summary>
    /// Finds the algorithm a job is about to run and keeps its app directory from being deleted until the returned
    /// lease is disposed, even if the algorithm is deleted or registered again meanwhile (as a running DPS job keeps
    /// its image). <see cref="AppLease.Algorithm"/> is null when it is not registered.
    /// </summary>
    public AppLease Use(string name, string version) => _copies.Use(() => Find(name, version));

    /// <summary>Deletes the app copies nothing uses any more (see <see cref="AppCopies.RemoveUnused"/>).</summary>
    public void RemoveUnusedCopies() => _copies.RemoveUnused();

    /// <summary>
    /// Registers from the JSON form of <c>algorithm_config.yaml</c> (spec §12.1). Throws <see cref="RegistrationException"/>
    /// with the status and message MAAP would use.
    /// </summary>
    public async Task<AlgorithmRecord> RegisterAsync(string body, string owner, IReadOnlyList<string> allowedQueues, string defaultQueue, long nowMs, CancellationToken cancellationToken)
    {
        var config = AlgorithmConfig.Parse(body, allowedQueues, defaultQueue);
        var (name, version) = (config.Name, config.Version);
        if (Find(name, version) is { } existing && existing.Owner != owner)
        {
            throw new RegistrationException(400, $"Algorithm {name}:{version} is already registered by another user.");
        }

        var parameters = config.Inputs();
        // Each registration gets its own copy, so re-registering never pulls files from under a running job
        // (MAAP builds a new image; jobs already running keep the old one).
        var appDir = Path.Combine(_paths.AppDirectory(name, version), "r" + nowMs.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]);

        // Held while it is copied; released at the end, which sweeps the copy this registration replaced (once no
        // job runs it), or this one if it failed.
        using var hold = _copies.Hold(name, version, appDir);
        var remote = GitCheckout.IsRemote(config.RepositoryUrl);
        try
        {
            if (remote)
            {
                // MAAP's build clones the repository at algorithm_version, a branch or tag; so does the emulator.
                await GitCheckout.CloneAsync(config.RepositoryUrl, commit: null, appDir, cancellationToken, reference: version);
            }
            else
            {
                AppCheckout.CheckOut(config.RepositoryUrl, appDir);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegistrationException(500, remote
                ? $"Failed to register algorithm: cloning {config.RepositoryUrl} at {version} (algorithm_version names the branch or tag) failed: {e.Message}"
                : $"Failed to register algorithm: copying {config.RepositoryUrl} into the emulator failed: {e.Message}");
        }

        var record = new AlgorithmRecord(
            name, version, owner, config.Description, config.RepositoryUrl, config.RunCommand, config.Queue, config.DiskSpace,
            parameters, appDir, config.Json.ToJsonString(), nowMs, BuiltIn: false);
        _copies.Change(() => Save(record));
        return record;
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
        _store.SaveAlgorithm(record.Name, record.Version, record.Owner, AlgorithmRecordJson.ToJson(record).ToJsonString());
        _byKey[record.Key] = record;
    }
}
