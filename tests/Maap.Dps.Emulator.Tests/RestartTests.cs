using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task After_a_crash_and_restart_every_job_and_secret_is_accounted_for()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "maap-emu-restart-" + Guid.NewGuid().ToString("N"));
        var alice = new EmulatorUser("alice", "alice-restart-token");
        void Configure(MaapEmulatorOptions o)
        {
            o.Users.Clear();
            o.Users.Add(alice);
            o.Queues.Add(new QueueDefinition("one-worker", 1, null));
        }

        string finished, interrupted, queued, finishedUrl;
        int childPid;
        try
        {
            var first = await TestEmulator.StartAsync(Configure, dataDir);
            try
            {
                await first.RegisterScriptAsync("work", """
                    mkdir -p output
                    echo "slept $1" > output/result.txt
                    sleep "$1" & echo $! > child.pid; wait
                    """, """{"file": [], "config": [], "positional": [{"name": "seconds"}]}""", queue: "one-worker");
                using (var add = await first.Http.PostAsync("api/members/self/secrets",
                           new StringContent("""{"secret_name": "KEEP", "secret_value": "kept-value"}""", Encoding.UTF8, "application/json")))
                {
                    Assert.Equal(HttpStatusCode.OK, add.StatusCode);
                }

                finished = await first.SubmitAsync("job-work:main", "one-worker", ("seconds", "0"));
                Assert.Equal("Succeeded", await first.WaitForEndAsync(finished));
                finishedUrl = (await first.ResultAsync(finished)).Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;

                interrupted = await first.SubmitAsync("job-work:main", "one-worker", ("seconds", "60"));
                queued = await first.SubmitAsync("job-work:main", "one-worker", ("seconds", "0"));
                await first.WaitForStatusAsync(interrupted, s => s == "Running");
                var pidFile = Path.Combine(dataDir, "jobs", interrupted, "child.pid");
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (!File.Exists(pidFile) || (await File.ReadAllTextAsync(pidFile)).Trim().Length == 0)
                {
                    Assert.True(DateTime.UtcNow < deadline);
                    await Task.Delay(20);
                }

                childPid = int.Parse(await File.ReadAllTextAsync(pidFile));
                Assert.Equal("Accepted", await first.StatusAsync(queued));
                await first.Emulator.CrashAsync();
            }
            finally
            {
                await first.DisposeAsync();
            }

            Assert.False(CancelTests.IsAlive(childPid), "the crash left the job's process running");

            await using var second = await TestEmulator.StartAsync(Configure, dataDir);
            // The job that was running when the emulator died is Failed, with a traceback that says why.
            Assert.Equal("Failed", await second.StatusAsync(interrupted));
            var traceback = (await second.ResultAsync(interrupted)).Root!.Elements(TestEmulator.Wps + "Output")
                .Single(o => o.Attribute("id")!.Value == "traceback").Value;
            Assert.Contains("emulator stopped while this job was running", traceback);

            // The queued job runs now.
            Assert.Equal("Succeeded", await second.WaitForEndAsync(queued));

            // The finished job keeps its result and its outputs (served from the new port).
            Assert.Equal("Succeeded", await second.StatusAsync(finished));
            var url = (await second.ResultAsync(finished)).Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;
            Assert.Equal(new Uri(finishedUrl).AbsolutePath, new Uri(url).AbsolutePath);
            Assert.Equal("slept 0\n", await second.Anonymous.GetStringAsync(url + "/result.txt"));
            Assert.Contains("job_duration_seconds", await second.Anonymous.GetStringAsync($"api/dps/job/{finished}/metrics"));

            // Secrets survive, decrypted with the persisted key ring; the algorithm is still registered.
            Assert.Contains("kept-value", await second.Http.GetStringAsync("api/members/self/secrets/KEEP"));
            Assert.Equal(4, XDocument.Parse(await second.Anonymous.GetStringAsync("api/mas/algorithm/work:main")).Descendants(TestEmulator.Wps + "Input").Count() + 2);

            var list = await TestEmulator.JsonAsync(await second.Http.GetAsync("api/dps/job/list?get_job_details=false"));
            Assert.Equal(new[] { queued, interrupted, finished }, list["jobs"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()));
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
}
