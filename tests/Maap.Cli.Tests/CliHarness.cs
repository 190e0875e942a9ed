using Maap.Cli;
using Maap.Dps.Emulator;

namespace Maap.Cli.Tests;

/// <summary>Runs the real <c>maap</c> command line in-process against an emulator on 127.0.0.1.</summary>
public sealed class CliHarness : IAsyncLifetime
{
    public MaapEmulator Emulator { get; private set; } = null!;

    public string Host => Emulator.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync() => Emulator = await MaapEmulator.StartAsync();

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public async Task<CliRun> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MaapCli.RunAsync(["--host", Host, "--token", Emulator.Token, .. args], new CliConsole(output, error, new StringReader(stdin), isOutputRedirected: true));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(string.Empty, args);

    /// <summary>Writes a bash algorithm into a temporary repository and returns its algorithm_config.yaml path.</summary>
    public static string WriteAlgorithm(string name, string script, string positional = "")
    {
        var root = Directory.CreateTempSubdirectory("maap-cli-algo-").FullName;
        var repo = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var run = Path.Combine(repo, "run.sh");
        File.WriteAllText(run, "#!/usr/bin/env bash\nset -e\n" + script + "\n");
        File.SetUnixFileMode(run, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var config = Path.Combine(root, "algorithm_config.yaml");
        File.WriteAllText(config, $"""
            algorithm_description: CLI test algorithm
            algorithm_name: {name}
            algorithm_version: main
            inputs:
              config: []
              file: []
              positional:
            {positional}
            queue: maap-dps-worker-8gb
            repository_url: {repo}
            run_command: {name}/run.sh

            """);
        return config;
    }
}

public sealed record CliRun(int ExitCode, string Output, string Error);
