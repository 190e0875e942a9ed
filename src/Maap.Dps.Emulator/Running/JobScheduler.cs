using System.Collections.Concurrent;
using System.Threading.Channels;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// Per-queue workers. A job waits as <c>job-queued</c> until one of its queue's workers is free. On start it recovers
/// what a previous run left behind: queued jobs run again, jobs that were running are failed with a traceback.
/// </summary>
internal sealed class JobScheduler : IAsyncDisposable
{
    public const string InterruptedTraceback =
        "The MAAP DPS emulator stopped while this job was running (crash or shutdown), so the job's process was lost. " +
        "The job was marked Failed when the emulator started again; submit it again to rerun it.";

    private readonly EmulatorStore _store;
    private readonly JobRunner _runner;
    private readonly Dictionary<string, Channel<string>> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunningJob> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<Task> _workers = [];
    private readonly QueueSet _queues;

    public JobScheduler(EmulatorStore store, JobRunner runner, QueueSet queues)
    {
        _store = store;
        _runner = runner;
        _queues = queues;
        foreach (var queue in queues.All)
        {
            _channels[queue.Name] = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
        }
    }

    /// <summary>Starts the workers; jobs enqueued before (by <see cref="Recover"/>) wait in their queues until then.</summary>
    public void Start()
    {
        if (_workers.Count > 0 || _shutdown.IsCancellationRequested)
        {
            return;
        }

        foreach (var queue in _queues.All)
        {
            var reader = _channels[queue.Name].Reader;
            for (var i = 0; i < queue.Workers; i++)
            {
                _workers.Add(Task.Run(() => WorkAsync(queue, reader)));
            }
        }
    }

    /// <summary>
    /// Fails jobs a previous process left running and queues the ones it left waiting. A previous process that died
    /// without stopping its jobs (kill -9, OOM) left their process groups running: each is killed first, provided the
    /// group is still the job's (<see cref="ProcessGroup.KillLeftovers"/>).
    /// </summary>
    public void Recover(long nowMs)
    {
        foreach (var job in _store.JobsInState(JobState.Started))
        {
            if (job is { ProcessGroupId: { } group, ProcessStartTicks: { } startTicks })
            {
                ProcessGroup.KillLeftovers(group, startTicks);
            }

            _runner.FailInterrupted(job, nowMs, InterruptedTraceback);
        }

        foreach (var job in _store.JobsInState(JobState.Queued))
        {
            Enqueue(job);
        }
    }

    public void Enqueue(JobRecord job)
    {
        if (_channels.TryGetValue(job.Queue, out var channel))
        {
            channel.Writer.TryWrite(job.Id);
        }
        else
        {
            // The queue was removed from the configuration since the job was submitted.
            _runner.FailInterrupted(job, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), $"Queue {job.Queue} is not configured in this emulator.");
        }
    }

    /// <summary>Revokes a running job; false when no worker is running it.</summary>
    public bool Revoke(string id)
    {
        if (_running.TryGetValue(id, out var job))
        {
            job.Revoke();
            return true;
        }

        return false;
    }

    public bool IsRunning(string id) => _running.ContainsKey(id);

    /// <summary>
    /// Stops the workers and kills every job's process tree. A graceful stop marks the killed jobs Failed now; a crash
    /// stop leaves the store as it is, as a killed emulator would, so the next start has to recover.
    /// </summary>
    public async Task StopAsync(bool crash)
    {
        await _shutdown.CancelAsync();
        foreach (var channel in _channels.Values)
        {
            channel.Writer.TryComplete();
        }

        foreach (var job in _running.Values)
        {
            job.StopForShutdown();
            job.KillTree();
        }

        await Task.WhenAll(_workers).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!crash)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var job in _store.JobsInState(JobState.Started))
            {
                _runner.FailInterrupted(job, now, InterruptedTraceback);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_shutdown.IsCancellationRequested)
        {
            await StopAsync(crash: false);
        }

        _shutdown.Dispose();
    }

    private async Task WorkAsync(QueueDefinition queue, ChannelReader<string> reader)
    {
        try
        {
            while (await reader.WaitToReadAsync(_shutdown.Token))
            {
                while (!_shutdown.IsCancellationRequested && reader.TryRead(out var id))
                {
                    using var running = new RunningJob(id);
                    _running[id] = running;
                    try
                    {
                        await _runner.RunAsync(id, queue, running);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !_shutdown.IsCancellationRequested)
                    {
                        // A bug or an unexpected I/O fault must cost one job, never the worker.
                        _runner.FailUnexpected(id, e);
                    }
                    finally
                    {
                        _running.TryRemove(id, out _);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
        }
    }
}
