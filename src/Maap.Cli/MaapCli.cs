using System.CommandLine;
using Maap.Cli.Commands;

namespace Maap.Cli;

/// <summary>The <c>maap</c> command line: parses, runs one command, and maps every failure to an exit code.</summary>
internal static class MaapCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var options = new GlobalOptions();
        var runner = new CommandRunner(console, options, time ?? TimeProvider.System);
        var root = new RootCommand("Run and manage algorithms on NASA MAAP's Data Processing System (DPS).")
        {
            JobsCommand.Create(runner),
            SecretsCommand.Create(runner),
            AlgorithmsCommand.Create(runner),
            QueuesCommand.Create(runner),
        };
        root.Options.Add(options.Host);
        root.Options.Add(options.Token);
        root.Options.Add(options.Output);
        foreach (var extension in Extensions)
        {
            root.Subcommands.Add(extension(runner));
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'maap --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var result = await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Commands added by other assemblies of the tool (the emulator command).</summary>
    internal static List<Func<CommandRunner, Command>> Extensions { get; } = [];
}

/// <summary>Runs a command body with a client and turns exceptions into messages and exit codes.</summary>
internal sealed class CommandRunner(CliConsole console, GlobalOptions options, TimeProvider time)
{
    public CliConsole Console => console;

    public void SetAction(Command command, Func<CliContext, ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new CliContext(console, parse, options, time);
            try
            {
                return await body(context, parse, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (DpsJobFailedException ex)
            {
                await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.JobFailed;
            }
            catch (Exception ex) when (ex is MaapRequestFailedException or MaapProtocolException or HttpRequestException or TimeoutException)
            {
                // These messages carry statuses and MAAP's own text, never a credential or a secret value.
                await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.ServerError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
                return ExitCodes.ServerError;
            }
        });
    }
}
