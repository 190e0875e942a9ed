using System.Globalization;
using System.Text.Json;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>
/// Reads a <c>GET /api/dps/job/list</c> body: both envelopes (<c>{"status",jobs}</c> and the older
/// <c>{"code","message",jobs}</c>) and both item shapes (compact <c>{id,tags}</c> and detailed <c>{"&lt;id&gt;": document}</c>).
/// </summary>
internal static class WpsJobListParser
{
    public static List<JobListItem> Parse(string body)
    {
        using var parsed = JsonDocument.Parse(body);
        if (parsed.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The job list is not a JSON object.");
        }

        var root = parsed.RootElement;
        if ((TryGetInt(root, "status") ?? TryGetInt(root, "code")) is { } code && code != 200)
        {
            throw new FormatException($"The job list envelope reports status {code}.");
        }

        if (!root.TryGetProperty("jobs", out var jobs) || jobs.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The job list has no \"jobs\" array.");
        }

        var items = new List<JobListItem>(jobs.GetArrayLength());
        foreach (var job in jobs.EnumerateArray())
        {
            items.Add(ParseItem(job));
        }

        return items;
    }

    private static JobListItem ParseItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A job list item is not an object.");
        }

        if (item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return new JobListItem(id.GetString()!, ReadTags(item), details: null);
        }

        foreach (var property in item.EnumerateObject())
        {
            // The detailed shape has exactly one key: the job id. Each kept document is copied on its own, so
            // the pooled parse buffers go back to the pool and no page-sized copy lands on the large object heap.
            var document = property.Value.Clone();
            return new JobListItem(property.Name, ReadTags(document), ParseDetails(document));
        }

        throw new FormatException("A job list item has neither an id nor a job document.");
    }

    private static JobDetails ParseDetails(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A detailed job document is not an object.");
        }

        var jobInfo = Path(document, "job", "job_info");
        var products = new List<JobOutput>();
        if (jobInfo is { } info && Path(info, "metrics", "products_staged") is { ValueKind: JsonValueKind.Array } staged)
        {
            foreach (var product in staged.EnumerateArray())
            {
                var urls = new List<JobOutputUrl>();
                if (product.TryGetProperty("urls", out var urlArray) && urlArray.ValueKind == JsonValueKind.Array)
                {
                    foreach (var url in urlArray.EnumerateArray())
                    {
                        if (url.ValueKind == JsonValueKind.String)
                        {
                            urls.Add(JobOutputUrl.Classify(url.GetString()!));
                        }
                    }
                }

                products.Add(new JobOutput(String(product, "id") ?? string.Empty, urls));
            }
        }

        var status = String(document, "status");
        var (algorithmId, algorithmVersion) = HysdsJobTypes.Split(String(document, "type"));
        return new JobDetails(
            status is null && String(document, "message") is not null ? null : HysdsStatuses.Read(status),
            algorithmId,
            algorithmVersion,
            jobInfo is { } i1 ? String(i1, "job_queue") : null,
            Path(document, "context") is { } context ? String(context, "tag") : null,
            jobInfo is { } i2 ? Time(i2, "time_queued") : null,
            jobInfo is { } i3 ? Time(i3, "time_start") : null,
            jobInfo is { } i4 ? Time(i4, "time_end") : null,
            products,
            status is null ? String(document, "message") : null,
            document);
    }

    private static List<string> ReadTags(JsonElement item)
    {
        var tags = new List<string>();
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("tags", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in array.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.String)
                {
                    tags.Add(tag.GetString()!);
                }
            }
        }

        return tags;
    }

    private static JsonElement? Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    private static int? TryGetInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
