using System.Threading.Channels;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Processes;

/// <summary>
/// Does what MAAP's deploy pipeline does, one deployment at a time in the background: <c>accepted</c> →
/// <c>running</c> (fetching the code of <c>s:codeRepository</c> into a new app copy and registering the process as the
/// algorithm <c>{id}_{deployerMemberId}</c>) → <c>successful</c> with its processID, or <c>failed</c> with the reason.
/// <c>dockerPull</c> is recorded, not pulled: jobs run on this machine. Deployments a stop interrupted are redone on
/// the next start.
/// </summary>
internal sealed class DeploymentWorker(ProcessRegistry registry, AlgorithmCatalog catalog) : IAsyncDisposable
{
    private readonly Channel<int> _queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Queues the deployments a previous run left unfinished, then starts working.</summary>
    public void Start()
    {
        registry.DeploymentQueued += id => _queue.Writer.TryWrite(id);
        foreach (var row in registry.UnfinishedDeployments())
        {
            _queue.Writer.TryWrite(row.JobId);
        }

        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        await foreach (var jobId in _queue.Reader.ReadAllAsync(stopping))
        {
            if (registry.GetDeployment(jobId) is not { } row || row.Status is not (ProcessStatus.Accepted or ProcessStatus.Running))
            {
                continue;
            }

            await DeployAsync(row, stopping);
        }
    }

    private async Task DeployAsync(DeploymentRow row, CancellationToken stopping)
    {
        registry.MarkRunning(row.JobId);
        try
        {
            var cwl = ProcessCwlReader.Read(row.Cwl);
            var name = OgcProcess.HysdsNameOf(cwl.Id, registry.MemberId(row.Deployer));
            await catalog.RegisterProcessAsync(cwl, name, row.Deployer, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), stopping);
            if (registry.Complete(row) is null)
            {
                registry.MarkFailed(row.JobId, $"Duplicate process: {row.Deployer} deployed {cwl.Id}:{cwl.Version} while this deployment ran.");
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Left running: the next start redoes it.
        }
        catch (Exception e) when (e is ProcessRequestException or RegistrationException or IOException or UnauthorizedAccessException
            or InvalidOperationException or System.Text.Json.JsonException or Microsoft.Data.Sqlite.SqliteException)
        {
            registry.MarkFailed(row.JobId, "Deploying the process failed: " + e.Message);
        }
    }
}
