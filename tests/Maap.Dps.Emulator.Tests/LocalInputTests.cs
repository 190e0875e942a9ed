using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

/// <summary>
/// A <c>file:</c> input names a file on the emulator's machine. Only the folders the emulator was given for inputs may
/// be read, whatever links the path goes through: otherwise any user's job could copy any readable file (a token, a
/// key, <c>/etc/shadow</c> when the emulator runs as root) into its work dir and publish it.
/// </summary>
public sealed class LocalInputTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync()
    {
        _emu = await TestEmulator.StartAsync();
        await _emu.RegisterScriptAsync("copy-input", "mkdir -p output; cp input/* output/",
            """{"file": [{"name": "input_file"}], "config": [], "positional": []}""");
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task A_file_in_an_input_folder_is_copied_in()
    {
        var file = Path.Combine(_emu.TempDirectory(), "scene.txt");
        await File.WriteAllTextAsync(file, "pixels\n");

        var id = await _emu.SubmitAsync("job-copy-input:main", "maap-dps-worker-8gb", ("input_file", new Uri(file).AbsoluteUri));

        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
    }

    [Fact]
    public async Task A_file_outside_the_input_folders_is_refused_and_never_copied()
    {
        var secretDir = Path.Combine(Path.GetTempPath(), "maap-emu-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(secretDir);
        try
        {
            var secret = Path.Combine(secretDir, "token.txt");
            await File.WriteAllTextAsync(secret, "do-not-copy\n");

            await AssertRefusedAsync(new Uri(secret).AbsoluteUri, "token.txt");
            await AssertRefusedAsync("file:///etc/passwd", "passwd");
        }
        finally
        {
            Directory.Delete(secretDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_link_inside_an_input_folder_that_leads_outside_it_is_refused()
    {
        var outside = Path.Combine(Path.GetTempPath(), "maap-emu-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(outside, "key.txt"), "do-not-copy\n");
            var inputs = _emu.TempDirectory();
            File.CreateSymbolicLink(Path.Combine(inputs, "file-link.txt"), Path.Combine(outside, "key.txt"));
            Directory.CreateSymbolicLink(Path.Combine(inputs, "folder-link"), outside);

            await AssertRefusedAsync(new Uri(Path.Combine(inputs, "file-link.txt")).AbsoluteUri, "file-link.txt");
            await AssertRefusedAsync(new Uri(Path.Combine(inputs, "folder-link", "key.txt")).AbsoluteUri, "key.txt");
            await AssertRefusedAsync(new Uri(Path.Combine(inputs, "..", "..", "etc", "passwd")).AbsoluteUri, "passwd");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    private async Task AssertRefusedAsync(string url, string fileName)
    {
        var id = await _emu.SubmitAsync("job-copy-input:main", "maap-dps-worker-8gb", ("input_file", url));

        Assert.Equal("Failed", await _emu.WaitForEndAsync(id));
        var traceback = (await _emu.ResultAsync(id)).Descendants(TestEmulator.Wps + "Data").Select(d => d.Value).Last();
        Assert.Contains("file: inputs are read only from the folders", traceback, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_emu.Emulator.DataDirectory, "jobs", id, "input", fileName)), $"{url} was copied into the work dir");
    }
}
