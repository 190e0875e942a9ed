using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Tests;

/// <summary>The one command-line builder both the recorded job spec and the script a job runs go through.</summary>
public sealed class CommandLineTests
{
    private static AlgorithmRecord Algorithm(string runCommand) => new(
        "a", "main", "alice", "", "", runCommand, "q", "1GB", [], "/data/apps/a/main/r1", "{}", 1, BuiltIn: false);

    [Fact]
    public void Values_become_single_quoted_words_with_embedded_quotes_escaped()
    {
        var line = CommandLine.WithPositionals("run", [JsonValue.Create("it's"), JsonValue.Create(3), new JsonArray(1, "x"), null]);

        Assert.Equal("""run 'it'"'"'s' '3' '[1, "x"]' 'null'""", line);
    }

    [Fact]
    public void The_job_spec_prefixes_scripts_with_app_and_the_local_command_resolves_them_under_the_app_directory()
    {
        // MAAP prefixes every .py/.java/.sh token, rooted or not; the emulator leaves rooted paths alone when it runs them.
        var algorithm = Algorithm("python3 repo/main.py --fast dotnet repo/bin/app.dll /opt/tool.sh");

        Assert.Equal("python3 /app/repo/main.py --fast dotnet repo/bin/app.dll /app//opt/tool.sh", CommandLine.AppCommand(algorithm.RunCommand));
        Assert.Equal("python3 '/data/apps/a/main/r1/repo/main.py' --fast dotnet '/data/apps/a/main/r1/repo/bin/app.dll' /opt/tool.sh",
            CommandLine.LocalCommand(algorithm));
    }
}
