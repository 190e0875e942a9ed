using System.Diagnostics;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>
/// A test that needs cwltool: skipped where cwltool is missing on a developer's machine, never under CI
/// (<c>CI=true</c>), where a missing cwltool fails it.
/// </summary>
public sealed class CwltoolFactAttribute : FactAttribute
{
    public CwltoolFactAttribute()
    {
        if (Cwltool.Path is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "cwltool is not on PATH (CI installs it: apt-get install -y cwltool)";
        }
    }
}

internal static class Cwltool
{
    public static readonly string? Path = Environment.GetEnvironmentVariable("PATH")?
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "cwltool"))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs <c>cwltool --no-container tool job</c> in <paramref name="directory"/>; its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string directory, string toolFile, string jobFile)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("cwltool is not on PATH (apt-get install -y cwltool)."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "--quiet", "--no-container", "--outdir", System.IO.Path.Combine(directory, "out"), toolFile, jobFile })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "cwltool timed out after 3 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
