using System.Diagnostics;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// Clones a remote repository into an app directory with the <c>git</c> on the PATH, as MAAP's build clones
/// <c>s:codeRepository</c> into the image's <c>/app/&lt;repo&gt;</c>; bounded in time, never prompting for credentials.
/// </summary>
internal static class GitCheckout
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>True for URLs git fetches over the network (<c>https://</c>, <c>http://</c>, <c>ssh://</c>, <c>git://</c>, <c>user@host:path</c>).</summary>
    public static bool IsRemote(string repository) =>
        repository.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || repository.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || repository.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase) || repository.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
        || (repository.Contains('@', StringComparison.Ordinal) && repository.Contains(':', StringComparison.Ordinal) && !repository.Contains("://", StringComparison.Ordinal));

    /// <summary>Clones into <c>{appDir}/{repo name}</c>, at <paramref name="commit"/> when one is given; throws <see cref="IOException"/> with git's complaint.</summary>
    /// <param name="repository">The URL.</param>
    /// <param name="commit">A commit to check out after the clone (OGC's <c>s:commitHash</c>), or null.</param>
    /// <param name="appDir">The app directory; the clone goes into a folder named after the repository.</param>
    /// <param name="cancellationToken">Stops the clone.</param>
    /// <param name="reference">A branch or tag to clone (a WPS registration's <c>algorithm_version</c>), or null for the default branch.</param>
    public static async Task CloneAsync(string repository, string? commit, string appDir, CancellationToken cancellationToken, string? reference = null)
    {
        DirectoryCleanup.TryDelete(appDir);
        Directory.CreateDirectory(appDir);
        var name = Path.GetFileName(repository.TrimEnd('/'));
        if (name.Contains(':', StringComparison.Ordinal))
        {
            name = name[(name.LastIndexOf(':') + 1)..];
        }

        if (name.EndsWith(".git", StringComparison.Ordinal))
        {
            name = name[..^4];
        }

        if (name.Length == 0 || name is "." or "..")
        {
            name = "repository";
        }

        var target = Path.Combine(appDir, name);
        string[] clone = reference is null
            ? ["clone", "--quiet", "--", repository, target]
            : ["clone", "--quiet", "--branch", reference, "--", repository, target];
        await RunGitAsync(appDir, cancellationToken, clone);
        if (!string.IsNullOrEmpty(commit) && commit != "null")
        {
            await RunGitAsync(target, cancellationToken, "checkout", "--quiet", "--detach", commit);
        }
    }

    private static async Task RunGitAsync(string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0"; // a private repository fails instead of waiting for a password
        using var process = Process.Start(info) ?? throw new IOException("git did not start");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new IOException($"git {arguments[0]} did not finish within {Limit.TotalMinutes} minutes");
        }

        if (process.ExitCode != 0)
        {
            var message = (await stderr).Trim();
            throw new IOException($"git {arguments[0]} failed (exit code {process.ExitCode}): {Redact(message.Length > 500 ? message[..500] : message)}");
        }
    }

    /// <summary>Hides a <c>user:token@</c> in any URL git quotes back, so a credential never reaches a status.</summary>
    private static string Redact(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<=://)[^/@\s]+@", "***@");
}
