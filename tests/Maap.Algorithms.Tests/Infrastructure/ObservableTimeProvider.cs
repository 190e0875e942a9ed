using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Maap.Algorithms.Tests.Infrastructure;

/// <summary>
/// A fake clock that reports every timer the code under test starts, so a test can advance time by exactly the
/// delay asked for, and assert the schedule, without any real sleep.
/// </summary>
public sealed class ObservableTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Waits (in real time, briefly) for the next timer the code under test starts, without advancing the clock.</summary>
    public Task<TimeSpan> NextTimerAsync() => _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Advances through every timer started until <paramref name="work"/> completes; returns the delays, in order.</summary>
    public async Task<List<TimeSpan>> RunAsync(Task work, int maxTimers = 1000)
    {
        var delays = new List<TimeSpan>();
        while (!work.IsCompleted)
        {
            var next = _timers.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(next, work).WaitAsync(TimeSpan.FromSeconds(10)) != next)
            {
                break;
            }

            var delay = await next;
            delays.Add(delay);
            Fake.Advance(delay);
            if (delays.Count > maxTimers)
            {
                throw new InvalidOperationException("The code under test keeps starting timers.");
            }
        }

        await work.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        return delays;
    }
}
