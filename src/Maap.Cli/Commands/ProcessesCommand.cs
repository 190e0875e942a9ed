using System.CommandLine;
using Maap.Cli.Output;

namespace Maap.Cli.Commands;

/// <summary><c>maap processes list|describe|deploy|status|replace|undeploy</c>: algorithms deployed as OGC processes.</summary>
internal static class ProcessesCommand
{
    public static Command Create(CommandRunner runner) => new("processes", "Deploy algorithms as OGC processes from CWL, and list, describe, replace and undeploy them")
    {
        List(runner),
        Describe(runner),
        Deploy(runner),
        Status(runner),
        Replace(runner),
        Undeploy(runner),
    };

    private static Argument<string> ProcessId() => new("process-id") { Description = "The processID MAAP assigned (a number, e.g. 12)" };

    private static Argument<string> CwlSource() => new("cwl") { Description = "A CWL file (e.g. the record's ToCwl() written to process.cwl), or an http(s) URL MAAP fetches" };

    private static Option<bool> Wait() => new("--wait", "-w") { Description = "Wait until the deployment ends; exit 1 if it fails" };

    private static Command List(CommandRunner runner)
    {
        var name = new Option<string?>("--name") { Description = "Only processes with this id (the CWL Workflow id)" };
        var version = new Option<string?>("--version") { Description = "Only this version (the CWL s:version)" };
        var deployer = new Option<string?>("--deployer") { Description = "Only processes this user deployed" };
        var command = new Command("list", "List deployed processes") { name, version, deployer };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var processes = await maap.Processes.ListAsync(parse.GetValue(name), parse.GetValue(version), parse.GetValue(deployer), cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Console.Out, json =>
                {
                    json.WriteStartArray();
                    foreach (var p in processes)
                    {
                        json.WriteStartObject();
                        json.WriteString("processID", p.ProcessId);
                        json.WriteString("id", p.Id);
                        json.WriteString("version", p.Version);
                        json.WriteString("deployedBy", p.DeployedBy);
                        json.WriteString("title", p.Title);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
            }
            else
            {
                TableWriter.Write(context.Console.Out, ["PROCESS", "ID", "VERSION", "DEPLOYED BY", "TITLE"],
                    processes.Select(p => (IReadOnlyList<string?>)[p.ProcessId, p.Id, p.Version, p.DeployedBy, p.Title]));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Describe(CommandRunner runner)
    {
        var processId = ProcessId();
        var command = new Command("describe", "Show a process and the inputs its jobs take") { processId };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var d = await maap.Processes.DescribeAsync(parse.GetValue(processId)!, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Console.Out, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("processID", d.ProcessId);
                    json.WriteString("id", d.Id);
                    json.WriteString("version", d.Version);
                    json.WriteString("title", d.Title);
                    json.WriteString("deployedBy", d.DeployedBy);
                    json.WriteString("baseCommand", d.BaseCommand);
                    json.WriteStartArray("inputs");
                    foreach (var input in d.Inputs)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", input.Name);
                        json.WriteString("type", input.TypeText);
                        json.WriteBoolean("required", input.IsRequired);
                        if (input.Default is { } value)
                        {
                            json.WritePropertyName("default");
                            value.WriteTo(json);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
            }
            else
            {
                var o = context.Console.Out;
                await o.WriteLineAsync($"process {d.ProcessId}: {d.Id}:{d.Version}{(d.Title is { } t && t != d.Id ? $" - {t}" : string.Empty)}").ConfigureAwait(false);
                await o.WriteLineAsync($"deployed by: {d.DeployedBy}").ConfigureAwait(false);
                await o.WriteLineAsync($"command: {d.BaseCommand}").ConfigureAwait(false);
                TableWriter.Write(o, ["INPUT", "TYPE", "REQUIRED", "DEFAULT"],
                    d.Inputs.Select(i => (IReadOnlyList<string?>)[i.Name, i.TypeText, i.IsRequired ? "yes" : "no", i.Default?.GetRawText()]));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Deploy(CommandRunner runner)
    {
        var cwl = CwlSource();
        var wait = Wait();
        var command = new Command("deploy", "Deploy a CWL process (MAAP answers with a deployment to watch; the processID comes when it succeeds)") { cwl, wait };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var source = parse.GetValue(cwl)!;
            ProcessDeployment deployment;
            try
            {
                deployment = IsUrl(source, out var url)
                    ? await maap.Processes.DeployFromUrlAsync(url, cancellationToken).ConfigureAwait(false)
                    : await maap.Processes.DeployAsync(await ReadCwlAsync(source, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (ProcessAlreadyDeployedException ex)
            {
                await context.Console.Error.WriteLineAsync($"error: you already deployed this id and version as process {ex.ProcessId}; to change it: maap processes replace {ex.ProcessId} {source}").ConfigureAwait(false);
                return ExitCodes.ServerError;
            }

            return await ReportAsync(context, maap, deployment, parse.GetValue(wait), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Status(CommandRunner runner)
    {
        var deploymentId = new Argument<string>("deployment-id") { Description = "The deployment id 'maap processes deploy' printed" };
        var wait = Wait();
        var command = new Command("status", "Show a deployment's status, and its processID once it succeeded") { deploymentId, wait };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var deployment = await maap.Processes.GetDeploymentAsync(parse.GetValue(deploymentId)!, cancellationToken).ConfigureAwait(false);
            return await ReportAsync(context, maap, deployment, parse.GetValue(wait), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Replace(CommandRunner runner)
    {
        var processId = ProcessId();
        var cwl = CwlSource();
        var wait = Wait();
        var command = new Command("replace", "Deploy a new CWL for one of your processes (same id and version; the processID stays)") { processId, cwl, wait };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            var source = parse.GetValue(cwl)!;
            var id = parse.GetValue(processId)!;
            var deployment = IsUrl(source, out var url)
                ? await maap.Processes.ReplaceFromUrlAsync(id, url, cancellationToken).ConfigureAwait(false)
                : await maap.Processes.ReplaceAsync(id, await ReadCwlAsync(source, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return await ReportAsync(context, maap, deployment, parse.GetValue(wait), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Undeploy(CommandRunner runner)
    {
        var processId = ProcessId();
        var command = new Command("undeploy", "Undeploy one of your processes (jobs already running finish)") { processId };
        runner.SetAction(command, async (context, parse, cancellationToken) =>
        {
            using var maap = context.CreateClient();
            await maap.Processes.UndeployAsync(parse.GetValue(processId)!, cancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"undeployed process {parse.GetValue(processId)}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Prints a deployment (waiting for its end first when asked); exit 1 when it failed.</summary>
    private static async Task<int> ReportAsync(CliContext context, MaapClient maap, ProcessDeployment deployment, bool wait, CancellationToken cancellationToken)
    {
        if (wait && !deployment.IsFinal)
        {
            if (!context.Json)
            {
                await context.Console.Out.WriteLineAsync($"deployment {deployment.DeploymentId}: {deployment.Status}").ConfigureAwait(false);
            }

            deployment = await maap.Processes.WaitForDeploymentAsync(deployment.DeploymentId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Console.Out, json =>
            {
                json.WriteStartObject();
                json.WriteString("deploymentID", deployment.DeploymentId);
                json.WriteString("status", deployment.Status);
                json.WriteString("processID", deployment.ProcessId);
                json.WriteString("pipeline", deployment.PipelineUrl);
                json.WriteEndObject();
            });
        }
        else
        {
            var process = deployment.ProcessId is { } id ? $"; process {id}: maap jobs submit {id} -q QUEUE" : string.Empty;
            await context.Console.Out.WriteLineAsync($"deployment {deployment.DeploymentId}: {deployment.Status}{process}").ConfigureAwait(false);
            if (!deployment.IsFinal && !wait)
            {
                await context.Console.Out.WriteLineAsync($"watch it: maap processes status {deployment.DeploymentId} --wait").ConfigureAwait(false);
            }
        }

        return deployment.IsFinal && !deployment.HasSucceeded ? ExitCodes.JobFailed : ExitCodes.Success;
    }

    private static bool IsUrl(string source, out Uri url) =>
        Uri.TryCreate(source, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static async Task<string> ReadCwlAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new ArgumentException($"{file.FullName} does not exist.");
        }

        if (file.Length > MaapProcessesClient.MaxCwlLength)
        {
            throw new ArgumentException($"{file.FullName} is {file.Length} bytes; a CWL file may be at most {MaapProcessesClient.MaxCwlLength}.");
        }

        return await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
    }
}
