using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Endpoints;

/// <summary>
/// A Mozart job-status document (spec §8 details form), built from the stored row without extra queries. MAAP hands
/// this HySDS document out as it is in its job lists, whichever protocol lists them.
/// </summary>
internal static class MozartJobDocument
{
    public static void Write(Utf8JsonWriter w, JobRecord job, string hostRoot)
    {
        w.WriteStartObject();
        w.WriteString("resource", "job");
        w.WriteString("payload_hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(job.ContextJson)))[..32]);
        w.WriteString("payload_id", job.Id);
        w.WriteString("job_id", job.HysdsJobId);
        w.WriteString("type", job.JobType);
        w.WriteString("status", job.Status);
        w.WriteStartArray("tags");
        foreach (var tag in job.Tags.Distinct(StringComparer.Ordinal))
        {
            w.WriteStringValue(tag);
        }

        w.WriteEndArray();
        w.WriteString("username", job.UserName);
        w.WriteNumber("priority", job.Priority);
        w.WriteString("@timestamp", HysdsTime.Iso(job.SubmittedMs));
        if (job.Traceback is not null)
        {
            w.WriteString("traceback", job.Traceback);
        }

        w.WritePropertyName("context");
        w.WriteRawValue(job.ContextJson, skipInputValidation: true);
        w.WriteStartObject("job");
        w.WriteString("type", job.JobType);
        w.WriteString("name", job.HysdsJobId);
        w.WriteString("tag", job.Tag);
        w.WriteString("username", job.UserName);
        w.WriteStartObject("job_info");
        w.WriteString("id", job.HysdsJobId);
        w.WriteString("job_queue", job.Queue);
        w.WriteString("time_queued", HysdsTime.Iso(job.SubmittedMs));
        WriteTime(w, "time_start", job.StartedMs);
        WriteTime(w, "time_end", job.EndedMs);
        if (job.ExitCode is { } exit)
        {
            w.WriteNumber("exit_code", exit);
        }

        w.WriteStartObject("job_payload");
        w.WriteString("job_type", job.JobType);
        w.WriteString("payload_task_id", job.Id);
        w.WriteEndObject();
        if (job.StartedMs is not null)
        {
            WriteMetrics(w, job, hostRoot);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter w, JobRecord job, string hostRoot)
    {
        w.WriteStartObject("metrics");
        w.WriteStartArray("products_staged");
        foreach (var product in JobService.Products(job))
        {
            w.WriteStartObject();
            w.WriteString("id", product.Id);
            w.WriteStartArray("urls");
            var urls = product.Urls(hostRoot);
            w.WriteStringValue(urls[0]);
            w.WriteStringValue(urls[1]);
            w.WriteEndArray();
            w.WriteString("product_folder_path", product.FolderPath);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (job.MetricsJson is not null && JsonNode.Parse(job.MetricsJson)?["directory_size"] is { } size)
        {
            w.WritePropertyName("job_dir_size");
            w.WriteRawValue(size.ToJsonString());
        }

        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, long? ms)
    {
        if (ms is { } value)
        {
            w.WriteString(name, HysdsTime.Iso(value));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
