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
        var root = new RootCommand("Run and manage algorithms on NASA MAAP's Data Processing System (DPS).\n"
            + "Exit codes: 0 success, 1 the job failed (or has no result yet), 2 usage error, 3 server, network, timeout or other runtime error.")
        {
            JobsCommand.Create(runner),
            SecretsCommand.Create(runner),
            AlgorithmsCommand.Create(runner),
            ProcessesCommand.Create(runner),
            QueuesCommand.Create(runner),
            EmulatorCommand.Create(runner),
        };
        root.Options.Add(options.Host);
        root.Options.Add(options.Token);
        root.Options.Add(options.Output);
        root.Options.Add(options.RequestTimeout);
        root.Options.Add(options.Protocol);
        // No response files: "@x" is a value as typed. Expanding it would splice a file into --token or --value, and
        // a missing "file" is reported by name, which for --value '@…' is the secret itself.
        var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var parse = root.Parse(args, configuration);
        if (parse.Errors.Count > 0 && parse.UnmatchedTokens.Count == 0 && parse.CommandResult.Command is { Action: null, Subcommands.Count: > 0 })
        {
            // Bare "maap" (or "maap jobs") asks what there is: that is help, not a usage error.
            parse = root.Parse([.. args, "--help"], configuration);
        }

        if (parse.Errors.Count > 0)
        {
            var hidden = TokensNotToEcho(args, parse);
            foreach (var error in parse.Errors)
            {
                var message = error.Message;
                foreach (var token in hidden)
                {
                    message = message.Replace("'" + token + "'", "'***'", StringComparison.Ordinal);
                }

                await console.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'maap --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // No default exception handler: it would print a stack trace and exit 1, which means "the job failed".
        // Every command action maps its own exceptions (CommandRunner); this catch is for anything outside one.
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return await CommandRunner.UnexpectedAsync(console, ex, [parse.GetValue(options.Token)]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Words a parse error must not repeat: the value after <c>--token</c>, and under <c>maap secrets</c> every word that
    /// is not a command or an option, since a misplaced one (<c>secrets add NAME s3cr3t</c>) is most likely the secret.
    /// </summary>
    private static List<string> TokensNotToEcho(string[] args, ParseResult parse)
    {
        var hidden = new List<string>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--token")
            {
                hidden.Add(args[i + 1]);
            }
        }

        var underSecrets = false;
        for (var command = parse.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            underSecrets |= command.Command.Name == "secrets";
        }

        if (underSecrets)
        {
            hidden.AddRange(args.Where(a => !a.StartsWith('-') && a is not ("secrets" or "add" or "list" or "get" or "delete")));
        }

        return hidden;
    }
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
                await console.Error.WriteLineAsync($"error: {ForCommandLine(ex)}").ConfigureAwait(false);
                return ExitCodes.ServerError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
                return ExitCodes.ServerError;
            }
            catch (OperationCanceledException ex)
            {
                // Not the user's cancellation: an HTTP request ran past its timeout (HttpClient throws TaskCanceledException).
                var why = ex.InnerException is TimeoutException ? ex.Message : "no answer in time";
                await console.Error.WriteLineAsync($"error: timed out waiting for MAAP ({why}); --request-timeout sets the limit per request").ConfigureAwait(false);
                return ExitCodes.ServerError;
            }
            catch (Exception ex)
            {
                return await UnexpectedAsync(console, ex, [context.Token, .. context.SensitiveValues]).ConfigureAwait(false);
            }
        });
    }

    /// <summary>The library's advice names its options; at the command line the same advice names the flags.</summary>
    private static string ForCommandLine(Exception ex) => ex is MaapRequestFailedException { Status: System.Net.HttpStatusCode.Unauthorized, Hint: { } hint } failure
        ? failure.Message.Replace(hint, hint.StartsWith("No credential", StringComparison.Ordinal)
            ? "No credential was sent: pass --token or --token-file, or set MAAP_PGT."
            : "MAAP did not accept the token (from --token, --token-file or MAAP_PGT): it may have expired or belong to another MAAP environment.", StringComparison.Ordinal)
        : ex.Message;

    /// <summary>
    /// Anything no catch above expects (a port in use, a file error, a bug): one line with the exception's type and
    /// message, never a stack trace, with the token and any secret value masked, and exit 3.
    /// </summary>
    public static async Task<int> UnexpectedAsync(CliConsole console, Exception ex, IEnumerable<string?> sensitive)
    {
        var message = ex.Message.ReplaceLineEndings(" ");
        foreach (var value in sensitive)
        {
            if (!string.IsNullOrEmpty(value))
            {
                message = message.Replace(value, "***", StringComparison.Ordinal);
            }
        }

        await console.Error.WriteLineAsync($"error: {ex.GetType().Name}: {message}").ConfigureAwait(false);
        return ExitCodes.ServerError;
    }
}
