using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Maap.Dps.Emulator.Tests;

/// <summary>
/// A registration whose <c>repository_url</c> is a git URL: the emulator clones it at <c>algorithm_version</c> (MAAP's
/// build checks out that branch or tag), served here by git's plain "dumb" HTTP protocol from 127.0.0.1.
/// </summary>
public sealed class GitRegistrationTests
{
    [Fact]
    public async Task A_git_url_is_cloned_at_the_branch_the_version_names_and_the_job_runs_that_code()
    {
        var root = Directory.CreateTempSubdirectory("maap-git-reg-").FullName;
        using var server = new DumbGitServer(CreateBareRepository(root));
        await using var emu = await TestEmulator.StartAsync();

        var url = server.Url + "science.git";
        var registered = await PostAsync(emu, Registration("v2", url));
        Assert.True(registered.StatusCode == HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());

        var id = await emu.SubmitAsync("job-science:v2", "maap-dps-worker-8gb");
        var final = await emu.WaitForEndAsync(id);
        Assert.True(final == "Succeeded", await emu.Http.GetStringAsync($"api/ogc/jobs/{id}/results"));
        var folder = (await emu.ResultAsync(id)).Root!.Element(TestEmulator.Wps + "Output")!.Element(TestEmulator.Wps + "Data")!.Value;
        Assert.Equal("from v2\n", await emu.Anonymous.GetStringAsync(folder + "/which.txt"));

        var missing = await PostAsync(emu, Registration("no-such-branch", url));
        Assert.Equal(HttpStatusCode.InternalServerError, missing.StatusCode);
        var error = (await TestEmulator.JsonAsync(missing))["message"]!.GetValue<string>();
        Assert.StartsWith($"Failed to register algorithm: cloning {url} at no-such-branch (algorithm_version names the branch or tag) failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_that_is_neither_a_git_url_nor_a_folder_is_refused_with_the_reason()
    {
        await using var emu = await TestEmulator.StartAsync();

        var response = await PostAsync(emu, """{"algorithm_name": "science", "algorithm_version": "main", "repository_url": "github.com/me/science", "run_command": "science/run.sh", "queue": "maap-dps-worker-8gb", "inputs": {}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("neither a git URL", (await TestEmulator.JsonAsync(response))["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Registration(string version, string url) => new System.Text.Json.Nodes.JsonObject
    {
        ["algorithm_name"] = "science",
        ["algorithm_version"] = version,
        ["repository_url"] = url,
        ["run_command"] = "science/run.sh",
        ["queue"] = "maap-dps-worker-8gb",
        ["inputs"] = new System.Text.Json.Nodes.JsonObject(),
    }.ToJsonString();

    private static Task<HttpResponseMessage> PostAsync(TestEmulator emu, string json) =>
        emu.Http.PostAsync("api/mas/algorithm", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    private static string CreateBareRepository(string root)
    {
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        Git(work, "init", "--quiet", "-b", "main");
        File.WriteAllText(Path.Combine(work, "run.sh"), "#!/usr/bin/env bash\nmkdir -p output && echo 'from main' > output/which.txt\n");
        File.SetUnixFileMode(Path.Combine(work, "run.sh"), (UnixFileMode)0b111_101_101);
        Git(work, "add", "run.sh");
        Git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "main");
        Git(work, "checkout", "--quiet", "-b", "v2");
        File.WriteAllText(Path.Combine(work, "run.sh"), "#!/usr/bin/env bash\nmkdir -p output && echo 'from v2' > output/which.txt\n");
        Git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-am", "v2");
        Git(work, "checkout", "--quiet", "main");
        var served = Directory.CreateDirectory(Path.Combine(root, "served")).FullName;
        Git(served, "clone", "--quiet", "--bare", work, "science.git");
        Git(Path.Combine(served, "science.git"), "update-server-info");
        return served;
    }

    private static void Git(string dir, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
    }

    /// <summary>Serves a folder's files read-only over HTTP: all git's dumb protocol needs.</summary>
    private sealed class DumbGitServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly string _root;

        public DumbGitServer(string root)
        {
            _root = root;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
            }

            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var path = Path.GetFullPath(Path.Combine(_root, Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'))));
                if (path.StartsWith(_root, StringComparison.Ordinal) && File.Exists(path))
                {
                    var bytes = await File.ReadAllBytesAsync(path);
                    context.Response.ContentLength64 = bytes.Length;
                    await context.Response.OutputStream.WriteAsync(bytes);
                }
                else
                {
                    context.Response.StatusCode = 404;
                }

                context.Response.Close();
            }
        }
    }
}
