using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// A job's work dir as DPS gives it (spec §2.4, §12.3): <c>input/</c>, <c>output/</c>, <c>_job.json</c> and
/// <c>_context.json</c>, with the file inputs localized into <c>input/</c>.
/// </summary>
internal sealed class JobWorkDirectory(HttpClient downloads, IReadOnlyList<string> localInputDirectories)
{
    private readonly string[] _allowedInputRoots = [.. localInputDirectories.Select(LocalPaths.Resolve)];

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the work dir DPS gives a job: <c>input/</c>, <c>output/</c>, <c>_job.json</c> and <c>_context.json</c>.</summary>
    public static async Task<JsonObject> PrepareAsync(JobRecord job, string workDir, DateTimeOffset started)
    {
        Directory.CreateDirectory(workDir);
        Directory.CreateDirectory(Path.Combine(workDir, "input"));
        Directory.CreateDirectory(Path.Combine(workDir, "output"));
        var context = JsonNode.Parse(job.ContextJson)!.AsObject();
        await File.WriteAllTextAsync(Path.Combine(workDir, "_job.json"), JobJson(job, workDir, started).ToJsonString(Indented));
        await File.WriteAllTextAsync(Path.Combine(workDir, "_context.json"), context.ToJsonString(Indented));
        return context;
    }

    /// <summary>
    /// Downloads (or copies) every <c>localize_urls</c> entry into <c>input/</c>; the traceback of the first that fails,
    /// also written to <c>_stderr.txt</c>, or null when all arrived.
    /// </summary>
    public async Task<string?> LocalizeAsync(JsonObject context, string workDir, CancellationToken ct)
    {
        var inputDir = Path.Combine(workDir, "input");
        foreach (var node in context["localize_urls"]?.AsArray() ?? [])
        {
            var url = CommandLine.Text(node?["url"]);
            try
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    throw new InvalidOperationException("it is not an absolute URL");
                }

                var target = Path.Combine(inputDir, LocalName(uri));
                if (uri.IsFile)
                {
                    var source = LocalPaths.Resolve(uri.LocalPath);
                    if (!_allowedInputRoots.Any(root => LocalPaths.IsInside(source, root)))
                    {
                        throw new InvalidOperationException(
                            "file: inputs are read only from the folders the emulator was given for them (MaapEmulatorOptions.LocalInputDirectories, --input-dirs)");
                    }

                    File.Copy(source, target, overwrite: true);
                }
                else if (uri.Scheme is "http" or "https")
                {
                    using var response = await downloads.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
                    response.EnsureSuccessStatusCode();
                    await using var file = File.Create(target);
                    await response.Content.CopyToAsync(file, ct);
                }
                else
                {
                    throw new InvalidOperationException($"the emulator cannot localize '{uri.Scheme}' URLs (only http, https and file)");
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or UnauthorizedAccessException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                var message = $"Traceback (most recent call last):\n  localizing inputs into {inputDir}\nRuntimeError: Failed to download {url}: {e.Message}";
                await File.WriteAllTextAsync(Path.Combine(workDir, "_stderr.txt"), message + "\n", CancellationToken.None);
                return message;
            }
        }

        return null;
    }

    /// <summary>The name a localized URL gets in <c>input/</c>: its path's last segment.</summary>
    public static string LocalName(Uri uri)
    {
        var name = Path.GetFileName(Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/')));
        return string.IsNullOrEmpty(name) || name is "." or ".." ? "downloaded_input" : name;
    }

    /// <summary>Where a localized input lands: <c>{workDir}/input/{name}</c>; a value that is no absolute URL is taken as a path already.</summary>
    public static string LocalPath(string workDir, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.Combine(workDir, "input", LocalName(uri)) : url;

    private static JsonObject JobJson(JobRecord job, string workDir, DateTimeOffset started) => new()
    {
        ["job_id"] = job.HysdsJobId,
        ["name"] = job.HysdsJobId,
        ["type"] = job.JobType,
        ["tag"] = job.Tag,
        ["tags"] = new JsonArray([.. job.Tags.Select(t => (JsonNode?)JsonValue.Create(t))]),
        ["username"] = job.UserName,
        ["priority"] = job.Priority,
        ["job_info"] = new JsonObject
        {
            ["id"] = job.HysdsJobId,
            ["job_queue"] = job.Queue,
            ["job_dir"] = workDir,
            ["time_queued"] = HysdsTime.Iso(DateTimeOffset.FromUnixTimeMilliseconds(job.SubmittedMs)),
            ["time_start"] = HysdsTime.Iso(started),
            ["job_payload"] = new JsonObject { ["job_type"] = job.JobType, ["payload_task_id"] = job.Id },
            ["metrics"] = new JsonObject { ["inputs_localized"] = new JsonArray(), ["products_staged"] = new JsonArray(), ["job_dir_size"] = 0, ["usage_stats"] = new JsonArray() },
            ["facts"] = new JsonObject { ["hysds_execute_node"] = Environment.MachineName, ["ec2_instance_type"] = "emulator" },
        },
    };
}
