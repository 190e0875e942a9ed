using System.Text.Json;

namespace Maap.Algorithms;

/// <summary>Reading inputs: the command line, <c>_context.json</c> and <c>input/</c>, and telling an OGC job from a WPS one.</summary>
public sealed partial class DpsJobContext
{
    /// <summary>
    /// True when the job runs a deployed OGC process, whose command line is <c>--{name} value</c> pairs by the CWL's
    /// bindings; false for a WPS job, whose command line is the positional values in registration order. Read from
    /// <c>_context.json</c>'s <c>job_specification.command</c>: an OGC job's runs the process CWL
    /// (<c>/app/dps_wrapper.sh s3://…/ogc-app-pack/{id}_{deployer}.{version}.process.cwl</c>, <c>maap-ogc-spec.md</c>
    /// §6.2), a WPS job's the registered run command. Without that command (no <c>_context.json</c>, as in a local
    /// run), the shape of the command line decides: OGC when the first argument starts with <c>--</c>.
    /// </summary>
    public bool IsOgcJob => _isOgcJob.Value;

    private bool DetectOgcJob()
    {
        var command = Find(_context.Value, "job_specification", "command");
        if (!string.IsNullOrWhiteSpace(command))
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var program = words[^1].Trim('\'', '"');
            return command.Contains("/ogc-app-pack/", StringComparison.Ordinal) || program.EndsWith(".cwl", StringComparison.Ordinal);
        }

        return Arguments.Count > 0 && Arguments[0].Length > 2 && Arguments[0].StartsWith("--", StringComparison.Ordinal);
    }

    /// <summary>
    /// The value of one input as text: a positional argument, or a key of <c>_context.json</c>
    /// (top level, then <c>job_specification.params</c>). JSON strings come back unquoted, other JSON values as JSON text.
    /// </summary>
    /// <param name="name">The registered input name.</param>
    /// <param name="kind">How the input reaches the job.</param>
    /// <param name="positionalIndex">The index among the positional inputs; ignored for other kinds.</param>
    /// <param name="required">Whether a missing value is an error.</param>
    /// <returns>The text, or null when an optional input is absent.</returns>
    /// <exception cref="DpsJobInputException">A required input is missing.</exception>
    public string? GetInput(string name, MaapInputKind kind, int positionalIndex, bool required)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string? text = null;
        if (kind == MaapInputKind.Positional && positionalIndex >= 0 && positionalIndex < Arguments.Count)
        {
            text = Arguments[positionalIndex];
        }

        text ??= kind == MaapInputKind.File
            ? FindParam(name) ?? FindTopLevel(name)
            : FindTopLevel(name) ?? FindParam(name);
        if (text is null && required)
        {
            var where = kind == MaapInputKind.Positional
                ? $"not among the {Arguments.Count} positional arguments (expected at index {positionalIndex}) nor in _context.json"
                : "not in _context.json";
            throw new DpsJobInputException(name, "missing: " + where);
        }

        return text;
    }

    /// <summary>
    /// Finds where DPS put a file input: <c>input/</c> plus the basename of its URL; in an OGC job also the local path
    /// on the command line after <c>--{name}</c> when it has that basename (the CWL runner may stage files elsewhere).
    /// </summary>
    /// <param name="name">The registered input name.</param>
    /// <param name="url">The URL the job was submitted with.</param>
    /// <returns>The original URL and the local path.</returns>
    /// <exception cref="DpsJobInputException">The file is not in <c>input/</c>.</exception>
    public DpsInputFile ResolveInputFile(string name, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(url);
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? Uri.UnescapeDataString(absolute.AbsolutePath) : url;
        var baseName = Path.GetFileName(path.TrimEnd('/'));
        if (baseName.Length == 0)
        {
            throw new DpsJobInputException(name, "the URL has no file name to look for in input/");
        }

        var local = Path.Combine(InputDirectory, baseName);
        if (!File.Exists(local) && !Directory.Exists(local) && IsOgcJob && CommandLinePath(name, baseName) is { } staged)
        {
            local = staged;
        }

        if (!File.Exists(local) && !Directory.Exists(local))
        {
            // The URL itself is left out on purpose: presigned URLs carry credentials.
            throw new DpsJobInputException(name, $"'{baseName}' was not downloaded into input/");
        }

        return new DpsInputFile(name, url, local);
    }

    private string? FindTopLevel(string name) =>
        _context.Value is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var value) ? AsText(value) : null;

    private string? FindParam(string name)
    {
        if (_context.Value is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("job_specification", out var spec)
            || spec.ValueKind != JsonValueKind.Object
            || !spec.TryGetProperty("params", out var parameters)
            || parameters.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var parameter in parameters.EnumerateArray())
        {
            if (parameter.ValueKind == JsonValueKind.Object
                && parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == name
                && parameter.TryGetProperty("value", out var value))
            {
                return value.ValueKind == JsonValueKind.Object && value.TryGetProperty("url", out var url) ? AsText(url) : AsText(value);
            }
        }

        return null;
    }

    // The word after --{name} is its value whatever it looks like; it counts only when it is an existing path with the
    // URL's basename, so a value of another input that happens to read --{name} cannot be taken for the file.
    private string? CommandLinePath(string name, string baseName)
    {
        var prefix = "--" + name;
        for (var i = 0; i + 1 < Arguments.Count; i++)
        {
            var path = Arguments[i + 1];
            if (Arguments[i] == prefix && Path.GetFileName(path.TrimEnd('/')) == baseName && (File.Exists(path) || Directory.Exists(path)))
            {
                return Path.GetFullPath(path);
            }
        }

        return null;
    }
}
