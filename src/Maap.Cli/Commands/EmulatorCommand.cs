using System.CommandLine;
using Maap.Dps.Emulator.Hosting;

namespace Maap.Cli.Commands;

/// <summary><c>maap emulator start</c>: a local MAAP API that runs algorithms as local processes.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CommandRunner runner)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {EmulatorConsoleHost.DefaultUrls}; http://127.0.0.1:0 picks a free port)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Database, key ring, job work dirs and outputs (default ./.maap-emulator)" };
        var user = new Option<string?>("--user") { Description = "The user name (default $USER)" };
        var queues = new Option<string?>("--queues") { Description = "Queues as name[:workers[:minutes]],… (default maap-dps-sandbox:4:10,maap-dps-worker-8gb:4:0)" };
        var quiet = new Option<bool>("--quiet") { Description = "Do not log requests and jobs" };
        var inputDirs = new Option<string?>("--input-dirs") { Description = "Folders whose files jobs may take as file: inputs, separated by ':' (default: none)" };
        var start = new Command("start", "Start a local MAAP API in the foreground; Ctrl+C stops it. --token sets the user's token (default: generated once and kept in the data dir)") { urls, dataDir, user, queues, quiet, inputDirs };
        runner.SetAction(start, async (context, parse, cancellationToken) =>
        {
            try
            {
                var options = EmulatorConsoleHost.CreateOptions(parse.GetValue(urls), parse.GetValue(dataDir), parse.GetValue(user), context.Token, consoleLogging: !parse.GetValue(quiet));
                foreach (var dir in (parse.GetValue(inputDirs) ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    options.LocalInputDirectories.Add(Path.GetFullPath(dir));
                }

                foreach (var queue in parse.GetValue(queues) is { } spec ? EmulatorConsoleHost.ParseQueues(spec) : [])
                {
                    options.Queues.Add(queue);
                }

                await EmulatorConsoleHost.RunAsync(options, context.Console.Out, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException)
            {
                // A busy port: the message names it and the fix (found before the data directory is created).
                await context.Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.ServerError;
            }

            return ExitCodes.Success;
        });
        return new Command("emulator", "Run the local MAAP DPS emulator") { start };
    }
}
