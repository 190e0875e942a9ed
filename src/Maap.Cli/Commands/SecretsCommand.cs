using System.CommandLine;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap secrets add|list|get|delete</c>. A secret value is printed by <c>get</c> and nowhere else.</summary>
internal static class SecretsCommand
{
    public static Command Create(CommandRunner runner) => new("secrets", "Manage the secrets your algorithms read while they run")
    {
        Add(runner),
        List(runner),
        Get(runner),
        Delete(runner),
    };

    /// <summary>At a terminal, a hidden prompt ended by Enter; from a pipe or a file, all of it (without the last line break).</summary>
    private static async Task<string> ReadValueAsync(CliConsole console, string name, CancellationToken cancellationToken)
    {
        if (console.ReadHidden is { } readHidden)
        {
            return readHidden($"Value of {name} (not shown, Enter ends it): ") is { Length: > 0 } typed
                ? typed
                : throw new ArgumentException($"No value was typed for secret {name}.");
        }

        return (await console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).TrimEnd('\r', '\n');
    }

    private static Argument<string> Name() => new("name") { Description = "The secret name" };

    private static Command Add(CommandRunner runner)
    {
        var name = Name();
        var value = new Option<string?>("--value") { Description = "The value; omit it to read the value from standard input (keeps it out of the shell history)" };
        var command = new Command("add", "Add a secret (MAAP has no update: delete and add again)") { name, value };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var secret = parse.GetValue(value) ?? await ReadValueAsync(context.Console, parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            context.SensitiveValues.Add(secret);
            using var maap = context.CreateClient();
            await maap.Secrets.AddAsync(parse.GetValue(name)!, secret, cancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"added secret {parse.GetValue(name)}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CommandRunner runner)
    {
        var command = new Command("list", "List your secrets' names");
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var names = await maap.Secrets.ListAsync(cancellationToken).ConfigureAwait(false);
            JsonOutput.WriteNames(context, names);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Get(CommandRunner runner)
    {
        var name = Name();
        var command = new Command("get", "Print a secret's value") { name };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var secret = await maap.Secrets.GetAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync(secret).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CommandRunner runner)
    {
        var name = Name();
        var command = new Command("delete", "Delete a secret") { name };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            await maap.Secrets.DeleteAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"deleted secret {parse.GetValue(name)}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
