using System.Text.Json;

namespace Maap.Algorithms.Protocol.Ogc;

/// <summary>
/// Reads a <c>GET /api/ogc/jobs</c> page (OGC spec §3.10): the compact items <c>{jobID,type,status,job_type}</c> or,
/// with details, whole Mozart documents. The top-level <c>"status": 200</c> and a stray top-level <c>inputs</c> (a
/// server bug with <c>fields=inputs</c>) are ignored; so is the buggy <c>job_type</c> of detailed items (always
/// <c>"process"</c>): the real job type is <c>job.type</c>.
/// </summary>
internal static class OgcJobListReader
{
    public static List<JobListItem> Read(string body, bool details)
    {
        using var document = OgcJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The job list is not a JSON object.");
        }

        if (!root.TryGetProperty("jobs", out var jobs) || jobs.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The job list has no \"jobs\" array.");
        }

        var items = new List<JobListItem>(jobs.GetArrayLength());
        foreach (var job in jobs.EnumerateArray())
        {
            if (job.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A job list item is not an object.");
            }

            var id = OgcJson.String(job, "jobID") ?? throw new FormatException("A job list item has no jobID.");
            items.Add(details ? ReadDetailed(id, job.Clone()) : new JobListItem(id, OgcJson.Strings(job, "tags"), details: null));
        }

        return items;
    }

    private static JobListItem ReadDetailed(string id, JsonElement job)
    {
        var mozartJob = OgcJson.Property(job, "job");
        var jobInfo = mozartJob is { } j ? OgcJson.Property(j, "job_info") : null;
        var (algorithmId, version) = HysdsJobTypes.Split(mozartJob is { } mj ? OgcJson.String(mj, "type") : null);
        var products = new List<JobOutput>();
        if (jobInfo is { } info && OgcJson.Property(info, "metrics") is { } metrics
            && OgcJson.Property(metrics, "products_staged") is { ValueKind: JsonValueKind.Array } staged)
        {
            foreach (var product in staged.EnumerateArray())
            {
                var urls = OgcJson.Strings(product, "urls").Select(JobOutputUrl.Classify).ToList();
                products.Add(new JobOutput(OgcJson.String(product, "id") ?? string.Empty, urls));
            }
        }

        var status = job.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var details = new JobDetails(
            OgcStatuses.Read(status),
            algorithmId,
            version,
            jobInfo is { } i1 ? OgcJson.String(i1, "job_queue") : null,
            OgcJson.Property(job, "context") is { } context ? OgcJson.String(context, "tag") : null,
            jobInfo is { } i2 ? OgcJson.Time(i2, "time_queued") : null,
            jobInfo is { } i3 ? OgcJson.Time(i3, "time_start") : null,
            jobInfo is { } i4 ? OgcJson.Time(i4, "time_end") : null,
            products,
            errorMessage: null,
            job);
        return new JobListItem(id, OgcJson.Strings(job, "tags"), details);
    }
}
