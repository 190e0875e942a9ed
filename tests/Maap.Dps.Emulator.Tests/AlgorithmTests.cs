using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

public sealed class AlgorithmTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Register_list_describe_and_delete()
    {
        await _emu.RegisterScriptAsync("described", "true",
            """{"file": [{"name": "input_file", "default": "https://example.org/a.tif", "required": false}], "config": [], "positional": [{"name": "outsize", "default": "10"}]}""",
            queue: "maap-dps-sandbox");

        var list = await TestEmulator.JsonAsync(await _emu.Http.GetAsync("api/mas/algorithm?visibility=private"));
        Assert.Equal(200, list["code"]!.GetValue<int>());
        Assert.Contains(list["algorithms"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "described" && a["version"]!.GetValue<string>() == "main");
        var all = await _emu.Http.GetStringAsync("api/mas/algorithm?visibility=all");
        Assert.Contains("run-dps-test_ubuntu", all);

        foreach (var path in new[] { "api/mas/algorithm/described:main", "api/dps/job/describeprocess/described:main" })
        {
            using var response = await _emu.Anonymous.GetAsync(path);
            Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(TestEmulator.Wps + "ProcessOfferings", doc.Root!.Name);
            var inputs = doc.Descendants(TestEmulator.Wps + "Input").ToList();
            Assert.Equal(["input_file", "outsize", "queue_name"], inputs.Select(i => i.Element(TestEmulator.Ows + "Identifier")!.Value));
            Assert.Equal("maap-dps-sandbox", inputs[2].Descendants(TestEmulator.Wps + "LiteralValue").Single().Value);
        }

        var capabilities = XDocument.Parse(await _emu.Anonymous.GetStringAsync("api/dps/job"));
        Assert.Contains(capabilities.Descendants(TestEmulator.Ows + "Identifier"), e => e.Value == "described:main");

        var deleted = await TestEmulator.JsonAsync(await _emu.Http.DeleteAsync("api/mas/algorithm/described:main"));
        Assert.Equal("successfully deleted job-described:main", deleted["message"]!.GetValue<string>());
        using var gone = await _emu.Anonymous.GetAsync("api/mas/algorithm/described:main");
        Assert.Equal(HttpStatusCode.InternalServerError, gone.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_algorithm_leaves_the_code_of_a_job_still_running_it_until_that_job_ends()
    {
        await _emu.RegisterScriptAsync("uses-app", """
            set -e
            while [ ! -f go ]; do sleep 0.05; done
            mkdir -p output
            cat "$(dirname "$0")/data.txt" > output/data.txt
            """, prepareRepo: repo => File.WriteAllText(Path.Combine(repo, "data.txt"), "from the app dir\n"));
        var versionDir = Path.Combine(_emu.Emulator.DataDirectory, "apps", "uses-app", "main");
        var appDir = Assert.Single(Directory.GetDirectories(versionDir));
        var id = await _emu.SubmitAsync("job-uses-app:main", "maap-dps-worker-8gb");
        await _emu.WaitForStatusAsync(id, s => s == "Running");

        var deleted = await TestEmulator.JsonAsync(await _emu.Http.DeleteAsync("api/mas/algorithm/uses-app:main"));
        Assert.Equal("successfully deleted job-uses-app:main", deleted["message"]!.GetValue<string>());
        Assert.True(Directory.Exists(appDir), "the running job's code was deleted with its algorithm");

        await File.WriteAllTextAsync(Path.Combine(_emu.Emulator.DataDirectory, "jobs", id, "go"), "");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        var folder = (await _emu.ResultAsync(id)).Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;
        Assert.Equal("from the app dir\n", await _emu.Anonymous.GetStringAsync(folder + "/data.txt"));

        // Once no job uses it any more, the deleted algorithm's copy goes.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists(appDir))
        {
            Assert.True(DateTime.UtcNow < deadline, "the deleted algorithm's copy was never removed");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_registration_that_gives_a_key_twice_is_a_400_with_a_message_not_an_empty_500()
    {
        var body = """
            {"algorithm_name": "dup", "algorithm_version": "main", "algorithm_name": "dup2", "repository_url": "/nowhere.git",
             "run_command": "r/run.sh", "queue": "maap-dps-worker-8gb", "inputs": {"file": [], "config": [], "positional": []}}
            """;

        using var response = await _emu.Http.PostAsync("api/mas/algorithm", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("gives a key twice", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await _emu.RegisterScriptAsync("after-dup", "true");
    }

    [Fact]
    public async Task A_job_input_that_gives_a_key_twice_reaches_the_job_as_Python_reads_it()
    {
        await _emu.RegisterScriptAsync("dict-input", "mkdir -p output; cp _context.json output/",
            """{"file": [], "config": [{"name": "options"}], "positional": []}""");

        var id = await _emu.SubmitAsync("job-dict-input:main", "maap-dps-worker-8gb", ("options", """{"a": 1, "b": 2, "a": 3}"""));

        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
        var context = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_emu.Emulator.DataDirectory, "jobs", id, "_context.json")))!;
        Assert.Equal("""{"a":3,"b":2}""", context["options"]!.ToJsonString());
    }

    [Fact]
    public async Task Deleting_an_algorithm_keeps_the_other_registrations_of_its_name()
    {
        await _emu.RegisterScriptAsync("two-versions", "true", version: "v1");
        await _emu.RegisterScriptAsync("two-versions", "mkdir -p output; echo v2 > output/v.txt", version: "v2");
        using (var response = await _emu.Http.DeleteAsync("api/mas/algorithm/two-versions:v1"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.False(Directory.Exists(Path.Combine(_emu.Emulator.DataDirectory, "apps", "two-versions", "v1")));
        var id = await _emu.SubmitAsync("job-two-versions:v2", "maap-dps-worker-8gb");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
    }

    [Fact]
    public async Task Re_registering_removes_the_previous_copy_once_no_job_uses_it()
    {
        await _emu.RegisterScriptAsync("re-registered", "true");
        var versionDir = Path.Combine(_emu.Emulator.DataDirectory, "apps", "re-registered", "main");
        var firstCopy = Assert.Single(Directory.GetDirectories(versionDir));
        await _emu.RegisterScriptAsync("re-registered", "mkdir -p output; echo second > output/which.txt");
        var secondCopy = Assert.Single(Directory.GetDirectories(versionDir));
        Assert.NotEqual(firstCopy, secondCopy);
        var id = await _emu.SubmitAsync("job-re-registered:main", "maap-dps-worker-8gb");
        Assert.Equal("Succeeded", await _emu.WaitForEndAsync(id));
    }

    [Fact]
    public async Task A_start_removes_registration_copies_nothing_uses_and_keeps_the_rest()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "maap-emu-sweep-" + Guid.NewGuid().ToString("N"));
        try
        {
            string kept;
            await using (var first = await TestEmulator.StartAsync(dataDir: dataDir))
            {
                await first.RegisterScriptAsync("kept", "true");
                kept = Assert.Single(Directory.GetDirectories(Path.Combine(dataDir, "apps", "kept", "main")));
            }

            // What a previous run may leave: the copy of an algorithm deleted while a job still ran it.
            var ghost = Path.Combine(dataDir, "apps", "ghost", "main", "r1-abcdef", "ghost-repo");
            Directory.CreateDirectory(ghost);
            await File.WriteAllTextAsync(Path.Combine(ghost, "run.sh"), "true\n");

            await using var second = await TestEmulator.StartAsync(dataDir: dataDir);
            Assert.False(Directory.Exists(Path.Combine(dataDir, "apps", "ghost")));
            Assert.True(Directory.Exists(kept));
            Assert.True(File.Exists(Path.Combine(dataDir, "apps", "run-dps-test_ubuntu", "delay10", "dps-unit-test", "run_test.sh")));
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
    public async Task Registration_with_a_forbidden_queue_is_400()
    {
        var body = """{"algorithm_name": "q", "algorithm_version": "main", "repository_url": "https://github.com/x/q.git", "run_command": "q/run.sh", "queue": "maap-dps-worker-32gb", "inputs": {}}""";
        using var response = await _emu.Http.PostAsync("api/mas/algorithm", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("User does not have permissions for resource maap-dps-worker-32gb.Please select from one of ['maap-dps-sandbox', 'maap-dps-worker-8gb']",
            (await TestEmulator.JsonAsync(response))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Queues_are_listed()
    {
        var queues = await TestEmulator.JsonAsync(await _emu.Http.GetAsync("api/mas/algorithm/resource"));
        Assert.Equal("""{"code":200,"queues":["maap-dps-sandbox","maap-dps-worker-8gb"],"message":"success"}""", queues.ToJsonString());
    }
}
