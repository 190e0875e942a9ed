using System.Collections.Concurrent;
using System.Text.Json;

namespace Maap.Algorithms;

/// <summary>
/// The running DPS job as its algorithm sees it (spec §2.4, §12.2): the work directory with
/// <c>_job.json</c>, <c>_context.json</c>, <c>input/</c> and <c>output/</c>, and the positional
/// arguments of the run command (WPS positional values, or an OGC process's <c>--{name} value</c> pairs, see
/// <see cref="IsOgcJob"/>). Generated <c>FromContext</c> methods read typed inputs from it.
/// </summary>
/// <remarks>
/// A context fetches secrets through a <see cref="MaapClient"/> it creates on first use; <see cref="Dispose"/> releases
/// it. <see cref="Current"/> is the process's own context and lives as long as the process: disposing it does nothing,
/// so <c>using var context = DpsJobContext.Current;</c> is harmless.
/// <para>
/// MAAP keeps only the last lines of a failed job's standard error as its traceback, and .NET prints an unhandled
/// exception's message before its stack, so the message would be cut off. Once <see cref="Current"/> has been read, an
/// unhandled exception is written to standard error in full and then as one last line, <c>{type}: {message}</c>, and
/// the process exits with code 1.
/// </para>
/// </remarks>
public sealed partial class DpsJobContext : IDisposable
{
    private static readonly Lazy<DpsJobContext> CurrentContext = new(
        () =>
        {
            AppDomain.CurrentDomain.UnhandledException += WriteFailureLast;
            return new DpsJobContext(Environment.CurrentDirectory, Environment.GetCommandLineArgs().Skip(1).ToArray(), fetchSecret: null, CreateClient, isProcessContext: true);
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Func<string, CancellationToken, Task<string>> _fetchSecret;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _secrets = new(StringComparer.Ordinal);
    private readonly Func<MaapClient> _createClient;
    private readonly bool _isProcessContext;
    private readonly object _clientGate = new();
    private MaapClient? _client;
    private bool _disposed;
    private readonly Lazy<JsonElement?> _job;
    private readonly Lazy<JsonElement?> _context;
    private readonly Lazy<bool> _isOgcJob;

    /// <summary>Opens a job work directory.</summary>
    /// <param name="workDirectory">The job work directory (the current directory of a DPS job).</param>
    /// <param name="arguments">The positional arguments the run command received, without the program name.</param>
    /// <param name="fetchSecret">
    /// Fetches a secret value by name. Null uses a <see cref="MaapClient"/> built from <c>MAAP_API_HOST</c>
    /// and <c>MAAP_PGT</c>, which the DPS wrapper exports, so the request runs as the submitting user; <see cref="Dispose"/> releases it.
    /// </param>
    public DpsJobContext(string workDirectory, IReadOnlyList<string> arguments, Func<string, CancellationToken, Task<string>>? fetchSecret = null)
        : this(workDirectory, arguments, fetchSecret, CreateClient, isProcessContext: false)
    {
    }

    internal DpsJobContext(string workDirectory, IReadOnlyList<string> arguments, Func<string, CancellationToken, Task<string>>? fetchSecret, Func<MaapClient> createClient, bool isProcessContext)
    {
        ArgumentException.ThrowIfNullOrEmpty(workDirectory);
        ArgumentNullException.ThrowIfNull(arguments);
        WorkDirectory = Path.GetFullPath(workDirectory);
        Arguments = arguments;
        _fetchSecret = fetchSecret ?? FetchWithJobCredentials;
        _createClient = createClient;
        _isProcessContext = isProcessContext;
        _job = new Lazy<JsonElement?>(() => ReadJson("_job.json"), LazyThreadSafetyMode.ExecutionAndPublication);
        _context = new Lazy<JsonElement?>(() => ReadJson("_context.json"), LazyThreadSafetyMode.ExecutionAndPublication);
        _isOgcJob = new Lazy<bool>(DetectOgcJob, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The job this process runs in: the current directory and the process's command-line arguments. One instance per
    /// process, so secrets are fetched once; it lives as long as the process, and its <see cref="Dispose"/> does nothing.
    /// </summary>
    public static DpsJobContext Current => CurrentContext.Value;

    /// <summary>
    /// True when this process runs inside a DPS job: its current directory holds the job's <c>_job.json</c>. One program
    /// can then be both the algorithm (inside the job) and the tool that submits it (anywhere else).
    /// </summary>
    public static bool IsRunningInJob => File.Exists(Path.Combine(Environment.CurrentDirectory, "_job.json"));

    /// <summary>The full path of the work directory.</summary>
    public string WorkDirectory { get; }

    /// <summary>
    /// The command-line arguments: a WPS job's positional values in registration order, or an OGC job's
    /// <c>--{name} value</c> pairs (see <see cref="IsOgcJob"/>).
    /// </summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The folder DPS downloads file inputs into.</summary>
    public string InputDirectory => Path.Combine(WorkDirectory, "input");

    /// <summary>The folder whose contents DPS publishes when the job succeeds.</summary>
    public string OutputDirectory => Path.Combine(WorkDirectory, "output");

    /// <summary>The job id MAAP returned on submission (<c>job_info.job_payload.payload_task_id</c>), or null outside DPS.</summary>
    public string? JobId => Find(_job.Value, "job_info", "job_payload", "payload_task_id");

    /// <summary>The user who submitted the job, or null outside DPS.</summary>
    public string? Username => Find(_job.Value, "username");

    /// <summary>The HySDS job type, <c>job-{algorithm}:{version}</c>, or null outside DPS.</summary>
    public string? JobType => Find(_job.Value, "type");

    /// <summary>The job's first tag, or null outside DPS.</summary>
    public string? Tag => Find(_job.Value, "tag");

    /// <summary>Creates <see cref="OutputDirectory"/> if needed and returns the full path of a file in it.</summary>
    /// <param name="fileName">The file name, relative to <c>output/</c>.</param>
    /// <returns>The full path.</returns>
    public string GetOutputPath(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        Directory.CreateDirectory(OutputDirectory);
        return Path.Combine(OutputDirectory, fileName);
    }

    /// <summary>
    /// Fetches a MAAP secret as the user who submitted the job, once per name for the life of this
    /// context. The value is never logged and never part of an exception message.
    /// </summary>
    /// <param name="name">The secret name.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The secret value.</returns>
    /// <exception cref="ObjectDisposedException">This context was disposed.</exception>
    public Task<string> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (!SecretName.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid MAAP secret name.", nameof(name));
        }

        var entry = _secrets.GetOrAdd(name, n => new Lazy<Task<string>>(() => StartFetch(n), LazyThreadSafetyMode.ExecutionAndPublication));
        return AwaitAsync(name, entry, cancellationToken);
    }

    // A fetch that throws before it returns a task (a client that cannot be built yet, say) becomes a faulted task,
    // so the Lazy does not keep the exception for good and the entry is dropped like any failed fetch.
    private Task<string> StartFetch(string name)
    {
        try
        {
            return _fetchSecret(name, CancellationToken.None);
        }
        catch (Exception e)
        {
            return Task.FromException<string>(e);
        }
    }

    private async Task<string> AwaitAsync(string name, Lazy<Task<string>> entry, CancellationToken cancellationToken)
    {
        var fetch = entry.Value;
        try
        {
            return await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (fetch.IsFaulted || fetch.IsCanceled)
        {
            // A failed fetch is not cached: the next call tries again.
            _secrets.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(name, entry));
            throw;
        }
    }

    /// <summary>
    /// Releases the <see cref="MaapClient"/> this context created to fetch secrets, if it did; then
    /// <see cref="GetSecretAsync"/> throws <see cref="ObjectDisposedException"/>. Inputs and paths still read.
    /// Does nothing on <see cref="Current"/>, which lives as long as the process.
    /// </summary>
    public void Dispose()
    {
        if (_isProcessContext)
        {
            return;
        }

        MaapClient? client;
        lock (_clientGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            client = _client;
            _client = null;
        }

        client?.Dispose();
    }

    internal bool IsDisposed
    {
        get
        {
            lock (_clientGate)
            {
                return _disposed;
            }
        }
    }

    // MaapClient reads MAAP_API_HOST and MAAP_PGT, which the DPS wrapper exports: the requests run as the submitter.
    private static MaapClient CreateClient() => new();

    /// <summary>The one line a failed job's standard error ends with: the exception's type and its message, on one line.</summary>
    internal static string FormatFailureSummary(object? exception)
    {
        if (exception is not Exception error)
        {
            return "Unhandled exception: " + (exception?.GetType().FullName ?? "null");
        }

        var message = error.Message.ReplaceLineEndings(" ").Trim();
        return message.Length == 0 ? error.GetType().FullName! : $"{error.GetType().FullName}: {message}";
    }

    // The runtime raises this event before it prints its own report, so a line written here would come first and MAAP's
    // last-lines traceback would hold only stack frames. Writing the whole report, then the summary, then exiting keeps
    // the message last. Only the exception is written, never the environment, so no secret appears that the message lacks.
    private static void WriteFailureLast(object sender, UnhandledExceptionEventArgs e)
    {
        if (!e.IsTerminating)
        {
            return;
        }

        try
        {
            var error = Console.Error;
            error.WriteLine("Unhandled exception. " + e.ExceptionObject);
            error.WriteLine(FormatFailureSummary(e.ExceptionObject));
            error.Flush();
        }
        finally
        {
            Environment.Exit(1);
        }
    }

    private Task<string> FetchWithJobCredentials(string name, CancellationToken cancellationToken)
    {
        MaapClient client;
        lock (_clientGate)
        {
            // Under the lock, so a client is never created after Dispose has looked for one to release.
            ObjectDisposedException.ThrowIf(_disposed, this);
            client = _client ??= _createClient();
        }

        return client.Secrets.GetAsync(name, cancellationToken);
    }

    private JsonElement? ReadJson(string fileName)
    {
        var path = Path.Combine(WorkDirectory, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{fileName} in {WorkDirectory} is not valid JSON.", ex);
        }
    }

    private static string? Find(JsonElement? root, params string[] path)
    {
        if (root is not { } current)
        {
            return null;
        }

        foreach (var key in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(key, out current))
            {
                return null;
            }
        }

        return AsText(current);
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
