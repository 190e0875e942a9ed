namespace Maap.Cli.Tests;

/// <summary><c>maap processes …</c> and <c>maap jobs submit PROCESS_ID</c> against the emulator's OGC routes.</summary>
public sealed class ProcessesCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Deploy_wait_list_describe_submit_by_process_id_and_undeploy()
    {
        var (cwlFile, record) = WriteProcess();

        var deploy = (await _cli.RunAsync("processes", "deploy", cwlFile, "--wait")).Exits(0);
        var processId = System.Text.RegularExpressions.Regex.Match(deploy.Output, @"successful; process (\d+)").Groups[1].Value;
        Assert.NotEqual(string.Empty, processId);

        var list = (await _cli.RunAsync("processes", "list", "--name", "greet")).Exits(0);
        Assert.Contains(processId, list.Output, StringComparison.Ordinal);
        var describe = (await _cli.RunAsync("processes", "describe", processId)).Exits(0);
        Assert.Contains("who", describe.Output, StringComparison.Ordinal);

        (await _cli.RunAsync("jobs", "submit", processId, "-q", "maap-dps-worker-8gb", "-i", "who=Ada", "--wait")).Exits(0);
        Assert.Equal(["--who", "Ada"], File.ReadAllLines(record));

        var again = (await _cli.RunAsync("processes", "deploy", cwlFile)).Exits(3);
        Assert.Contains($"maap processes replace {processId}", again.Error, StringComparison.Ordinal);

        (await _cli.RunAsync("processes", "undeploy", processId)).Exits(0);
        Assert.DoesNotContain(processId, (await _cli.RunAsync("processes", "list", "--name", "greet")).Exits(0).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_id_with_protocol_wps_is_a_usage_error()
    {
        var run = await _cli.RunAsync("--protocol", "wps", "jobs", "submit", "12", "-q", "maap-dps-worker-8gb");

        Assert.NotEqual(0, run.ExitCode);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    private static (string CwlFile, string Record) WriteProcess()
    {
        var root = Directory.CreateTempSubdirectory("maap-cli-process-").FullName;
        var repo = Directory.CreateDirectory(Path.Combine(root, "greet")).FullName;
        var record = Path.Combine(root, "argv.txt");
        var script = Path.Combine(repo, "run.sh");
        File.WriteAllText(script, $"#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '{record}'\nmkdir -p output\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var cwl = Path.Combine(root, "process.cwl");
        File.WriteAllText(cwl, $$$"""
            cwlVersion: v1.2
            $namespaces:
              s: https://schema.org/
            $graph:
            - class: Workflow
              id: greet
              label: greet
              inputs:
                who: string
              outputs:
                out: {type: Directory, outputSource: process/outputs_result}
              steps:
                process:
                  run: '#main'
                  in: {who: who}
                  out: [outputs_result]
            - class: CommandLineTool
              id: main
              requirements:
                DockerRequirement: {dockerPull: 'ghcr.io/example/greet:1'}
              baseCommand: /app/greet/run.sh
              inputs:
                who: {type: string, inputBinding: {position: 1, prefix: --who}}
              outputs:
                outputs_result: {type: Directory, outputBinding: {glob: ./output*}}
            s:version: v1
            s:codeRepository: {{{repo}}}
            """);
        return (cwl, record);
    }
}
