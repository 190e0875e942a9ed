using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// The one place a job's command line is built: how a value becomes a shell word, how a registered run command's
/// scripts are resolved, and how positional inputs follow it. The job spec MAAP records (<c>_command</c>) and the
/// script the emulator really runs must agree on all three, so neither builds its own.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] MaapScriptExtensions = [".py", ".java", ".sh"];
    private static readonly string[] LocalScriptExtensions = [".py", ".java", ".sh", ".dll", ".jar"];

    /// <summary>The value as MAAP's wrapper would pass it on a command line: strings raw, anything else as Python's <c>json.dumps</c> writes it.</summary>
    public static string Text(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => PythonJson.Dumps(value),
    };

    /// <summary>Single-quotes a shell word, escaping embedded quotes as <c>'"'"'</c> (spec §12.2).</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";

    /// <summary>The run command as MAAP's job spec writes it: scripts prefixed with <c>/app/</c>.</summary>
    public static string AppCommand(string runCommand) =>
        MapScripts(runCommand, MaapScriptExtensions, t => "/app/" + t);

    /// <summary>
    /// The registered run command with every script token resolved under the algorithm's app directory, the way MAAP
    /// prefixes <c>.py</c>, <c>.java</c> and <c>.sh</c> tokens with <c>/app/</c>; the emulator also resolves
    /// <c>.dll</c> and <c>.jar</c> tokens so <c>dotnet repo/bin/app.dll</c> works. Rooted paths are left alone.
    /// </summary>
    public static string LocalCommand(AlgorithmRecord algorithm) =>
        MapScripts(algorithm.RunCommand, LocalScriptExtensions,
            t => Path.IsPathRooted(t) ? t : Quote(Path.Combine(algorithm.AppDirectory, t)));

    /// <summary>Appends each positional value to <paramref name="command"/> as one single-quoted word, in order.</summary>
    public static string WithPositionals(string command, IEnumerable<JsonNode?> positionalValues)
    {
        var line = new System.Text.StringBuilder(command);
        foreach (var value in positionalValues)
        {
            line.Append(' ').Append(Quote(Text(value)));
        }

        return line.ToString();
    }

    private static string MapScripts(string runCommand, string[] extensions, Func<string, string> resolve) => string.Join(' ', runCommand
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
        .Select(t => extensions.Any(e => t.EndsWith(e, StringComparison.Ordinal)) ? resolve(t) : t));
}
