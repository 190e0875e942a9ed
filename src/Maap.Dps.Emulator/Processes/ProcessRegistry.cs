using System.Collections.Concurrent;
using System.Globalization;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Processes;

/// <summary>
/// The OGC process and deployment rules (<c>maap-ogc-spec.md</c> §3.1–3.6, §3.15, §5): deploy, replace, undeploy,
/// look up, and the deployments' lifecycle, over the store. Processes are cached in memory with their CWL read. The
/// work of a deployment (fetching the code, registering the runnable algorithm) is done by
/// <see cref="DeploymentWorker"/>; this class only records and observes it.
/// </summary>
internal sealed class ProcessRegistry : IProcessDirectory
{
    private readonly ConcurrentDictionary<int, OgcProcess> _byId = new();
    private readonly EmulatorStore _store;
    private readonly Lock _deployLock = new();

    public ProcessRegistry(EmulatorStore store)
    {
        _store = store;
        foreach (var row in store.LoadProcesses())
        {
            Cache(row);
        }
    }

    /// <summary>Raised after a deployment row is written, so the worker picks it up without polling.</summary>
    public event Action<int>? DeploymentQueued;

    /// <summary>Deployed processes matching the exact-match filters (null = any), in processID order.</summary>
    public IEnumerable<OgcProcess> Deployed(string? deployer, string? id, string? version) => _byId.Values
        .Where(p => p.IsDeployed && (deployer is null || p.Row.Deployer == deployer) && (id is null || p.Row.Id == id) && (version is null || p.Row.Version == version))
        .OrderBy(p => p.ProcessId);

    /// <summary>The deployed process with that processID, or null (undeployed ones are not found, as on MAAP).</summary>
    public OgcProcess? FindDeployed(int processId) => _byId.TryGetValue(processId, out var p) && p.IsDeployed ? p : null;

    public int MemberId(string username) => _store.MemberId(username);

    /// <summary>Records a deploy (§3.2): refuses a duplicate of the caller's own deployed id:version with 409.</summary>
    public DeploymentRow Deploy(ProcessCwl cwl, string cwlText, string? href, EmulatorUser caller)
    {
        DeploymentRow row;
        lock (_deployLock)
        {
            if (Deployed(caller.Name, cwl.Id, cwl.Version).FirstOrDefault() is { } existing)
            {
                throw new ProcessRequestException(409, $"Duplicate process. Use PUT to modify existing process with process ID {existing.ProcessId}", ProcessErrorKind.DuplicatedProcess)
                {
                    DuplicateOf = existing.ProcessId,
                };
            }

            row = _store.InsertDeployment(Now(), caller.Name, cwl.Id, cwl.Version, cwlText, href, replaces: null);
        }

        DeploymentQueued?.Invoke(row.JobId);
        return row;
    }

    /// <summary>Records a replace (§3.4): owner only, same id and version; the processID stays.</summary>
    public DeploymentRow Replace(int processId, ProcessCwl cwl, string cwlText, string? href, EmulatorUser caller)
    {
        var existing = OwnedProcess(processId, caller);
        if (existing.Row.Id != cwl.Id || existing.Row.Version != cwl.Version)
        {
            throw new ProcessRequestException(400, $"Need to provide same id and version as previous process which is {existing.Row.Id}:{existing.Row.Version}");
        }

        var row = _store.InsertDeployment(Now(), caller.Name, cwl.Id, cwl.Version, cwlText, href, replaces: processId);
        DeploymentQueued?.Invoke(row.JobId);
        return row;
    }

    /// <summary>
    /// Undeploys (§3.5): the process is no longer listed, described or executable; its algorithm stays registered, as
    /// MAAP leaves the HySDS job spec, so jobs already queued or running finish with the code they have.
    /// </summary>
    public void Undeploy(int processId, EmulatorUser caller)
    {
        OwnedProcess(processId, caller);
        _store.UndeployProcess(processId);
        if (_store.GetProcess(processId) is { } row)
        {
            Cache(row);
        }
    }

    /// <summary>A deployed process the caller deployed: 404 when there is none, 403 when it is someone else's.</summary>
    public OgcProcess OwnedProcess(int processId, EmulatorUser caller)
    {
        var process = FindDeployed(processId) ?? throw NoSuchProcess();
        if (process.Row.Deployer != caller.Name)
        {
            throw new ProcessRequestException(403, "You can only modify processes that you posted originally", ProcessErrorKind.ImmutableProcess);
        }

        return process;
    }

    public static ProcessRequestException NoSuchProcess() =>
        new(404, "No process with that process ID found", ProcessErrorKind.NoSuchProcess);

    public DeploymentRow? GetDeployment(int jobId) => _store.GetDeployment(jobId);

    /// <summary>
    /// Reads a deployment for <c>GET /deploymentJobs/{id}</c>; <c>FirstSuccess</c> is true for the one read that
    /// reports its success (MAAP answers that read with 201, every other with 200).
    /// </summary>
    public (DeploymentRow Row, bool FirstSuccess)? ObserveDeployment(int jobId)
    {
        lock (_deployLock)
        {
            var row = _store.GetDeployment(jobId);
            if (row is null)
            {
                return null;
            }

            var first = row.Status == ProcessStatus.Successful && !row.Reported && _store.MarkDeploymentReported(jobId);
            return (first ? row with { Reported = true } : row, first);
        }
    }

    public List<DeploymentRow> ListDeployments(string deployer)
    {
        lock (_deployLock)
        {
            return _store.ListDeployments(deployer);
        }
    }

    public List<DeploymentRow> UnfinishedDeployments() => _store.UnfinishedDeployments();

    public void MarkRunning(int jobId) => _store.SetDeploymentStatus(jobId, ProcessStatus.Running);

    public void MarkFailed(int jobId, string reason) => _store.SetDeploymentStatus(jobId, ProcessStatus.Failed, reason);

    /// <summary>Ends a deployment successfully, creating or updating its process row; the processID, or null when a duplicate won meanwhile.</summary>
    public int? Complete(DeploymentRow deployment)
    {
        // Under the lock reads of deployments take too: whoever sees the deployment successful finds its process.
        lock (_deployLock)
        {
            var processId = _store.CompleteDeployment(deployment, DateTime.Now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
            if (processId is { } id && _store.GetProcess(id) is { } row)
            {
                Cache(row);
            }

            return processId;
        }
    }

    /// <inheritdoc/>
    public OgcProcessSummary? TryGetProcess(string jobType) =>
        _byId.Values.Where(p => p.IsDeployed && p.JobType == jobType).OrderBy(p => p.ProcessId)
            .Select(p => new OgcProcessSummary(p.ProcessId, p.Cwl.Title, p.Cwl.Description, p.Cwl.Keywords)).FirstOrDefault();

    /// <inheritdoc/>
    public string? JobTypeOf(int processId) => FindDeployed(processId)?.JobType;

    /// <summary>MAAP's <c>created</c>: <c>str(datetime.now())</c> kept in a varchar column.</summary>
    private static string Now() => DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private void Cache(OgcProcessRow row)
    {
        ProcessCwl cwl;
        try
        {
            cwl = ProcessCwlReader.Read(row.Cwl);
        }
        catch (ProcessRequestException)
        {
            return; // it was read when deployed; a stored document that no longer reads cannot be served
        }

        _byId[row.ProcessId] = new OgcProcess(row, cwl, _store.MemberId(row.Deployer));
    }
}
