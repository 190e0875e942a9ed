using System.Net;

namespace Maap.Dps.Emulator.Tests;

/// <summary>What the published-output file server hands out, and what a job's symbolic links publish.</summary>
public sealed class WorkspaceServerTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private string Workspace => Path.Combine(_emu.Emulator.DataDirectory, "workspace");

    private async Task<string> OutputFolderAsync(string id) =>
        (await _emu.ResultAsync(id)).Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;

    private async Task<HttpStatusCode> StatusOfAsync(string url)
    {
        using var response = await _emu.Anonymous.GetAsync(url);
        return response.StatusCode;
    }

    [Fact]
    public async Task Output_symlinks_publish_a_copy_of_a_linked_file_and_nothing_of_a_linked_folder()
    {
        await _emu.RegisterScriptAsync("links-out", """
            set -e
            mkdir -p output/sub
            ln -s /etc output/etc
            echo hi > output/real.txt
            ln -s real.txt output/alias.txt
            ln -s ../real.txt output/sub/nested.txt
            ln -s /nonexistent/target output/dangling
            ln -s .. output/up
            """);
        var id = await _emu.SubmitAsync("job-links-out:main", "maap-dps-worker-8gb");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        var folder = await OutputFolderAsync(id);

        Assert.Equal("hi\n", await _emu.Anonymous.GetStringAsync(folder + "/real.txt"));
        Assert.Equal("hi\n", await _emu.Anonymous.GetStringAsync(folder + "/alias.txt"));
        Assert.Equal("hi\n", await _emu.Anonymous.GetStringAsync(folder + "/sub/nested.txt"));
        foreach (var path in new[] { "etc/hostname", "etc/passwd", "etc", "dangling", "up/_job.json", "up" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(folder + "/" + path));
        }

        // What was published holds no link at all: copies of linked files, linked folders and dangling links left out.
        var published = Path.Combine(Workspace, new Uri(folder).AbsolutePath["/emulator-workspace/".Length..]);
        Assert.DoesNotContain(new DirectoryInfo(published).EnumerateFileSystemInfos("*", SearchOption.AllDirectories), f => f.LinkTarget is not null);
        Assert.False(Path.Exists(Path.Combine(published, "etc")));
        Assert.False(Path.Exists(Path.Combine(published, "dangling")));
    }

    [Fact]
    public async Task Triage_copies_linked_files_and_skips_dangling_links_instead_of_losing_the_triage()
    {
        await _emu.RegisterScriptAsync("links-triage", """
            echo keep > real.log
            ln -s real.log _alias.log
            ln -s /nonexistent/target _dangling
            ln -s /etc _etc
            echo boom >&2
            exit 3
            """);
        var id = await _emu.SubmitAsync("job-links-triage:main", "maap-dps-worker-8gb");
        Assert.Equal("Failed", await _emu.WaitForEndAsync(id));
        var outputs = (await _emu.ResultAsync(id)).Root!.Elements(TestEmulator.Wps + "Output").ToList();
        Assert.StartsWith("triaged_job-", outputs[0].Attribute("id")!.Value);
        var triage = outputs[0].Element(TestEmulator.Wps + "Data")!.Value;
        Assert.Equal("keep\n", await _emu.Anonymous.GetStringAsync(triage + "/real.log"));
        Assert.Equal("keep\n", await _emu.Anonymous.GetStringAsync(triage + "/_alias.log"));
        Assert.Contains("boom", await _emu.Anonymous.GetStringAsync(triage + "/_stderr.txt"));
        foreach (var path in new[] { "_dangling", "_etc", "_etc/passwd" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(triage + "/" + path));
        }
    }

    [Fact]
    public async Task No_folder_is_listed_to_anyone()
    {
        await _emu.RegisterScriptAsync("lists", "mkdir -p output/sub; echo x > output/sub/x.txt");
        var id = await _emu.SubmitAsync("job-lists:main", "maap-dps-worker-8gb");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        var folder = await OutputFolderAsync(id);
        Assert.Equal("x\n", await _emu.Anonymous.GetStringAsync(folder + "/sub/x.txt"));

        // Like the S3 website endpoint: keys are served, prefixes are not listed.
        foreach (var url in new[] { "emulator-workspace/", "emulator-workspace", "emulator-workspace/alice", "emulator-workspace/alice/",
                     "emulator-workspace/alice/dps_output", "emulator-workspace/dataset/triaged_job/", folder, folder + "/", folder + "/sub" })
        {
            using var response = await _emu.Anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("alice", body);
        }
    }

    [Fact]
    public async Task Nothing_is_served_through_a_symlink_in_the_workspace()
    {
        var user = Path.Combine(Workspace, "alice");
        Directory.CreateDirectory(user);
        await File.WriteAllTextAsync(Path.Combine(user, "real.txt"), "real\n");
        File.CreateSymbolicLink(Path.Combine(user, "alias.txt"), Path.Combine(user, "real.txt"));
        Directory.CreateSymbolicLink(Path.Combine(user, "etc"), "/etc");
        Directory.CreateSymbolicLink(Path.Combine(user, "self"), user);

        Assert.Equal("real\n", await _emu.Anonymous.GetStringAsync("emulator-workspace/alice/real.txt"));
        foreach (var path in new[] { "alice/alias.txt", "alice/etc/passwd", "alice/etc/hostname", "alice/self/real.txt", "alice/etc" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync("emulator-workspace/" + path));
        }
    }
}
