using Maap.Dps.Emulator.Store;
using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Tests;

/// <summary>One emulator per data directory, and a job's end never overwrites an end someone else recorded.</summary>
public sealed class DataDirectoryTests
{
    private const string Gated = """
        set -e
        while [ ! -f go ]; do sleep 0.05; done
        mkdir -p output
        echo ok > output/ok.txt
        """;

    [Fact]
    public async Task A_second_emulator_on_the_same_data_directory_fails_to_start_and_leaves_the_first_ones_job_alone()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "maap-emu-twice-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var first = await TestEmulator.StartAsync(dataDir: dataDir);
            await first.RegisterScriptAsync("gated", Gated);
            var id = await first.SubmitAsync("job-gated:main", "maap-dps-worker-8gb");
            await first.WaitForStatusAsync(id, s => s == "Running");

            var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
                MaapEmulator.StartAsync(new MaapEmulatorOptions { DataDirectory = dataDir }));
            Assert.Contains(Path.GetFullPath(dataDir), error.Message);
            Assert.Contains("already", error.Message);

            Assert.Equal("Running", await first.StatusAsync(id));
            await File.WriteAllTextAsync(Path.Combine(dataDir, "jobs", id, "go"), "");
            Assert.Equal("Succeeded", await first.WaitForEndAsync(id));

            // Once the first one has stopped, the data directory is free again.
            await first.Emulator.StopAsync();
            await using var again = await TestEmulator.StartAsync(dataDir: dataDir);
            Assert.Equal("Succeeded", await again.StatusAsync(id));
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

    [Fact]
    public async Task A_job_that_something_else_ended_while_it_ran_keeps_that_end_and_publishes_no_output()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.RegisterScriptAsync("gated", Gated);
        var id = await emu.SubmitAsync("job-gated:main", "maap-dps-worker-8gb");
        await emu.WaitForStatusAsync(id, s => s == "Running");

        // Another writer (say, a second emulator's recovery) fails the job while its process still runs.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(emu.Emulator.DataDirectory, "emulator.db"),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        using (var db = new SqliteConnection(connectionString))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE jobs SET status = 'job-failed', ended_ms = 1, traceback = 'failed by someone else', products = '[]', metrics = '{}' WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        await File.WriteAllTextAsync(Path.Combine(emu.Emulator.DataDirectory, "jobs", id, "go"), "");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (emu.Emulator.Services.Scheduler.IsRunning(id))
        {
            Assert.True(DateTime.UtcNow < deadline, "the job never ended");
            await Task.Delay(20);
        }

        Assert.Equal("Failed", await emu.StatusAsync(id));
        var job = emu.Emulator.Services.Store.GetJob(id)!;
        Assert.Equal("failed by someone else", job.Traceback);
        Assert.Equal("[]", job.ProductsJson);
        Assert.Equal(1, job.EndedMs);
        Assert.False(Directory.Exists(Path.Combine(emu.Emulator.DataDirectory, "workspace", "alice", "dps_output")),
            "a job whose end was already recorded published its output anyway");
    }

    [Fact]
    public void FinishJob_never_overwrites_a_job_that_has_already_ended()
    {
        var dir = Path.Combine(Path.GetTempPath(), "maap-emu-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using (var store = new EmulatorStore(Path.Combine(dir, "emulator.db")))
            {
                store.InsertJob(new JobRecord
                {
                    Id = "j1", UserName = "alice", JobType = "job-a:main", AlgorithmName = "a", AlgorithmVersion = "main", Queue = "q",
                    Tag = "t", Tags = ["t"], Status = JobState.Queued, SubmittedMs = 1, HysdsJobId = "job-a__main-1", ContextJson = "{}",
                });
                Assert.True(store.TryMarkStarted("j1", 2));
                Assert.True(store.FinishJob("j1", JobState.Failed, 3, null, "recovered", "[]", "{}"));
                Assert.False(store.FinishJob("j1", JobState.Completed, 4, 0, null, """[{"id": "late"}]""", "{}"));
                var job = store.GetJob("j1")!;
                Assert.Equal(JobState.Failed, job.Status);
                Assert.Equal("recovered", job.Traceback);
                Assert.Equal(3, job.EndedMs);
                Assert.Equal("[]", job.ProductsJson);
            }

            SqliteConnection.ClearAllPools();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
