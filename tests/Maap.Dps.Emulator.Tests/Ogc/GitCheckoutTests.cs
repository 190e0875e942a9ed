using System.Diagnostics;
using Maap.Dps.Emulator.Running;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>A remote s:codeRepository is cloned with git, at s:commitHash when one is given.</summary>
public sealed class GitCheckoutTests
{
    [Fact]
    public async Task Clone_checks_out_the_named_commit_into_a_folder_named_after_the_repository()
    {
        var root = Directory.CreateTempSubdirectory("maap-git-").FullName;
        try
        {
            var origin = Path.Combine(root, "science.git");
            Directory.CreateDirectory(origin);
            Git(origin, "init", "--quiet");
            await File.WriteAllTextAsync(Path.Combine(origin, "run.sh"), "first\n");
            Git(origin, "add", "-A");
            Git(origin, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "first");
            var first = Git(origin, "rev-parse", "HEAD").Trim();
            await File.WriteAllTextAsync(Path.Combine(origin, "run.sh"), "second\n");
            Git(origin, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-am", "second");
            var app = Path.Combine(root, "app");

            await GitCheckout.CloneAsync(origin, first, app, CancellationToken.None);

            Assert.Equal("first\n", await File.ReadAllTextAsync(Path.Combine(app, "science", "run.sh")));
            var missing = await Assert.ThrowsAsync<IOException>(() => GitCheckout.CloneAsync(Path.Combine(root, "nothing-here"), null, Path.Combine(root, "app2"), CancellationToken.None));
            Assert.StartsWith("git clone failed", missing.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("https://github.com/MAAP-Project/sardem-sarsen.git", true)]
    [InlineData("git@github.com:MAAP-Project/sardem-sarsen.git", true)]
    [InlineData("/home/me/sardem-sarsen", false)]
    [InlineData("file:///home/me/sardem-sarsen", false)]
    public void Only_network_URLs_are_cloned(string repository, bool remote) => Assert.Equal(remote, GitCheckout.IsRemote(repository));

    private static string Git(string dir, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
