namespace Maap.Algorithms;

/// <summary>
/// Resource use of a finished job (spec §6). Every field MAAP sent is kept verbatim in <see cref="RawValues"/>;
/// a typed property is null when MAAP left it empty, sent <c>None</c>, or (a server bug since 2021) filled it with
/// Python's <c>&lt;Element 'mem_usage' at 0x…&gt;</c> text instead of a number.
/// </summary>
public sealed class JobMetrics
{
    /// <summary>Creates metrics from the raw <c>&lt;metrics&gt;</c> children.</summary>
    /// <param name="rawValues">Element name to text, in document order; null for a self-closed element.</param>
    public JobMetrics(IReadOnlyDictionary<string, string?> rawValues)
    {
        RawValues = rawValues ?? throw new ArgumentNullException(nameof(rawValues));
        MachineType = Text("machine_type");
        Architecture = Text("architecture");
        OperatingSystem = Text("operating_system");
        MachineMemorySize = Integer("machine_memory_size");
        DirectorySize = Integer("directory_size");
        JobStartTime = Timestamp("job_start_time");
        JobEndTime = Timestamp("job_end_time");
        var seconds = Number("job_duration_seconds");
        // "NaN", "1e400" and the like parse as doubles but are no duration; TimeSpan would throw on them.
        JobDuration = seconds is { } s && double.IsFinite(s) && Math.Abs(s) < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(s) : null;
        CpuUsage = Integer("cpu_usage");
        CacheUsage = Integer("cache_usage");
        MemoryUsage = Integer("mem_usage");
        MaxMemoryUsage = Integer("max_mem_usage");
        SwapUsage = Integer("swap_usage");
        ReadIoBytes = Integer("read_io_stats");
        WriteIoBytes = Integer("write_io_stats");
        SyncIoBytes = Integer("sync_io_stats");
        AsyncIoBytes = Integer("async_io_stats");
        TotalIoBytes = Integer("total_io_stats");
    }

    /// <summary>False when MAAP had nothing to report: the OGC API answers <c>null</c> for a queued job (and for any error behind it).</summary>
    public bool IsMeasured => RawValues.Count > 0;

    /// <summary>Every element MAAP sent, verbatim, in document order (null for an empty element).</summary>
    public IReadOnlyDictionary<string, string?> RawValues { get; }

    /// <summary>The EC2 instance type, for example <c>c5.4xlarge</c>.</summary>
    public string? MachineType { get; }

    /// <summary>The CPU architecture.</summary>
    public string? Architecture { get; }

    /// <summary>The worker's operating system.</summary>
    public string? OperatingSystem { get; }

    /// <summary>The worker's memory size in bytes.</summary>
    public long? MachineMemorySize { get; }

    /// <summary>The size of the job's work directory in bytes.</summary>
    public long? DirectorySize { get; }

    /// <summary>When the algorithm's command started.</summary>
    public DateTimeOffset? JobStartTime { get; }

    /// <summary>When the algorithm's command ended.</summary>
    public DateTimeOffset? JobEndTime { get; }

    /// <summary>How long the command ran.</summary>
    public TimeSpan? JobDuration { get; }

    /// <summary>Total CPU time in nanoseconds (cgroup <c>cpu_usage.total_usage</c>).</summary>
    public long? CpuUsage { get; }

    /// <summary>Page cache bytes.</summary>
    public long? CacheUsage { get; }

    /// <summary>Memory bytes in use at the end; null on servers that send the element text instead.</summary>
    public long? MemoryUsage { get; }

    /// <summary>Peak memory bytes; null on servers that send the element text instead.</summary>
    public long? MaxMemoryUsage { get; }

    /// <summary>Swap bytes; null on servers that send the element text instead.</summary>
    public long? SwapUsage { get; }

    /// <summary>Bytes read; null on servers that send the element text instead.</summary>
    public long? ReadIoBytes { get; }

    /// <summary>Bytes written; null on servers that send the element text instead.</summary>
    public long? WriteIoBytes { get; }

    /// <summary>Synchronous I/O bytes; null on servers that send the element text instead.</summary>
    public long? SyncIoBytes { get; }

    /// <summary>Asynchronous I/O bytes; null on servers that send the element text instead.</summary>
    public long? AsyncIoBytes { get; }

    /// <summary>Total I/O bytes; null on servers that send the element text instead.</summary>
    public long? TotalIoBytes { get; }

    private string? Text(string name) =>
        RawValues.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) && value != "None" ? value : null;

    private long? Integer(string name) =>
        Text(name) is { } text && long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private double? Number(string name) =>
        Text(name) is { } text && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private DateTimeOffset? Timestamp(string name) =>
        Text(name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}
