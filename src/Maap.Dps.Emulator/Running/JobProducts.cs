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

    /// <summary>Moves the job's <c>output/</c> (with its std logs) to its product folder and describes the product.</summary>
    public JsonObject PublishOutput(JobRecord job, string workDir, DateTimeOffset ended)
    {
        var output = Path.Combine(workDir, "output");
        Directory.CreateDirectory(output);
        foreach (var std in new[] { "_stdout.txt", "_stderr.txt" })
        {
            var source = Path.Combine(workDir, std);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(output, std), overwrite: true);
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
                    File.Copy(file, Path.Combine(destination, name), overwrite: true);
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
}
