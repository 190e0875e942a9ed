using System.Security.Cryptography;

namespace Maap.Dps.Emulator.Hosting;

/// <summary>
/// Runs an emulator in the foreground for a person: the settings of <c>dotnet run --project src/Maap.Dps.Emulator</c>
/// and <c>maap emulator start</c>, the banner with URL, user and where the token is (never the token itself), and a
/// clean stop on Ctrl+C or SIGTERM.
/// </summary>
public static class EmulatorConsoleHost
{
    /// <summary>The address a foreground emulator listens on unless told otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5050";

    /// <summary>The file in the data directory that keeps a generated token.</summary>
    public const string TokenFileName = "default-token.txt";

    /// <summary>
    /// Reads a token from a file (its first line, trimmed), so it need not appear on a command line, where every
    /// user of the machine can read it in the process list.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentException">The file is empty.</exception>
    public static string ReadTokenFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var token = File.ReadLines(path).FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(token) ? throw new ArgumentException($"The token file {path} is empty.", nameof(path)) : token;
    }

    /// <summary>Builds the options of a foreground emulator; a missing token is generated once and kept in the data directory.</summary>
    /// <param name="urls">Where to listen; null: <see cref="DefaultUrls"/>.</param>
    /// <param name="dataDirectory">The data directory; null: <c>./.maap-emulator</c>.</param>
    /// <param name="userName">The user; null: <c>$USER</c>, else <see cref="MaapEmulatorOptions.DefaultUserName"/>.</param>
    /// <param name="token">The user's token; null: the kept one, or a new one.</param>
    /// <param name="consoleLogging">Whether to log requests and jobs to the console.</param>
    /// <returns>The options.</returns>
    public static MaapEmulatorOptions CreateOptions(string? urls, string? dataDirectory, string? userName, string? token, bool consoleLogging)
    {
        // A busy port is the likeliest failure: find it before anything is created on disk.
        ListenAddresses.ThrowIfInUse(urls ?? DefaultUrls);
        var dataDir = Path.GetFullPath(dataDirectory ?? ".maap-emulator");
        EmulatorPaths.CreatePrivateDirectory(dataDir);
        var options = new MaapEmulatorOptions
        {
            Urls = urls ?? DefaultUrls,
            DataDirectory = dataDir,
            ConsoleLogging = consoleLogging,
        };

        if (string.IsNullOrEmpty(token))
        {
            // Keep a generated token across restarts so running notebooks and jobs stay authenticated.
            var tokenFile = Path.Combine(dataDir, TokenFileName);
            if (File.Exists(tokenFile))
            {
                token = File.ReadAllText(tokenFile).Trim();
            }
            else
            {
                token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = EmulatorPaths.PrivateFile;
                }

                using var writer = new StreamWriter(tokenFile, create);
                writer.Write(token);
            }

            // The token is a credential: only its owner may read it (a file from an earlier version may be 0644).
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(tokenFile, EmulatorPaths.PrivateFile);
            }
        }

        options.Users.Add(new EmulatorUser(userName ?? Environment.GetEnvironmentVariable("USER") ?? MaapEmulatorOptions.DefaultUserName, token));
        return options;
    }

    /// <summary>
    /// Parses a queue list like <c>maap-dps-sandbox:4:10,maap-dps-worker-8gb:4:0</c>:
    /// <c>name[:workers[:time limit in minutes, 0 = none]]</c>, four workers and no limit by default.
    /// </summary>
    /// <param name="spec">The list.</param>
    /// <returns>The queues.</returns>
    /// <exception cref="ArgumentException">An entry is not <c>name[:workers[:minutes]]</c> with a positive whole number of workers and minutes of 0 or more.</exception>
    public static IReadOnlyList<QueueDefinition> ParseQueues(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var queues = new List<QueueDefinition>();
        foreach (var entry in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':');
            var workers = 4;
            var minutes = 0d;
            if (parts.Length > 3 || parts[0].Length == 0
                || (parts.Length > 1 && !(int.TryParse(parts[1], System.Globalization.NumberStyles.None, invariant, out workers) && workers > 0))
                || (parts.Length > 2 && !(double.TryParse(parts[2], System.Globalization.NumberStyles.AllowDecimalPoint, invariant, out minutes) && double.IsFinite(minutes))))
            {
                throw new ArgumentException($"Queue '{entry}' is not name[:workers[:minutes]] (workers a whole number of at least 1, minutes a number, 0 for no limit).");
            }

            queues.Add(new QueueDefinition(parts[0], workers, minutes > 0 ? TimeSpan.FromMinutes(minutes) : null));
        }

        return queues;
    }

    /// <summary>Starts the emulator, prints how to reach it, and runs until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="output">Where the banner goes.</param>
    /// <param name="cancellationToken">Stops the emulator.</param>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public static async Task RunAsync(MaapEmulatorOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var emulator = await MaapEmulator.StartAsync(options, cancellationToken);
        var host = emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        await output.WriteLineAsync($"MAAP DPS emulator listening on {host}");
        await output.WriteLineAsync($"  data directory: {emulator.DataDirectory}");
        await output.WriteLineAsync($"  user:           {emulator.UserName}");
        // Never the token itself: a banner ends up in terminals, logs and screenshots.
        var tokenFile = Path.Combine(emulator.DataDirectory, TokenFileName);
        var kept = File.Exists(tokenFile) && string.Equals(ReadTokenFile(tokenFile), emulator.Token, StringComparison.Ordinal);
        await output.WriteLineAsync(kept ? $"  token:          in {tokenFile}" : "  token:          the one you gave (not shown)");
        await output.WriteLineAsync(kept
            ? $"  try:            export MAAP_API_HOST={host} MAAP_PGT=\"$(cat {tokenFile})\""
            : $"  try:            export MAAP_API_HOST={host} MAAP_PGT=<your token>");
        await output.WriteLineAsync("Press Ctrl+C to stop.");

        // The host turns SIGTERM and Ctrl+C into a stop request; then stop the job workers and the server.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(emulator.ShutdownRequested, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await emulator.StopAsync();
    }
}
