using System.Net.Http;
using Maap.Algorithms.Http;
using Microsoft.Extensions.Logging;

namespace Maap.Algorithms;

/// <summary>
/// A handle on one DPS job, shaped like a .NET long-running operation: the last known <see cref="Status"/>,
/// <see cref="UpdateStatusAsync"/>, <see cref="WaitForCompletionAsync(JobWaitOptions?, IProgress{JobStatusChange}?, CancellationToken)"/>,
/// result, metrics and cancel. Cancelling a wait never cancels the job; only <see cref="CancelAsync"/> does.
/// Reattach to an existing job with <c>maap.Jobs.Get(id)</c>. Thread-safe.
/// </summary>
public class MaapJob
{
    private readonly HandleState? _state;

    /// <summary>For mocking.</summary>
    protected MaapJob()
    {
    }

    /// <summary>Creates a handle that shares <paramref name="job"/>'s state, for typed handles that wrap a runtime one.</summary>
    /// <param name="job">The handle to share state with.</param>
    protected MaapJob(MaapJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _state = job._state;
    }

    internal MaapJob(JobProtocol protocol, MaapClientOptions options, ILogger logger, string id, JobStatus? status, DateTimeOffset? submittedAt)
    {
        _state = new HandleState(protocol, options, logger, id, status, submittedAt);
    }

    private HandleState State => _state ?? throw new InvalidOperationException("This job handle was created for mocking and has no client behind it.");

    /// <summary>The job id MAAP assigned.</summary>
    public virtual string Id => State.Id;

    /// <summary>The last status seen, or null for a reattached handle that has not asked yet.</summary>
    public virtual JobStatus? Status => State.Status;

    /// <summary>When this handle submitted the job, or null for a reattached handle.</summary>
    public virtual DateTimeOffset? SubmittedAt => State.SubmittedAt;

    /// <summary>
    /// True once the last status seen is final. A <c>Deleted</c> seen within the grace period after submission does
    /// not count: MAAP reports a job it has only just queued as Deleted.
    /// </summary>
    public virtual bool HasCompleted => State.Status is { IsFinal: true } status && !IsInDeletedGrace(status, State.Options.Wait.DeletedGracePeriod);

    /// <summary>Asks MAAP for the job's status and remembers it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The current status.</returns>
    public virtual async Task<JobStatus> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var state = State;
        var status = await state.Protocol.GetStatusAsync(state.Id, cancellationToken).ConfigureAwait(false);
        var previous = state.Exchange(status);
        if (previous != status)
        {
            MaapLog.JobStatusChanged(state.Logger, state.Id, status.Value, previous?.Value ?? "unknown");
        }

