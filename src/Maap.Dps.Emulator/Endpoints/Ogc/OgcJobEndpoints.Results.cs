using System.Globalization;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>Results and metrics of one job (<c>maap-ogc-spec.md</c> §3.13–3.14).</summary>
internal static partial class OgcJobEndpoints
{
    private static IResult Results(string jobID, HttpContext context, EmulatorServices services)
    {
        var results = services.Jobs.GetResults(jobID, context.AuthenticatedUser());
        if (results is null)
        {
            return NoSuchJob();
        }

        if (results.IsPending)
        {
            // A queued job has no metrics yet, and MAAP dereferences them anyway.
            return OgcResponses.ServerError(
                $"Failed to get job result of job with id: {jobID}. 'NoneType' object has no attribute 'get'. If you don't see expected results, please contact administrator of DPS");
        }

        var root = EmulatorServices.HostRoot(context.Request);
        var body = new JsonObject();
        var n = 0;
        foreach (var product in results.Products)
        {
            if (results.Job.Status == JobState.Failed && n == 0)
            {
                // MAAP sets detail inside its product loop: a failed job with nothing staged has none.
                body["detail"] = $"Job failed and traceback is {results.Traceback ?? "None"}";
            }

            // Every HySDS URL (http, s3), then the S3 console link MAAP builds from the s3 URL's path after ":80/".
            var links = new JsonArray([.. product.Urls(root).Select(url => (JsonNode?)new JsonObject { ["href"] = url })]);
            body[$"additionalProp{++n}"] = new JsonObject { ["links"] = links, ["id"] = product.Id };
        }

        return OgcResponses.Json(body);
    }

    private static IResult Metrics(string jobID, HttpContext context, EmulatorServices services)
    {
        var metrics = services.Jobs.GetMetrics(jobID, context.AuthenticatedUser());
        if (metrics is null)
        {
            return NoSuchJob();
        }

        var job = services.Jobs.Get(jobID, context.AuthenticatedUser());
        if (job is null || job.Status == JobState.Queued)
        {
            // MAAP's handler swallows the missing metrics of a queued job and falls through: 200 with a null body.
            return OgcResponses.Json(null);
        }

        var body = new JsonObject
        {
            ["machine_type"] = metrics.MachineType,
            ["architecture"] = metrics.Architecture,
            ["machine_memory_size"] = MemorySize(metrics.MachineMemoryBytes),
            ["directory_size"] = metrics.DirectorySizeBytes,
            ["operating_system"] = metrics.OperatingSystem,
            ["job_start_time"] = metrics.StartTime is { } start ? HysdsTime.Iso(start) : null,
            ["job_end_time"] = metrics.EndTime is { } end ? HysdsTime.Iso(end) : null,
            ["job_duration_seconds"] = metrics.DurationSeconds is { } seconds ? JsonNode.Parse(PythonJson.FloatRepr(seconds)) : null,
        };
        if (metrics.IsMeasured)
        {
            // The usage block exists once the job ended (HySDS's cgroups stats); a running job has the first eight only.
            body["cpu_usage"] = metrics.CpuNanoseconds;
            body["cache_usage"] = metrics.CacheBytes;
            body["mem_usage"] = metrics.MemoryBytes;
            body["max_mem_usage"] = metrics.MaxMemoryBytes;
            body["swap_usage"] = metrics.SwapBytes;
            body["read_io_stats"] = metrics.ReadBytes;
            body["write_io_stats"] = metrics.WriteBytes;
            body["sync_io_stats"] = metrics.SyncIoBytes;
            body["async_io_stats"] = metrics.AsyncIoBytes;
            body["total_io_stats"] = metrics.TotalIoBytes;
        }

        return OgcResponses.Json(body);
    }

    /// <summary>The machine's memory as facter's <c>memorysize</c> fact writes it, e.g. <c>15.39 GiB</c>.</summary>
    private static string MemorySize(long bytes) =>
        (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB";
}
