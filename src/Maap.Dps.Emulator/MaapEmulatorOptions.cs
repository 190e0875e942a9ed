namespace Maap.Dps.Emulator;

/// <summary>How to start a <see cref="MaapEmulator"/>.</summary>
public sealed class MaapEmulatorOptions
{
    /// <summary>The default user name when no user is configured.</summary>
    public const string DefaultUserName = "emulator-user";

    /// <summary>
    /// The address Kestrel listens on. The default, <c>http://127.0.0.1:0</c>, binds the loopback interface on an
    /// ephemeral port; <see cref="MaapEmulator.BaseAddress"/> reports the port actually bound.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// The directory that holds the database, the key ring, job work directories and published outputs. Null creates
    /// a fresh temporary directory, which is deleted when the emulator is disposed.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The users the emulator accepts. When empty, one user named <see cref="DefaultUserName"/> with a random token
    /// is created.
    /// </summary>
    public IList<EmulatorUser> Users { get; } = new List<EmulatorUser>();

    /// <summary>
    /// The queues jobs may run on. When empty, <c>maap-dps-sandbox</c> (10 minute limit) and
    /// <c>maap-dps-worker-8gb</c> (no limit) are used, each with four workers.
    /// </summary>
    public IList<QueueDefinition> Queues { get; } = new List<QueueDefinition>();

    /// <summary>
    /// When true (the default) the WPS metrics document carries the <c>&lt;Element 'x' at 0x…&gt;</c> text that MAAP
    /// has sent since 2021 in its eight broken fields, so clients are tested against what MAAP really sends. When
    /// false those fields carry the measured numbers.
    /// </summary>
    public bool ReproduceMetricsQuirk { get; set; } = true;

    /// <summary>
    /// The folders a job's <c>file:</c> inputs may be copied from. None by default: a <c>file:</c> URL names a file on
    /// the emulator's machine, which a job of any user could otherwise have copied into its work dir and published.
    /// A file is inside a folder only when it is there with every symbolic link on its path resolved.
    /// </summary>
    public IList<string> LocalInputDirectories { get; } = new List<string>();

    /// <summary>Whether to write request and job logs to the console. Secret values and tokens are never logged.</summary>
    public bool ConsoleLogging { get; set; }

    /// <summary>A test seam, see <see cref="Running.JobRunner.AfterMarkedStarted"/>.</summary>
    internal Func<string, Task>? AfterJobMarkedStarted { get; set; }

    /// <summary>A test seam, see <see cref="Running.JobRunner.BeforeGateOpens"/>.</summary>
    internal Func<System.Diagnostics.Process, Task>? BeforeJobGateOpens { get; set; }
}
