using System.CommandLine;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap queues</c>.</summary>
internal static class QueuesCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("queues", "List the queues you may submit to");
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var queues = await maap.Algorithms.ListQueuesAsync(cancellationToken).ConfigureAwait(false);
            JsonOutput.WriteNames(context, queues);
            return ExitCodes.Success;
        });
        return command;
    }
}
