using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Hosting;

/// <summary>Everything a request handler needs, registered as one singleton.</summary>
internal sealed class EmulatorServices(
    MaapEmulatorOptions options,
    EmulatorPaths paths,
    EmulatorStore store,
    UserDirectory users,
    AlgorithmCatalog catalog,
    QueueSet queues,
    JobScheduler scheduler,
    JobService jobs,
    IDataProtector secretProtector)
{
    public MaapEmulatorOptions Options { get; } = options;
    public EmulatorPaths Paths { get; } = paths;
    public EmulatorStore Store { get; } = store;
    public UserDirectory Users { get; } = users;
    public AlgorithmCatalog Catalog { get; } = catalog;
    public QueueSet Queues { get; } = queues;
    public JobScheduler Scheduler { get; } = scheduler;

    /// <summary>The job rules every protocol's job routes go through.</summary>
    public JobService Jobs { get; } = jobs;
    public IDataProtector SecretProtector { get; } = secretProtector;

    /// <summary>The deployed OGC processes and their deployments.</summary>
    public required Processes.ProcessRegistry Processes { get; init; }

    /// <summary>The bounded client a deploy fetches an <c>executionUnit.href</c> with.</summary>
    public required HttpClient CwlDownloads { get; init; }

    /// <summary>The public root of this emulator as the caller reached it, like Flask's <c>request.host_url</c>.</summary>
    public static string HostRoot(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
