using System.Globalization;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// Stages what a finished job leaves behind, where DPS puts it (spec §5, §12.3): a succeeded job's <c>output/</c> as
/// an <c>output-&lt;timestamp&gt;</c> product under the user's <c>dps_output</c>, a failed job's underscore files and
/// logs as a triage product. Safe to call from every worker at once.
/// </summary>
internal sealed class JobProducts(EmulatorPaths paths)
{
    // The output folder is named by the job's end time to the microsecond, as on DPS. Jobs of one algorithm and tag
    // can end within the same microsecond (the runtime reaps exited children together, so their workers resume
    // together), and each must still get a folder of its own: picking a free name and moving into it is one step.
    private readonly Lock _reserve = new();

    /// <summary>
    /// Moves the job's <c>output/</c> (with its std logs) to its product folder and describes the product. What is
    /// published holds no symbolic link (see <see cref="ReplaceLinks"/>).
    /// </summary>
    public JsonObject PublishOutput(JobRecord job, string workDir, DateTimeOffset ended)
    {
        var output = Path.Combine(workDir, "output");
        Directory.CreateDirectory(output);
        ReplaceLinks(output);
        foreach (var std in new[] { "_stdout.txt", "_stderr.txt" })
        {
            var source = Path.Combine(workDir, std);
            var target = Path.Combine(output, std);
            if (File.Exists(source))
            {
                File.Delete(target);
                CopyContents(source, target);
            }
        }

        var tagPath = string.Join('/', job.Tag.Split('/').Select(seg => seg is "" or "." or ".." ? "_" : seg));
        var prefix = $"{job.UserName}/dps_output/{job.AlgorithmName}/{job.AlgorithmVersion}/{tagPath}/";
        var utc = ended.UtcDateTime;
        string relative, destination;
        lock (_reserve)
        {
            while (true)
            {
                relative = prefix + utc.ToString("yyyy/MM/dd/HH/mm/ss/ffffff", CultureInfo.InvariantCulture);
                destination = paths.ResolveWorkspacePath(relative) ?? throw new IOException("The output path escapes the workspace.");
                if (!Directory.Exists(destination))
                {
                    break;
                }

                utc = utc.AddTicks(TimeSpan.TicksPerMicrosecond);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            Directory.Move(output, destination);
        }

        var datasetId = "output-" + utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(destination, datasetId + ".dataset.json"), """{"version": "v1.0"}""");
        File.WriteAllText(Path.Combine(destination, datasetId + ".met.json"), new JsonObject
        {
            ["username"] = job.UserName, ["algorithm_name"] = job.AlgorithmName, ["algorithm_version"] = job.AlgorithmVersion, ["tag"] = job.Tag,
        }.ToJsonString());
        return new JsonObject { ["id"] = datasetId, ["path"] = relative, ["product_folder_path"] = "my-private-bucket/" + relative[(job.UserName.Length + 1)..] };
    }

    /// <summary>Copies the job's triage files (<c>_*</c> and <c>*.log</c>) to its triage product and describes it.</summary>
    public JsonObject PublishTriage(JobRecord job, string workDir, int? exitCode)
    {
        var datasetId = $"triaged_job-{job.HysdsJobId}_task-{job.Id}";
        var relative = $"dataset/triaged_job/{job.HysdsJobId}/{datasetId}";
        var destination = paths.ResolveWorkspacePath(relative) ?? throw new IOException("The triage path escapes the workspace.");
        Directory.CreateDirectory(destination);
        if (Directory.Exists(workDir))
        {
            foreach (var file in Directory.EnumerateFiles(workDir))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith('_') || name.EndsWith(".log", StringComparison.Ordinal))
                {
                    // A link publishes its file's bytes; a dangling link or a loop is left out, never the whole triage.
                    var target = Path.Combine(destination, name);
                    File.Delete(target);
                    CopyContents(file, target);
                }
            }
        }

        File.WriteAllText(Path.Combine(destination, datasetId + ".dataset.json"), """{"version": "v1.4.0"}""");
        File.WriteAllText(Path.Combine(destination, datasetId + ".met.json"), new JsonObject
        {
            ["job_id"] = job.HysdsJobId, ["task_id"] = job.Id, ["type"] = job.JobType, ["username"] = job.UserName,
            ["exit_code"] = exitCode,
        }.ToJsonString());
        return new JsonObject { ["id"] = datasetId, ["path"] = relative, ["product_folder_path"] = "triaged-jobs/" + relative["dataset/triaged_job/".Length..] };
    }

    /// <summary>
    /// Makes a folder safe to publish, as DPS's upload (which walks <c>output/</c> without following folder links and
    /// uploads each file's bytes) would see it: a link to a file becomes a copy of that file's bytes; a link to a
    /// folder, a dangling link and a link loop are removed; a FIFO, socket or device becomes an empty file. Folders
    /// reached through links are never entered, so nothing outside the work directory is published that the job did
    /// not copy itself.
    /// </summary>
    internal static void ReplaceLinks(string folder)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList())
        {
            if (entry.LinkTarget is not null)
            {
                var temporary = Path.Combine(folder, ".maap-link-" + Guid.NewGuid().ToString("N"));
                bool copied;
                try
                {
                    copied = CopyContents(entry.FullName, temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A file the emulator may not read is left out, like a dangling link.
                    File.Delete(temporary);
                    copied = false;
                }

                File.Delete(entry.FullName);
                if (copied)
                {
                    File.Move(temporary, entry.FullName);
                }
            }
            else if (entry is DirectoryInfo directory)
            {
                ReplaceLinks(directory.FullName);
            }
            else if (entry is FileInfo { Length: 0 })
            {
                // Regular or not (a FIFO or a device reports 0 too): an empty regular file, never opened.
                File.Delete(entry.FullName);
                File.Create(entry.FullName).Dispose();
            }
        }
    }

    /// <summary>
    /// Writes to <paramref name="destination"/> (which must not exist) the bytes <paramref name="source"/> shows: the
    /// file's, or its link's final target's. Only as many bytes as the file has are read, and an empty one is never
    /// opened, so a FIFO or a device cannot block or flood the copy. False, writing nothing, for a folder, a dangling
    /// link or a link loop.
    /// </summary>
    internal static bool CopyContents(string source, string destination)
    {
        var file = new FileInfo(source);
        if (file.LinkTarget is not null)
        {
            try
            {
                file = new FileInfo(file.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
            }
            catch (IOException)
            {
                return false; // a loop of links
            }
        }

        if (!file.Exists)
        {
            return false; // a folder, or nothing
        }

        var remaining = file.Length;
        using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        if (remaining == 0)
        {
            return true;
        }

        using var input = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[81920];
        int read;
        while (remaining > 0 && (read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining))) > 0)
        {
            output.Write(buffer, 0, read);
            remaining -= read;
        }

        return true;
    }
}
