namespace Maap.Dps.Emulator.Jobs;

/// <summary>
/// What DPS measures of a job and the machine it ran on. A measurement the job's record lacks is null (the machine
/// facts are always known); the I/O split DPS reports but the emulator cannot measure is zero.
/// </summary>
internal sealed record JobMetrics
{
    public required string JobId { get; init; }

    /// <summary>False until the job has ended: nothing is measured before that.</summary>
    public required bool IsMeasured { get; init; }

    public required string MachineType { get; init; }

    /// <summary>As Python's <c>platform.machine()</c> names it: <c>x86_64</c>, <c>aarch64</c>.</summary>
    public required string Architecture { get; init; }

    public required long MachineMemoryBytes { get; init; }

    public required string OperatingSystem { get; init; }

    public long? DirectorySizeBytes { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public double? DurationSeconds { get; init; }

    public long? CpuNanoseconds { get; init; }

    public long? CacheBytes { get; init; }

    public long? MemoryBytes { get; init; }

    public long? MaxMemoryBytes { get; init; }

    public long? SwapBytes { get; init; }

    public long? ReadBytes { get; init; }

    public long? WriteBytes { get; init; }

    /// <summary>Not measured by the emulator: zero.</summary>
    public long SyncIoBytes { get; init; }

    /// <summary>Not measured by the emulator: zero.</summary>
    public long AsyncIoBytes { get; init; }

    /// <summary>Reads plus writes, a missing side counting as zero.</summary>
    public long TotalIoBytes => (ReadBytes ?? 0) + (WriteBytes ?? 0);
}
