namespace Maap.Dps.Emulator.Running;

/// <summary>Fills a registration's app directory, the emulator's <c>/app</c>, from the repository it names.</summary>
internal static class AppCheckout
{
    /// <summary>
    /// Copies a local repository (a path or a file URL; a trailing <c>.git</c> is tolerated) into the app directory,
    /// the emulator's <c>/app</c>. Git URLs are cloned by <see cref="GitCheckout"/>; anything else is refused.
    /// </summary>
    public static void CheckOut(string repositoryUrl, string appDir)
    {
        DirectoryCleanup.TryDelete(appDir);
        Directory.CreateDirectory(appDir);
        string? source = null;
        if (Uri.TryCreate(repositoryUrl, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            source = uri.LocalPath;
        }
        else if (Path.IsPathRooted(repositoryUrl))
        {
            source = repositoryUrl;
        }

        if (source is null)
        {
            throw new RegistrationException(500,
                $"Failed to register algorithm: repository {repositoryUrl} is neither a git URL (https://, http://, ssh://, git://, user@host:path) nor a local folder.");
        }

        source = source.TrimEnd('/');
        if (!Directory.Exists(source) && source.EndsWith(".git", StringComparison.Ordinal) && Directory.Exists(source[..^4]))
        {
            source = source[..^4];
        }

        if (!Directory.Exists(source))
        {
            throw new RegistrationException(500, $"Failed to register algorithm: repository {repositoryUrl} is not a local directory.");
        }

        var repoName = Path.GetFileName(source);
        if (repoName.EndsWith(".git", StringComparison.Ordinal))
        {
            repoName = repoName[..^4];
        }

        CopyDirectory(source, Path.Combine(appDir, repoName));
    }

    /// <summary>
    /// Copies a checkout the way git would check it out again: files with their mode, folders (not <c>.git</c>), and
    /// symbolic links as symbolic links with the same target text, never followed, so a dangling link or a link loop
    /// copies like any other link and a linked folder is not copied into the app. A FIFO, socket or device (which git
    /// cannot hold) becomes an empty file, without being opened.
    /// </summary>
    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (entry.Name == ".git")
            {
                continue;
            }

            var target = Path.Combine(destination, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo)
            {
                CopyDirectory(entry.FullName, target);
            }
            else if (entry is FileInfo { Length: 0 })
            {
                File.Create(target).Dispose();
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, File.GetUnixFileMode(entry.FullName));
                }
            }
            else
            {
                File.Copy(entry.FullName, target, overwrite: true);
            }
        }
    }
}