        return status;
    }

    /// <summary>Polls until the job reaches a final status, with the client's default <see cref="JobWaitOptions"/>.</summary>
    /// <param name="progress">Told about every status change, the first one included.</param>
    /// <param name="cancellationToken">Stops waiting. The job itself keeps running.</param>
    /// <returns>The final status.</returns>
    public Task<JobStatus> WaitForCompletionAsync(IProgress<JobStatusChange>? progress, CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(options: null, progress, cancellationToken);

    /// <summary>
    /// Polls until the job reaches a final status, calling <paramref name="onStatusChange"/> on the waiting code path
    /// for every change before the wait goes on, so the calls come in order and the last one has run when the wait
    /// returns (a <see cref="Progress{T}"/> posts each report to the thread pool, where they can run late and out of order).
    /// </summary>
    /// <param name="onStatusChange">Called for every status change, the first one included; keep it quick.</param>
    /// <param name="options">How to poll; null uses the client's <see cref="MaapClientOptions.Wait"/>.</param>
    /// <param name="cancellationToken">Stops waiting. The job itself keeps running.</param>
    /// <returns>The final status.</returns>
    /// <exception cref="TimeoutException">The job did not finish within <see cref="JobWaitOptions.Timeout"/>; it keeps running.</exception>
    /// <exception cref="DpsJobFailedException">The job did not succeed and <see cref="JobWaitOptions.ThrowOnFailure"/> was set.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "A lambda binds to this overload alone; the others take no delegate.")]
    public Task<JobStatus> WaitForCompletionAsync(Action<JobStatusChange> onStatusChange, JobWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onStatusChange);
        return WaitForCompletionAsync(options, new InlineProgress(onStatusChange), cancellationToken);
    }

    /// <summary>
    /// Polls until the job reaches a final status, with jittered exponential backoff on the client's
    /// <see cref="TimeProvider"/>, a cap, and an overall timeout.
    /// </summary>
    /// <param name="options">How to poll, read once when the wait starts; null uses the client's <see cref="MaapClientOptions.Wait"/>.</param>
    /// <param name="progress">Told about every status change, the first one included.</param>
    /// <param name="cancellationToken">Stops waiting. The job itself keeps running.</param>
    /// <returns>The final status.</returns>
    /// <exception cref="TimeoutException">The job did not finish within <see cref="JobWaitOptions.Timeout"/>; it keeps running.</exception>
    /// <exception cref="DpsJobFailedException">The job did not succeed and <see cref="JobWaitOptions.ThrowOnFailure"/> was set.</exception>
    public virtual async Task<JobStatus> WaitForCompletionAsync(JobWaitOptions? options = null, IProgress<JobStatusChange>? progress = null, CancellationToken cancellationToken = default)
    {
        var state = State;
        // A copy: the caller's object can change while the wait runs without breaking what was validated here.
        options = options?.Clone() ?? state.Options.Wait;
        options.Validate();
        var time = state.Options.TimeProvider;
        var started = time.GetTimestamp();
        var delay = options.InitialDelay;
        var errors = 0;
        JobStatus? reported = null;
        while (true)
        {
            JobStatus? status = null;
            try
            {
                status = await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
                errors = 0;
            }
            catch (Exception ex) when (IsPollingFault(ex, cancellationToken) && errors < options.MaxConsecutiveErrors)
            {
                errors++;
                MaapLog.PollFailed(state.Logger, state.Id, ex.GetType().Name);
            }

            var elapsed = time.GetElapsedTime(started);
            if (status is { } current)
            {
                if (reported != current)
                {
                    progress?.Report(new JobStatusChange(state.Id, reported, current, elapsed));
                    reported = current;
                }

                if (current.IsFinal && !IsInDeletedGrace(current, options.DeletedGracePeriod))
                {
                    if (options.ThrowOnFailure && current != JobStatus.Succeeded)
                    {
                        throw new DpsJobFailedException(state.Id, current, await TryGetTracebackAsync(cancellationToken).ConfigureAwait(false));
                    }

                    return current;
                }
            }

            var wait = Jittered(delay, options.Jitter);
            if (options.Timeout is { } timeout)
            {
                var remaining = timeout - elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"DPS job {state.Id} did not finish within {timeout} (last status: {reported?.Value ?? "unknown"}). The job keeps running; wait again or cancel it.");
                }

                if (wait > remaining)
                {
                    wait = remaining;
                }
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * options.BackoffFactor), options.MaxDelay.Ticks));
        }
    }

    /// <summary>Fetches what the job produced: its products (http, s3 and console URLs) and, for a failed job, the traceback.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result. A running job has no outputs yet; MAAP answers a queued job with an error.</returns>
    public virtual Task<JobResult> GetResultAsync(CancellationToken cancellationToken = default) =>
        State.Protocol.GetResultAsync(State.Id, cancellationToken);

    /// <summary>Fetches the job's resource use.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metrics.</returns>
    public virtual Task<JobMetrics> GetMetricsAsync(CancellationToken cancellationToken = default) =>
        State.Protocol.GetMetricsAsync(State.Id, cancellationToken);

    /// <summary>
    /// Asks MAAP to cancel the job: a queued job is purged (its status becomes Deleted), a running one is revoked
    /// (Dismissed). A finished job cannot be cancelled: MAAP answers 400 <c>FailedJobCancel</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when MAAP accepted the cancel request.</returns>
    public virtual async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        var state = State;
        await state.Protocol.CancelAsync(state.Id, waitForCompletion: false, cancellationToken).ConfigureAwait(false);
        MaapLog.JobCancelRequested(state.Logger, state.Id);
    }

    /// <summary>
    /// Asks MAAP to cancel the job and answers once MAAP says the revoke or purge finished (OGC
    /// <c>waitForCompletion=true</c>; MAAP polls for it, so this call can take tens of seconds). Only the OGC job API can
    /// wait: a job submitted over WPS throws <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call (not the cancel MAAP already started).</param>
    /// <returns>A task that completes when MAAP reports the cancel done.</returns>
    public virtual async Task CancelAndWaitAsync(CancellationToken cancellationToken = default)
    {
        var state = State;
        await state.Protocol.CancelAsync(state.Id, waitForCompletion: true, cancellationToken).ConfigureAwait(false);
        MaapLog.JobCancelRequested(state.Logger, state.Id);
    }

    /// <summary>Reports on the caller's code path, in order.</summary>
    private sealed class InlineProgress(Action<JobStatusChange> report) : IProgress<JobStatusChange>
    {
        public void Report(JobStatusChange value) => report(value);
    }

    /// <inheritdoc />
    public override string ToString() => _state is null ? "MaapJob(mock)" : $"{Id} ({Status?.Value ?? "status not fetched"})";

    private bool IsInDeletedGrace(JobStatus status, TimeSpan grace) =>
        status.Kind == JobStatusKind.Deleted
        && State.SubmittedAt is { } submitted
        && State.Options.TimeProvider.GetUtcNow() - submitted < grace;

    private static bool IsPollingFault(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        MaapRequestFailedException failed => (int)failed.Status >= 500,
        MaapProtocolException or HttpRequestException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static TimeSpan Jittered(TimeSpan delay, double jitter) =>
        jitter == 0 ? delay : TimeSpan.FromTicks((long)(delay.Ticks * (1 - jitter + (2 * jitter * Random.Shared.NextDouble()))));

    private async Task<string?> TryGetTracebackAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await GetResultAsync(cancellationToken).ConfigureAwait(false)).Traceback;
        }
        catch (Exception ex) when (ex is MaapRequestFailedException or MaapProtocolException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The job's failure is the news; a traceback that cannot be fetched (an error, or an HttpClient timeout:
            // a cancellation the caller did not ask for) leaves it null. The caller's own cancellation still propagates.
            return null;
        }
    }

    private sealed class HandleState(JobProtocol protocol, MaapClientOptions options, ILogger logger, string id, JobStatus? status, DateTimeOffset? submittedAt)
    {
        private readonly object _gate = new();
        private JobStatus? _status = status;

        public JobProtocol Protocol { get; } = protocol;

        public MaapClientOptions Options { get; } = options;

        public ILogger Logger { get; } = logger;

        public string Id { get; } = id;

        public DateTimeOffset? SubmittedAt { get; } = submittedAt;

        public JobStatus? Status
        {
            get
            {
                lock (_gate)
                {
                    return _status;
                }
            }
        }

        public JobStatus? Exchange(JobStatus status)
        {
            lock (_gate)
            {
                var previous = _status;
                _status = status;
                return previous;
            }
        }
    }
}
