using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Maap.Dps.Emulator.Tests;

/// <summary>An in-process emulator on 127.0.0.1 with an ephemeral port, plus helpers that speak raw HTTP to it.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public static readonly XNamespace Wps = "http://www.opengis.net/wps/2.0";
    public static readonly XNamespace Ows = "http://www.opengis.net/ows/2.0";

    private readonly List<string> _tempDirs = [];

    private readonly string _inputRoot;

    private TestEmulator(MaapEmulator emulator, string? ownedDataDir, string inputRoot)
    {
        Emulator = emulator;
        _inputRoot = inputRoot;
        _tempDirs.Add(inputRoot);
        Http = NewClient(emulator.Token);
        Anonymous = new HttpClient { BaseAddress = emulator.BaseAddress };
        if (ownedDataDir is not null)
        {
            _tempDirs.Add(ownedDataDir);
        }
    }

    public MaapEmulator Emulator { get; }

    /// <summary>Authenticated as the first user with <c>proxy-ticket</c>.</summary>
    public HttpClient Http { get; }

    public HttpClient Anonymous { get; }

    public static async Task<TestEmulator> StartAsync(Action<MaapEmulatorOptions>? configure = null, string? dataDir = null)
    {
        var options = new MaapEmulatorOptions { DataDirectory = dataDir };
        options.Users.Add(new EmulatorUser("alice", "alice-token-" + Guid.NewGuid().ToString("N")));
        // The one folder file: inputs may come from; TempDirectory() makes its folders there.
        var inputRoot = Directory.CreateTempSubdirectory("maap-emu-inputs-").FullName;
        options.LocalInputDirectories.Add(inputRoot);
        configure?.Invoke(options);
        var emulator = await MaapEmulator.StartAsync(options);
        return new TestEmulator(emulator, null, inputRoot);
    }

    public HttpClient NewClient(string token)
    {
        var client = new HttpClient { BaseAddress = Emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        client.DefaultRequestHeaders.Add("proxy-ticket", token);
        return client;
    }

    /// <summary>Writes a bash script as <c>{repo}/run.sh</c> in a fresh temp repo and registers it.</summary>
    public async Task<string> RegisterScriptAsync(string name, string script, string inputsJson = """{"file": [], "config": [], "positional": []}""",
        string queue = "maap-dps-worker-8gb", HttpClient? client = null, string version = "main", Action<string>? prepareRepo = null)
    {
        using var response = await PostRegistrationAsync(name, script, inputsJson, queue, client, version, prepareRepo);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return $"{name}:{version}";
    }

    /// <summary>
    /// Like <see cref="RegisterScriptAsync"/> but returns the raw answer; <paramref name="prepareRepo"/> gets the repo
    /// directory to add files or links before it is registered.
    /// </summary>
    public async Task<HttpResponseMessage> PostRegistrationAsync(string name, string script, string inputsJson = """{"file": [], "config": [], "positional": []}""",
        string queue = "maap-dps-worker-8gb", HttpClient? client = null, string version = "main", Action<string>? prepareRepo = null)
    {
        var repoRoot = Path.Combine(Path.GetTempPath(), "maap-emu-repo-" + Guid.NewGuid().ToString("N"));
        _tempDirs.Add(repoRoot);
        var repo = Path.Combine(repoRoot, name + "-repo");
        Directory.CreateDirectory(repo);
        var path = Path.Combine(repo, "run.sh");
        await File.WriteAllTextAsync(path, "#!/usr/bin/env bash\n" + script.Replace("\r\n", "\n") + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        prepareRepo?.Invoke(repo);
        var body = $$"""
            {
              "algorithm_description": "test algorithm {{name}}",
              "algorithm_name": "{{name}}",
              "algorithm_version": "{{version}}",
              "build_command": "",
              "disk_space": "1GB",
              "docker_container_url": "mas.maap-project.org/root/maap-workspaces/base_images/vanilla:develop",
              "inputs": {{inputsJson}},
              "queue": "{{queue}}",
              "repository_url": "{{repo}}.git",
              "run_command": "{{name}}-repo/run.sh",
            }
            """;
        return await (client ?? Http).PostAsync("api/mas/algorithm", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    public static string Execute(string jobType, string queue, IEnumerable<(string Id, string Value)> inputs, string? identifier = "test-job")
    {
        var sb = new StringBuilder();
        sb.Append("""
            <wps:Execute xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/wps/2.0 ../wps.xsd" service="WPS" version="2.0.0" response="document" mode="sync">
            """);
        sb.Append("\n\t<ows:Identifier>").Append(jobType).Append("</ows:Identifier>\n");
        var all = new List<(string, string)>();
        if (identifier is not null)
        {
            all.Add(("identifier", identifier));
        }

        all.Add(("queue", queue));
        all.AddRange(inputs);
        all.Add(("username", "someone-else"));
        foreach (var (id, value) in all)
        {
            sb.Append("\t<wps:Input id=\"").Append(id).Append("\">\n\t\t<wps:Data>\n\t\t\t<wps:LiteralValue><![CDATA[")
              .Append(value).Append("]]></wps:LiteralValue>\n\t\t</wps:Data>\n\t</wps:Input>\n\n");
        }

        sb.Append("\t<wps:Output id=\"result\" transmission=\"value\"/>\n</wps:Execute>");
        return sb.ToString();
    }

    public async Task<string> SubmitAsync(string jobType, string queue, params (string Id, string Value)[] inputs) =>
        await SubmitAsync(Http, jobType, queue, "test-job", inputs);

    public static async Task<string> SubmitAsync(HttpClient client, string jobType, string queue, string? identifier, params (string Id, string Value)[] inputs)
    {
        using var content = new StringContent(Execute(jobType, queue, inputs, identifier), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/echo10+xml");
        using var response = await client.PostAsync("api/dps/job", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, body);
        var doc = XDocument.Parse(body);
        Assert.Equal(Wps + "StatusInfo", doc.Root!.Name);
        Assert.Equal("Accepted", doc.Root.Element(Wps + "Status")!.Value);
        return doc.Root.Element(Wps + "JobID")!.Value;
    }

    public async Task<string> StatusAsync(string id)
    {
        var body = await Anonymous.GetStringAsync($"api/dps/job/{id}/status");
        return XDocument.Parse(body).Root!.Element(Wps + "Status")!.Value;
    }

    public async Task<string> WaitForStatusAsync(string id, Func<string, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        string status;
        while (!done(status = await StatusAsync(id)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {id} still {status}");
            await Task.Delay(50);
        }

        return status;
    }

    public Task<string> WaitForEndAsync(string id, TimeSpan? timeout = null) =>
        WaitForStatusAsync(id, s => s is not ("Accepted" or "Running"), timeout);

    public async Task<XDocument> ResultAsync(string id)
    {
        using var response = await Anonymous.GetAsync($"api/dps/job/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return XDocument.Parse(body);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public string TempDirectory()
    {
        var dir = Path.Combine(_inputRoot, "maap-emu-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        _tempDirs.Add(dir);
        return dir;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        await Emulator.DisposeAsync();
        foreach (var dir in _tempDirs)
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
