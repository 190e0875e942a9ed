using System.Security.Cryptography;
using Maap.Dps.Emulator.Endpoints;
using Maap.Dps.Emulator.Endpoints.Ogc;
using Maap.Dps.Emulator.Endpoints.Wps;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Processes;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maap.Dps.Emulator;

/// <summary>
/// A local MAAP API: the same paths, bodies, status codes and quirks as <c>api.maap-project.org</c> for DPS jobs,
/// algorithms, queues, secrets and the member profile, running registered algorithms as local processes in DPS-shaped
/// work directories. Start one with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class MaapEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorServices _services;
    private readonly HttpClient _downloads;
    private readonly DeploymentWorker _deployments;
    private readonly bool _ownsDataDirectory;
    private readonly FileStream _dataDirectoryLock;
    private int _stopped;

    private MaapEmulator(WebApplication app, EmulatorServices services, HttpClient downloads, DeploymentWorker deployments, bool ownsDataDirectory, FileStream dataDirectoryLock, EmulatorUser user)
    {
        _app = app;
        _services = services;
        _downloads = downloads;
        _deployments = deployments;
        _ownsDataDirectory = ownsDataDirectory;
        _dataDirectoryLock = dataDirectoryLock;
        UserName = user.Name;
        Token = user.Token;
    }

    /// <summary>The root the emulator serves, for example <c>http://127.0.0.1:41234/</c>; use it as the MAAP host.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The first configured user's name.</summary>
    public string UserName { get; }

    /// <summary>The first configured user's token (send it as <c>proxy-ticket</c> or <c>Authorization: Bearer</c>).</summary>
    public string Token { get; }

    /// <summary>The data directory: database, key ring, job work directories and published outputs.</summary>
    public string DataDirectory => _services.Paths.Root;

    /// <summary>Cancelled when the host is asked to stop (SIGTERM, Ctrl+C); the command line waits on it.</summary>
    internal CancellationToken ShutdownRequested => _app.Lifetime.ApplicationStopping;

    /// <summary>The emulator's services, for tests that look behind the HTTP surface.</summary>
    internal EmulatorServices Services => _services;

    /// <summary>Every user the emulator accepts.</summary>
    public IReadOnlyCollection<EmulatorUser> Users => _services.Users.All;

    /// <summary>Starts an emulator and waits until it listens.</summary>
    /// <param name="options">How to start it; null uses the defaults (loopback, ephemeral port, temporary data directory).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<MaapEmulator> StartAsync(MaapEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MaapEmulatorOptions();
        var owns = options.DataDirectory is null;
        var paths = new EmulatorPaths(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "maap-emulator-" + Guid.NewGuid().ToString("N")));
        var users = new UserDirectory();
        foreach (var u in options.Users)
        {
            users.Add(u);
        }

        if (options.Users.Count == 0)
        {
            users.Add(new EmulatorUser(MaapEmulatorOptions.DefaultUserName, NewToken()));
        }

        var first = options.Users.Count > 0 ? options.Users[0] : users.All.First();
        var queues = new QueueSet(options.Queues);
        var dataDirectoryLock = LockDataDirectory(paths);
        try
        {
            return await StartLockedAsync(options, paths, owns, users, first, queues, dataDirectoryLock, cancellationToken);
        }
        catch
        {
            await dataDirectoryLock.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Takes the data directory for this emulator's lifetime. Two emulators on one directory would each fail the
    /// other's running jobs on start and race to record their ends, so the second one refuses to start.
    /// </summary>
    private static FileStream LockDataDirectory(EmulatorPaths paths)
    {
        try
        {
            // FileShare.None takes an exclusive flock() on Unix: released by the kernel when this process dies.
            var lockFile = new FileStream(paths.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            lockFile.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
            lockFile.Write(pid);
            lockFile.Flush();
            return lockFile;
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The data directory {paths.Root} is already in use by another MAAP DPS emulator (it holds {paths.Lock}). " +
                "Stop that emulator, or start this one with another data directory.", e);
        }
    }

    private static async Task<MaapEmulator> StartLockedAsync(MaapEmulatorOptions options, EmulatorPaths paths, bool owns, UserDirectory users,
        EmulatorUser first, QueueSet queues, FileStream dataDirectoryLock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MaapEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            // A failed start is thrown to the caller, who reports it in one line; the host would log its stack trace first.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        }

        builder.Services.AddDataProtection()
            .SetApplicationName("Maap.Dps.Emulator")
            .PersistKeysToFileSystem(new DirectoryInfo(paths.Keys));

        var store = new EmulatorStore(paths.Database);
        var catalog = new AlgorithmCatalog(store, paths);
        catalog.EnsureBuiltIns(queues.Default, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var downloads = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        MaapEmulator? emulator = null;
        var runner = new JobRunner(store, catalog, paths, users, () => emulator!.BaseAddress, downloads, [.. options.LocalInputDirectories])
        {
            AfterMarkedStarted = options.AfterJobMarkedStarted,
            BeforeGateOpens = options.BeforeJobGateOpens,
        };
        var scheduler = new JobScheduler(store, runner, queues);
        var processes = new ProcessRegistry(store);
        var deployments = new DeploymentWorker(processes, catalog);
        // A deploy's href is fetched like requests.get, but bounded: a slow or huge answer is refused, not awaited.
        var cwlDownloads = new HttpClient { Timeout = TimeSpan.FromSeconds(30), MaxResponseContentBufferSize = YamlToJson.MaxTextLength };
        builder.Services.AddSingleton(sp => new EmulatorServices(
            options, paths, store, users, catalog, queues, scheduler, new JobService(store, catalog, queues, scheduler) { Processes = processes },
            sp.GetRequiredService<IDataProtectionProvider>().CreateProtector("Maap.Dps.Emulator.Secrets.v1"))
        {
            Processes = processes,
            CwlDownloads = cwlDownloads,
        });

        var app = builder.Build();
        var services = app.Services.GetRequiredService<EmulatorServices>();
        runner.Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Maap.Dps.Emulator.Jobs");
        app.UseMaapSecurityHeaders();
        PlatformEndpoints.Map(app);
        SecretEndpoints.Map(app);
        AlgorithmEndpoints.Map(app);
        WpsProcessEndpoints.Map(app);
        WpsJobEndpoints.Map(app);
        OgcJobEndpoints.Map(app);
        OgcProcessEndpoints.Map(app);
        OgcDeploymentEndpoints.Map(app);

        emulator = new MaapEmulator(app, services, downloads, deployments, owns, dataDirectoryLock, first);
        try
        {
            // Recover before listening, so no request sees a job the previous process left half-way; workers start
            // once the address jobs are given (MAAP_API_HOST) is known.
            scheduler.Recover(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            catalog.RemoveUnusedCopies(); // copies a previous run could not remove yet
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // Kestrel wraps the socket's own error twice; keep that one as the cause, as the early check does.
                throw ListenAddresses.InUse(options.Urls, e.InnerException.InnerException ?? e);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            emulator.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            scheduler.Start();
            deployments.Start();
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }

        return emulator;
    }

    /// <summary>Adds a user (for isolation tests, or a second scientist).</summary>
    /// <param name="name">The user name.</param>
    /// <param name="token">The token; null generates a random one.</param>
    /// <returns>The added user.</returns>
    public EmulatorUser AddUser(string name, string? token = null)
    {
        var user = new EmulatorUser(name, token ?? NewToken());
        _services.Users.Add(user);
        return user;
    }

    /// <summary>
    /// Stops like a crash: child process trees are killed and the server stops, but nothing is written to the store,
    /// so jobs that were running stay marked running until the next start fails them.
    /// </summary>
    /// <returns>A task that completes when stopped.</returns>
    public Task CrashAsync() => StopCoreAsync(crash: true);

    /// <summary>Stops gracefully: running jobs are killed and marked Failed, then the server stops.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public Task StopAsync() => StopCoreAsync(crash: false);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopCoreAsync(crash: false);
        if (_ownsDataDirectory)
        {
            try
            {
                Directory.Delete(_services.Paths.Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private async Task StopCoreAsync(bool crash)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _services.Scheduler.StopAsync(crash);
        await _deployments.DisposeAsync();
        try
        {
            await _app.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await _app.DisposeAsync();
            _downloads.Dispose();
            _services.CwlDownloads.Dispose();
            _services.Store.Dispose();
            SqliteConnection.ClearPool(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _services.Paths.Database, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString()));
            await _dataDirectoryLock.DisposeAsync();
        }
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
