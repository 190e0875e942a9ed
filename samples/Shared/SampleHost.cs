using Maap.Algorithms;
using Maap.Dps.Emulator;

namespace Maap.Samples;

/// <summary>
/// Where the samples run: the embedded DPS emulator (the default, no account needed), or real MAAP when
/// <c>MAAP_API_HOST</c> is set (credentials from <c>MAAP_PGT</c>, as maap-py reads them).
/// </summary>
public sealed class SampleHost : IAsyncDisposable
{
    private SampleHost(MaapClient client, MaapEmulator? emulator, string queue, string? inputDirectory = null)
    {
        Client = client;
        Emulator = emulator;
        Queue = queue;
        InputDirectory = inputDirectory;
    }

    /// <summary>
    /// On the emulator, the folder whose files a job may take as <c>file:</c> inputs (the emulator reads no other);
    /// null on real MAAP, where inputs are URLs.
    /// </summary>
    public string? InputDirectory { get; }

    public MaapClient Client { get; }

    /// <summary>The embedded emulator, or null on real MAAP.</summary>
    public MaapEmulator? Emulator { get; }

    public bool IsEmulator => Emulator is not null;

    /// <summary>The queue the samples submit to (<c>MAAP_QUEUE</c> on real MAAP).</summary>
    public string Queue { get; }

    public static async Task<SampleHost> StartAsync(TextWriter log)
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MAAP_API_HOST")))
        {
            var client = new MaapClient();
            await log.WriteLineAsync($"Using MAAP at {client.ConfigurationUrl.GetLeftPart(UriPartial.Authority)} (MAAP_API_HOST).");
            return new SampleHost(client, null, Environment.GetEnvironmentVariable("MAAP_QUEUE") ?? "maap-dps-worker-8gb");
        }

        var inputDirectory = Directory.CreateTempSubdirectory("maap-sample-inputs-").FullName;
        var emulator = await MaapEmulator.StartAsync(new MaapEmulatorOptions { LocalInputDirectories = { inputDirectory } });
        await log.WriteLineAsync($"Using the embedded DPS emulator at {emulator.BaseAddress} (set MAAP_API_HOST to use real MAAP).");
        var local = new MaapClient(new MaapClientOptions
        {
            Host = emulator.BaseAddress.GetLeftPart(UriPartial.Authority),
            ProxyTicket = emulator.Token,
            Wait = { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2) },
        });
        return new SampleHost(local, emulator, "maap-dps-worker-8gb", inputDirectory);
    }

    /// <summary>
    /// Registers an algorithm whose code is a local folder: the emulator copies the folder as MAAP would build the
    /// repository. On real MAAP, registration builds from the declared repository instead.
    /// </summary>
    public async Task RegisterLocalAsync(AlgorithmRegistration registration, string sourceDirectory, string repositoryName)
    {
        if (!IsEmulator)
        {
            throw new InvalidOperationException($"{registration.JobType} is a local build, which only the emulator can run: unset MAAP_API_HOST.");
        }

        var repository = Path.Combine(Directory.CreateTempSubdirectory("maap-sample-").FullName, repositoryName);
        CopyDirectory(sourceDirectory, repository);
        await Client.Algorithms.RegisterAsync(registration.WithRepository(repository));
    }

    /// <summary>
    /// Deploys a process CWL (a record's <c>ToCwl()</c>) whose code is a local folder, waits for the deployment and
    /// returns the processID MAAP assigned. The emulator copies the folder named by <c>s:codeRepository</c>; on real
    /// MAAP a deployment pulls the CWL's container image instead.
    /// </summary>
    public async Task<string> DeployLocalAsync(string cwl, string sourceDirectory, string repositoryName)
    {
        if (!IsEmulator)
        {
            throw new InvalidOperationException("A process whose code is a local folder runs only on the emulator: unset MAAP_API_HOST.");
        }

        var repository = Path.Combine(Directory.CreateTempSubdirectory("maap-sample-").FullName, repositoryName);
        CopyDirectory(sourceDirectory, repository);
        var deployment = await Client.Processes.DeployAsync(ProcessCwl.WithCodeRepository(cwl, repository));
        deployment = await Client.Processes.WaitForDeploymentAsync(deployment.DeploymentId);
        return deployment.HasSucceeded && deployment.ProcessId is { } id
            ? id
            : throw new InvalidOperationException($"The deployment did not succeed: {deployment}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        if (InputDirectory is not null)
        {
            Directory.Delete(InputDirectory, recursive: true);
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
