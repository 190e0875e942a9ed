namespace Maap.Algorithms;

/// <summary>How <see cref="MaapJob.WaitForCompletionAsync(JobWaitOptions?, IProgress{JobStatusChange}?, CancellationToken)"/> polls.</summary>
public sealed class JobWaitOptions
{
    /// <summary>The first delay between two status calls.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two status calls (maap-py's cap is 64 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(64);

    /// <summary>The factor each delay grows by.</summary>
    public double BackoffFactor { get; set; } = 2.0;

    /// <summary>The random spread of each delay, as a fraction: 0.2 draws from ±20 %, so many waiters do not poll in step.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>The longest the whole wait may take; then <see cref="TimeoutException"/>. Null: no limit. Default 48 h, as maap-py.</summary>
    public TimeSpan? Timeout { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How long after submission a <c>Deleted</c> status still means "not visible yet" rather than "gone":
    /// MAAP reports any id it cannot find as Deleted, including one it has only just queued.
    /// </summary>
    public TimeSpan DeletedGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many failed status calls in a row the wait rides out before it gives up and throws.</summary>
    public int MaxConsecutiveErrors { get; set; } = 5;

    /// <summary>When true, a job that ends in any state but Succeeded throws <see cref="DpsJobFailedException"/> with its traceback.</summary>
    public bool ThrowOnFailure { get; set; }

    /// <summary>A copy, so a wait (or a client) is not changed by later changes to the caller's object.</summary>
    internal JobWaitOptions Clone() => (JobWaitOptions)MemberwiseClone();

    internal void Validate()
    {
        if (InitialDelay <= TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentException("InitialDelay must be positive and MaxDelay at least InitialDelay.", nameof(InitialDelay));
        }

        if (BackoffFactor < 1.0 || double.IsNaN(BackoffFactor))
        {
            throw new ArgumentException("BackoffFactor must be at least 1.", nameof(BackoffFactor));
        }

        if (Jitter is < 0.0 or >= 1.0 || double.IsNaN(Jitter))
        {
            throw new ArgumentException("Jitter must be in [0, 1).", nameof(Jitter));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Timeout must be positive or null.", nameof(Timeout));
        }

        if (MaxConsecutiveErrors < 0)
        {
            throw new ArgumentException("MaxConsecutiveErrors cannot be negative.", nameof(MaxConsecutiveErrors));
        }
    }
}
