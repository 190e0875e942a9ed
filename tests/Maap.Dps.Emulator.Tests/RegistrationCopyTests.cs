using System.Net;

namespace Maap.Dps.Emulator.Tests;

/// <summary>How registration copies a local repository into the emulator's <c>/app</c>.</summary>
public sealed class RegistrationCopyTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Symlinks_are_copied_as_symlinks_even_dangling_ones_and_loops()
    {
        await _emu.RegisterScriptAsync("linked-repo", """
            set -e
            mkdir -p output
            cat "$(dirname "$0")/alias.txt" > output/alias.txt
            """, prepareRepo: repo =>
            {
                File.WriteAllText(Path.Combine(repo, "data.txt"), "data\n");
                File.CreateSymbolicLink(Path.Combine(repo, "alias.txt"), "data.txt");
                File.CreateSymbolicLink(Path.Combine(repo, "dangling"), "/nonexistent/target");
                Directory.CreateSymbolicLink(Path.Combine(repo, "loop"), ".");
                Directory.CreateDirectory(Path.Combine(repo, "sub"));
                Directory.CreateSymbolicLink(Path.Combine(repo, "sub", "up"), "..");
                File.CreateSymbolicLink(Path.Combine(repo, "ping"), "pong");
                File.CreateSymbolicLink(Path.Combine(repo, "pong"), "ping");
            });

        var copy = Path.Combine(Assert.Single(Directory.GetDirectories(Path.Combine(_emu.Emulator.DataDirectory, "apps", "linked-repo", "main"))), "linked-repo-repo");
        Assert.Equal("data\n", await File.ReadAllTextAsync(Path.Combine(copy, "data.txt")));
        foreach (var (link, target) in new[] { ("alias.txt", "data.txt"), ("dangling", "/nonexistent/target"), ("loop", "."), ("sub/up", ".."), ("ping", "pong"), ("pong", "ping") })
        {
            Assert.Equal(target, new FileInfo(Path.Combine(copy, link)).LinkTarget);
        }

        var id = await _emu.SubmitAsync("job-linked-repo:main", "maap-dps-worker-8gb");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        var folder = (await _emu.ResultAsync(id)).Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;
        Assert.Equal("data\n", await _emu.Anonymous.GetStringAsync(folder + "/alias.txt"));
    }

    [Fact]
    public async Task A_folder_that_links_to_itself_is_copied_as_a_link_not_entered()
    {
        await _emu.RegisterScriptAsync("looped-repo", "true", prepareRepo: repo => Directory.CreateSymbolicLink(Path.Combine(repo, "loop"), "."));
        var copy = Path.Combine(Assert.Single(Directory.GetDirectories(Path.Combine(_emu.Emulator.DataDirectory, "apps", "looped-repo", "main"))), "looped-repo-repo");
        Assert.Equal(".", new DirectoryInfo(Path.Combine(copy, "loop")).LinkTarget);
        Assert.Equal(["loop", "run.sh"], Directory.EnumerateFileSystemEntries(copy).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_repository_that_cannot_be_copied_is_MAAPs_500_with_a_message()
    {
        using var response = await _emu.PostRegistrationAsync("uncopyable", "true", prepareRepo: repo =>
        {
            // A file whose path fits the repository but not the longer app directory: the copy fails with an I/O error
            // (even for root, who may read anything).
            var deep = repo;
            while (deep.Length < 3850)
            {
                deep = Path.Combine(deep, new string('d', 200));
            }

            Directory.CreateDirectory(deep);
            File.WriteAllText(Path.Combine(deep, new string('f', 4070 - deep.Length)), "x");
        });
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await TestEmulator.JsonAsync(response);
        Assert.Equal(500, body["code"]!.GetValue<int>());
        Assert.StartsWith("Failed to register algorithm", body["message"]!.GetValue<string>());
        Assert.Equal(body["message"]!.GetValue<string>(), body["error"]!.GetValue<string>());
        using var gone = await _emu.Anonymous.GetAsync("api/mas/algorithm/uncopyable:main");
        Assert.Equal(HttpStatusCode.InternalServerError, gone.StatusCode);
    }
}
