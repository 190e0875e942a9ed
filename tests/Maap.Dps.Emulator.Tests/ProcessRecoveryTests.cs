using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Tests;

/// <summary>What a start finds after an emulator process died without cleaning up (kill -9, OOM, power loss).</summary>
public sealed class ProcessRecoveryTests
{
    [Fact]
    public async Task Job_processes_a_killed_emulator_left_running_are_killed_when_it_starts_again()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "maap-emu-kill9-" + Guid.NewGuid().ToString("N"));
        var repoRoot = Path.Combine(Path.GetTempPath(), "maap-emu-kill9-repo-" + Guid.NewGuid().ToString("N"));
        const string Token = "alice-kill9-token";
        var started = new List<(int Pid, string StartTime)>();

        // A real emulator process, so that it can really be killed with SIGKILL: nothing of it runs after that.
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "Maap.Dps.Emulator.dll"), "--urls", "http://127.0.0.1:0", "--data-dir", dataDir,
                     "--user", "alice", "--token", Token, "--log", "false",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        using var emulator = Process.Start(info)!;
        var stderr = emulator.StandardError.ReadToEndAsync();
        try
        {
            var host = await ReadListeningHostAsync(emulator, stderr);
            using var http = new HttpClient { BaseAddress = new Uri(host + "/"), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("proxy-ticket", Token);

            var repo = Path.Combine(repoRoot, "orphan-repo");
            Directory.CreateDirectory(repo);
            var script = Path.Combine(repo, "run.sh");
            await File.WriteAllTextAsync(script, "#!/usr/bin/env bash\necho $$ > leader.pid\nsleep 60 & echo $! > child.pid; wait\n");
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
            var body = $$$"""
                {"algorithm_name": "orphan", "algorithm_version": "main", "repository_url": "{{{repo}}}", "run_command": "orphan-repo/run.sh",
                 "queue": "maap-dps-worker-8gb", "inputs": {"file": [], "config": [], "positional": []}}
                """;
            using (var registered = await http.PostAsync("api/mas/algorithm", new StringContent(body, Encoding.UTF8, "application/json")))
            {
                Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
            }

            var id = await TestEmulator.SubmitAsync(http, "job-orphan:main", "maap-dps-worker-8gb", "test-job");
            var workDir = Path.Combine(dataDir, "jobs", id);
            var childPid = await ReadPidAsync(Path.Combine(workDir, "child.pid"));
            var leaderPid = await ReadPidAsync(Path.Combine(workDir, "leader.pid"));
            started.Add((childPid, StartTime(childPid)));
            started.Add((leaderPid, StartTime(leaderPid)));

            emulator.Kill(entireProcessTree: false);
            await emulator.WaitForExitAsync();
            Assert.True(Directory.Exists($"/proc/{childPid}"), "the job's processes should still run after the emulator was killed");
            Assert.True(Directory.Exists($"/proc/{leaderPid}"), "the job's processes should still run after the emulator was killed");

            await using var second = await TestEmulator.StartAsync(o =>
            {
                o.Users.Clear();
                o.Users.Add(new EmulatorUser("alice", Token));
            }, dataDir);
            Assert.False(CancelTests.IsAlive(childPid), "a job process the killed emulator left behind still runs after the restart");
            Assert.False(CancelTests.IsAlive(leaderPid), "a job process the killed emulator left behind still runs after the restart");
            Assert.Equal("Failed", await second.StatusAsync(id));
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill(entireProcessTree: true);
            }

            foreach (var (pid, startTime) in started)
            {
                KillIfStillOurs(pid, startTime);
            }

            foreach (var dir in new[] { dataDir, repoRoot })
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    [Fact]
    public async Task A_database_from_an_earlier_version_is_migrated_and_its_running_job_recovered()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "maap-emu-oldschema-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var id = Guid.NewGuid().ToString();
        try
        {
            // The jobs table as the first released emulator created it: no process-group columns.
            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "emulator.db"), Pooling = false }.ToString();
            using (var db = new SqliteConnection(connectionString))
            {
                db.Open();
                using var cmd = db.CreateCommand();
                cmd.CommandText = """
                    CREATE TABLE jobs (
                        id TEXT NOT NULL PRIMARY KEY, username TEXT NOT NULL, job_type TEXT NOT NULL, algo_name TEXT NOT NULL,
                        algo_version TEXT NOT NULL, queue TEXT NOT NULL, priority INTEGER NOT NULL, tag TEXT NOT NULL, tags TEXT NOT NULL,
                        status TEXT NOT NULL, submitted_ms INTEGER NOT NULL, started_ms INTEGER, ended_ms INTEGER, hysds_job_id TEXT NOT NULL,
                        context TEXT NOT NULL, exit_code INTEGER, traceback TEXT, products TEXT, metrics TEXT, time_limit_s INTEGER);
                    INSERT INTO jobs VALUES ($id, 'alice', 'job-old:main', 'old', 'main', 'maap-dps-worker-8gb', 0, 'old', '["old"]',
                        'job-started', 1000, 2000, NULL, 'job-old__main-1', '{}', NULL, NULL, NULL, NULL, NULL);
                    """;
                cmd.Parameters.AddWithValue("$id", id);
                cmd.ExecuteNonQuery();
            }

            await using var emu = await TestEmulator.StartAsync(dataDir: dataDir);
            Assert.Equal("Failed", await emu.StatusAsync(id));
            var traceback = (await emu.ResultAsync(id)).Root!.Elements(TestEmulator.Wps + "Output")
                .Single(o => o.Attribute("id")!.Value == "traceback").Value;
            Assert.Contains("emulator stopped while this job was running", traceback);
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    private static async Task<string> ReadListeningHostAsync(Process emulator, Task<string> stderr)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        const string Marker = "listening on ";
        while (await emulator.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                // Keep draining the banner so the emulator never blocks on a full pipe.
                _ = emulator.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return line[(at + Marker.Length)..].Trim();
            }
        }

        Assert.Fail("the emulator exited before it listened: " + await stderr);
        return string.Empty;
    }

    private static async Task<int> ReadPidAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (File.Exists(path) && (await File.ReadAllTextAsync(path)).Trim() is { Length: > 0 } text)
            {
                return int.Parse(text);
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} never appeared");
            await Task.Delay(20);
        }
    }

    /// <summary>Field 22 of <c>/proc/{pid}/stat</c>, so a pid the kernel reused is never mistaken for ours.</summary>
    private static string StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static void KillIfStillOurs(int pid, string startTime)
    {
        if (pid <= 1 || startTime.Length == 0 || StartTime(pid) != startTime)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }
}
