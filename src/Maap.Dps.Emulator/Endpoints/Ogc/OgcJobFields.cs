using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>
/// The per-job values the OGC job routes show (<c>maap-ogc-spec.md</c> §3.10–3.11), read from the stored job the way
/// MAAP reads them from Mozart's job document.
/// </summary>
internal static class OgcJobFields
{
    public const string ProcessIdUnknown = "Error getting process ID";
    public const string ProcessNameUnknown = "Error getting process name";

    /// <summary>The Mozart job document MAAP starts from, as Python holds it (so numbers keep Python's text).</summary>
    public static JsonObject MozartDocument(JobRecord job, string hostRoot)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer))
        {
            MozartJobDocument.Write(w, job, hostRoot);
        }

        return PythonJson.Loads(Encoding.UTF8.GetString(buffer.WrittenSpan))!.AsObject();
    }

    /// <summary><c>"{id}:{version}"</c> of a <c>job-{id}_{memberId}:{version}</c> type, or null when it is not of that form.</summary>
    public static string? ProcessName(string jobType)
    {
        // MAAP splits from the right: the version at the last ':', the member id at the last '_' before it. A WPS type
        // without '_' does not split; one with '_' splits wrongly, as on MAAP (job-dps_tutorial:main → dps:main).
        var colon = jobType.LastIndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        var name = jobType[..colon];
        var underscore = name.LastIndexOf('_');
        if (underscore < 0)
        {
            return null;
        }

        var id = name[..underscore];
        id = id.StartsWith("job-", StringComparison.Ordinal) ? id[4..] : id;
        return $"{id}:{jobType[(colon + 1)..]}";
    }

    /// <summary>The first URL of the first staged product (its http URL), or null when nothing is staged.</summary>
    public static string? FirstProductUrl(JobRecord job, string hostRoot) =>
        JobService.Products(job) is [var first, ..] ? first.Urls(hostRoot)[0] : null;

    /// <summary><c>job_specification.params</c> of the job's payload: the inputs as DPS recorded them; null when absent.</summary>
    public static JsonNode? Inputs(JobRecord job)
    {
        try
        {
            return PythonJson.Loads(job.ContextJson)?["job_specification"]?["params"]?.DeepClone();
        }
        catch (InvalidOperationException)
        {
            return null; // a payload that is not an object: MAAP's lookup fails and it answers null
        }
    }

    public static string? Time(long? unixMs) => unixMs is { } ms ? HysdsTime.Iso(ms) : null;

    /// <summary>A process's comma keyword string as a list, as the status route shows it; <c>[]</c> without keywords.</summary>
    public static JsonArray KeywordList(string? keywords) =>
        string.IsNullOrEmpty(keywords) ? [] : new JsonArray([.. keywords.Split(',').Select(k => (JsonNode?)JsonValue.Create(k))]);

    /// <summary>
    /// A query parameter as Flask reads it: the key matched exactly (ASP.NET matches keys case-insensitively) and the
    /// first value when it is repeated; null when absent.
    /// </summary>
    public static string? Param(IQueryCollection query, string name)
    {
        foreach (var (key, values) in query)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return values.Count > 0 ? values[0] : null;
            }
        }

        return null;
    }

    /// <summary>Whether a flag parameter is the text <c>true</c> in any case, MAAP's only truthy spelling.</summary>
    public static bool Flag(IQueryCollection query, string name) =>
        string.Equals(Param(query, name), "true", StringComparison.OrdinalIgnoreCase);
}
