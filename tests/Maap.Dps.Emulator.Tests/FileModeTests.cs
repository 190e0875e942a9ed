using Maap.Dps.Emulator.Hosting;

namespace Maap.Dps.Emulator.Tests;

/// <summary>The data directory holds a token, a key ring and secrets: other users of the machine must not read them.</summary>
public sealed class FileModeTests
{
    [Fact]
    public async Task A_data_directory_the_emulator_creates_is_private_and_so_are_its_token_and_database()
    {
        var parent = Path.Combine(Path.GetTempPath(), "maap-emu-modes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(parent);
        try
        {
            const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            const UnixFileMode PrivateDir = Private | UnixFileMode.UserExecute;

            var created = Path.Combine(parent, "new-data");
            var options = EmulatorConsoleHost.CreateOptions("http://127.0.0.1:0", created, "alice", token: null, consoleLogging: false);
            Assert.Equal(PrivateDir, File.GetUnixFileMode(created));
            Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(created, "default-token.txt")));
            await using (var emulator = await MaapEmulator.StartAsync(options))
            {
                Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(created, "emulator.db")));
            }

            // A directory that already exists keeps the mode its owner gave it; the token file is made private anyway.
            var existing = Path.Combine(parent, "existing");
            const UnixFileMode Shared = PrivateDir | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            Directory.CreateDirectory(existing, Shared);
            await File.WriteAllTextAsync(Path.Combine(existing, "default-token.txt"), "kept-token\n");
            File.SetUnixFileMode(Path.Combine(existing, "default-token.txt"), Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var kept = EmulatorConsoleHost.CreateOptions("http://127.0.0.1:0", existing, "alice", token: null, consoleLogging: false);
            Assert.Equal("kept-token", kept.Users[0].Token);
            Assert.Equal(Shared, File.GetUnixFileMode(existing));
            Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(existing, "default-token.txt")));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
