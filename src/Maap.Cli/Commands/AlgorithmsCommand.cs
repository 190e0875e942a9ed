using System.CommandLine;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap algorithms register|list|describe|delete</c>.</summary>
internal static class AlgorithmsCommand
{
    public static Command Create(CommandRunner runner) => new("algorithms", "Register, list, describe and delete algorithms")
    {
        Register(runner),
        List(runner),
        Describe(runner),
        Delete(runner),
    };

    private static Command Register(CommandRunner runner)
    {
        var file = new Argument<FileInfo>("file") { Description = "An algorithm_config.yaml" };
        var command = new Command("register", "Register an algorithm from its algorithm_config.yaml") { file };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new ArgumentException($"{path.FullName} does not exist.");
            }

            var registration = AlgorithmConfigReader.Read(await File.ReadAllTextAsync(path.FullName, cancellationToken).ConfigureAwait(false));
            using var maap = context.CreateClient();
            var result = await maap.Algorithms.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"registered {result.JobType}{(result.PipelineUrl is { } url ? $"; build: {url}" : string.Empty)}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CommandRunner runner)
    {
        var command = new Command("list", "List registered algorithms");
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var algorithms = await maap.Algorithms.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Console.Out, json =>
                {
                    json.WriteStartArray();
                    foreach (var algorithm in algorithms)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", algorithm.Name);
                        json.WriteString("version", algorithm.Version);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
            }
            else
            {
                TableWriter.Write(context.Console.Out, ["NAME", "VERSION"], algorithms.Select(a => (IReadOnlyList<string?>)[a.Name, a.Version]));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Describe(CommandRunner runner)
    {
        var algorithm = new Argument<string>("algorithm") { Description = "ALGORITHM:VERSION" };
        var command = new Command("describe", "Show an algorithm's inputs and queue") { algorithm };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var (id, version) = AlgorithmReference.Parse(parse.GetValue(algorithm)!);
            using var maap = context.CreateClient();
            var description = await maap.Algorithms.DescribeAsync(id, version, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Console.Out, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("identifier", description.Identifier);
                    json.WriteString("title", description.Title);
                    json.WriteString("queue", description.RecommendedQueue);
                    json.WriteStartArray("inputs");
                    foreach (var input in description.Inputs)
                    {
                        json.WriteStringValue(input.Name);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"{description.Identifier}{(description.Title is { } title ? $" - {title}" : string.Empty)}").ConfigureAwait(false);
                await context.Console.Out.WriteLineAsync($"queue: {description.RecommendedQueue}").ConfigureAwait(false);
                foreach (var input in description.Inputs)
                {
                    await context.Console.Out.WriteLineAsync($"input: {input.Name}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CommandRunner runner)
    {
        var algorithm = new Argument<string>("algorithm") { Description = "ALGORITHM:VERSION" };
        var command = new Command("delete", "Delete a registered algorithm version") { algorithm };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var (id, version) = AlgorithmReference.Parse(parse.GetValue(algorithm)!);
            using var maap = context.CreateClient();
            await maap.Algorithms.DeleteAsync(id, version, cancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"deleted {id}:{version}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
