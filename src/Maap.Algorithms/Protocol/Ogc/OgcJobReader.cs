using System.Text.Json;

namespace Maap.Algorithms.Protocol.Ogc;

/// <summary>
/// Reads the bodies of the OGC job routes (OGC spec §3.7, §3.11–3.14) into the canonical job model. Each method takes
/// the body text and throws <see cref="FormatException"/> or <see cref="JsonException"/> for a shape MAAP never sends.
/// </summary>
internal static class OgcJobReader
{
    private const string TracebackPrefix = "Job failed and traceback is ";

    /// <summary>The job id and status of a 202 execution answer or a status body; <c>type</c> may be null, and is not read.</summary>
    public static StatusInfo ReadStatusInfo(string body)
    {
        using var document = OgcJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The job status is not a JSON object.");
        }

        var id = OgcJson.String(root, "jobID");
        if (string.IsNullOrEmpty(id))
        {
            throw new FormatException("The job status has no jobID.");
        }

        if (!root.TryGetProperty("status", out var status) || status.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw new FormatException("The job status has no status.");
        }

        return new StatusInfo(id, OgcStatuses.Read(status.ValueKind == JsonValueKind.Null ? null : status.GetString()));
    }

    /// <summary>
    /// A results body: <c>{}</c> (running), <c>null</c> (metrics without products), or <c>additionalPropN</c> products whose
    /// last link is the S3 console URL, with <c>detail</c> carrying a failed job's traceback.
    /// </summary>
    public static JobResult ReadResult(string jobId, string body)
    {
        using var document = OgcJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return new JobResult(jobId, [], traceback: null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The job result is not a JSON object.");
        }

        string? traceback = null;
        var outputs = new List<JobOutput>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("detail"))
            {
                var detail = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                traceback = detail.StartsWith(TracebackPrefix, StringComparison.Ordinal) ? detail[TracebackPrefix.Length..] : detail;
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                // Products are objects; anything else is not one, whatever its key.
                continue;
            }

            outputs.Add(ReadOutput(property.Name, property.Value));
        }

        return new JobResult(jobId, outputs, traceback);
    }

    /// <summary>A metrics body; <c>null</c> (queued, or any server-side error) gives metrics with no values.</summary>
    public static JobMetrics ReadMetrics(string body)
    {
        using var document = OgcJson.Parse(body);
        var root = document.RootElement;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (root.ValueKind == JsonValueKind.Null)
        {
            return new JobMetrics(values);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The job metrics are not a JSON object.");
        }

        foreach (var property in root.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        return new JobMetrics(values);
    }

    /// <summary>True for the OGC problem body MAAP sends for an unknown or purged job id.</summary>
    public static bool IsNoSuchJob(string body)
    {
        try
        {
            using var document = OgcJson.Parse(body);
            return OgcJson.String(document.RootElement, "type") is { } type && type.EndsWith("/no-such-job", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JobOutput ReadOutput(string key, JsonElement product)
    {
        var urls = new List<JobOutputUrl>();
        if (OgcJson.Property(product, "links") is { ValueKind: JsonValueKind.Array } links)
        {
            var count = links.GetArrayLength();
            var index = 0;
            foreach (var link in links.EnumerateArray())
            {
                index++;
                if (OgcJson.String(link, "href") is not { } href)
                {
                    continue;
                }

                // MAAP appends the S3 console link last, and without an s3:// URL it is a bare prefix no pattern recognises.
                urls.Add(index == count ? new JobOutputUrl(href, JobOutputUrlKind.Console) : JobOutputUrl.Classify(href));
            }
        }

        return new JobOutput(OgcJson.String(product, "id") ?? key, urls);
    }
}
