using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints;

/// <summary>The WPS job routes, <c>/api/dps/job…</c> (spec §3–§8), with MAAP's codes, content types and quirks.</summary>
internal static class JobEndpoints
{
    private const string S3Host = "s3-emulator.localhost";
    private const string ConsolePrefix = "https://s3.console.aws.amazon.com/s3/buckets/";

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/dps/job", SubmitAsync);
        app.MapGet("/api/dps/job/list", List);
        app.MapGet("/api/dps/job/{id}", Result);
        app.MapGet("/api/dps/job/{id}/status", (string id, EmulatorServices s) => Status(id, s));
        app.MapGet("/api/dps/job/{id}/metrics", Metrics);
        app.MapGet("/api/dps/job/{username}/list", DeprecatedList);
        app.MapPost("/api/dps/job/cancel/{id}", CancelAsync);

        // maap-py asks for the status of "" after a failed submit: /api/dps/job//status (spec §18).
        app.MapFallback((HttpContext context, EmulatorServices s) =>
            context.Request.Path.Value == "/api/dps/job//status"
                ? Status(string.Empty, s)
                : Responses.HttpError(404, "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."));
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, EmulatorServices services)
    {
        var user = services.Authenticate(context, out var denied, out _);
        if (user is null)
        {
            return denied;
        }

        var body = await ReadCappedAsync(context.Request, ExecuteRequest.MaxBytes, context.RequestAborted);
        if (body is null)
        {
            return Responses.HttpError(413, "The data value transmitted exceeds the capacity limit.");
        }

        ExecuteRequest request;
        try
        {
            request = ExecuteRequest.Parse(body);
        }
        catch (FormatException e)
        {
            return Responses.UnhandledException("ParseError", e.Message);
        }

        JobRecord job;
        try
        {
            job = JobSubmission.Create(request, user, services.Catalog, services.Queues, DateTimeOffset.UtcNow);
        }
        catch (SubmitException e)
        {
            return Responses.MislabelledXml(WpsXml.ExceptionReport("FailedJobSubmit", "Execute", e.Message), e.Status);
        }

        services.Store.InsertJob(job);
        services.Scheduler.Enqueue(job);
        return Responses.Xml(WpsXml.StatusInfo(job.Id, "Accepted"));
    }

    private static IResult Status(string id, EmulatorServices services) =>
        Responses.Xml(WpsXml.StatusInfo(id, JobState.ToWps(services.Store.GetJob(id)?.Status)));

    private static IResult Result(string id, HttpContext context, EmulatorServices services)
    {
        var job = services.Store.GetJob(id);
        if (job is null || job.Status == JobState.Queued)
        {
            // A queued job has no metrics yet, and MAAP dereferences them anyway (spec §5).
            return Responses.Xml(WpsXml.ExceptionReport("FailedGetResult", "GetResult",
                $"Failed to get job result of job with id: {id}. 'NoneType' object has no attribute 'get'. If you don't see expected results, please contact administrator of DPS"), 500);
        }

        var root = EmulatorServices.HostRoot(context.Request);
        var outputs = new List<(string, IReadOnlyList<string>)>();
        foreach (var product in Products(job))
        {
            outputs.Add((product.Id, ProductUrls(root, product.Path)));
            if (job.Traceback is not null)
            {
                // MAAP returns inside its loop: the first product, then the traceback (spec §5).
                outputs.Add(("traceback", [job.Traceback]));
                break;
            }
        }

        return Responses.Xml(WpsXml.Result(id, outputs));
    }

    private static IResult Metrics(string id, EmulatorServices services)
    {
        var job = services.Store.GetJob(id);
        if (job?.MetricsJson is null)
        {
            var reason = job is null ? "'NoneType' object has no attribute 'get'" : "list index out of range";
            return Responses.Xml(WpsXml.ExceptionReport("FailedGetMetrics", "GetMetrics",
                $"Failed to get job metrics. {reason}. Please contact administrator of DPS for clarification if needed"), 500);
        }

        var m = JsonNode.Parse(job.MetricsJson)!.AsObject();
        var quirk = services.Options.ReproduceMetricsQuirk;
        var sb = new StringBuilder(1024).Append("<metrics>");
        Element(sb, "machine_type", "emulator");
        Element(sb, "architecture", System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "x86_64",
            System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
            var other => other.ToString().ToLowerInvariant(),
        });
        Element(sb, "machine_memory_size", GC.GetGCMemoryInfo().TotalAvailableMemoryBytes.ToString(CultureInfo.InvariantCulture));
        Element(sb, "directory_size", Value(m, "directory_size"));
        Element(sb, "operating_system", Environment.OSVersion.Platform == PlatformID.Unix ? "Linux" : Environment.OSVersion.Platform.ToString());
        Element(sb, "job_start_time", Value(m, "job_start_time"));
        Element(sb, "job_end_time", Value(m, "job_end_time"));
        Element(sb, "job_duration_seconds", Value(m, "job_duration_seconds"));
        Element(sb, "cpu_usage", Value(m, "cpu_usage"));
        Element(sb, "cache_usage", Value(m, "cache_usage"));
        var broken = new[] { "mem_usage", "max_mem_usage", "swap_usage", "read_io_stats", "write_io_stats", "sync_io_stats", "async_io_stats", "total_io_stats" };
        foreach (var name in broken)
        {
            var measured = name switch
            {
                "sync_io_stats" => "0",
                "async_io_stats" => "0",
                "total_io_stats" => (Long(m, "read_io_stats") + Long(m, "write_io_stats")).ToString(CultureInfo.InvariantCulture),
                _ => Value(m, name),
            };
            Element(sb, name, quirk ? ElementRepr(name, job.Id) : measured);
        }

        return Responses.Xml(sb.Append("</metrics>").ToString());
    }

    private static async Task<IResult> CancelAsync(string id, HttpContext context, EmulatorServices services, string? wait_for_completion)
    {
        var user = services.Authenticate(context, out var denied, out _);
        if (user is null)
        {
            return denied;
        }

        var job = services.Store.GetJob(id);
        if (job is not null && job.UserName != user.Name)
        {
            job = null; // another user's job behaves as unknown
        }

        var purged = false;
        if (job is not null && job.Status == JobState.Queued)
        {
            // Either the purge wins, or a worker took the job meanwhile and it is cancelled as a running one.
            purged = services.Store.TryPurgeQueued(id, user.Name);
            job = purged ? job : services.Store.GetJob(id);
        }

        if (job is null)
        {
            return Responses.Xml(WpsXml.ExceptionReport("FailedJobSubmit", "Execute",
                $"Failed to dismiss job {id}. Please try again or contact DPS administrator. Job with id {id} was not found."), 500);
        }

        if (!purged && job.Status == JobState.Started)
        {
            services.Scheduler.Revoke(id);
        }
        else if (!purged)
        {
            return Responses.MislabelledXml(WpsXml.ExceptionReport("FailedJobCancel", "Dismiss", $"Not allowed to cancel job with status {job.Status}"), 400);
        }

        if (string.IsNullOrEmpty(wait_for_completion))
        {
            return Responses.Xml(WpsXml.StatusInfo(id, "Accepted"), 202);
        }

        // Any non-empty value waits, "false" included (spec §7). The status reported is the lightweight job's.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (services.Scheduler.IsRunning(id) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, context.RequestAborted);
        }

        var done = !services.Scheduler.IsRunning(id);
        return Responses.Xml(WpsXml.StatusInfo(id, done ? "Succeeded" : "Running"), done ? 202 : 500);
    }

    /// <summary>The pre-4.2 maap-py route: the caller's own list, 403 for anyone else's (spec §8).</summary>
    private static IResult DeprecatedList(string username, HttpContext context, EmulatorServices services)
    {
        var user = services.Authenticate(context, out var denied, out _);
        if (user is null)
        {
            return denied;
        }

        return username == user.Name
            ? List(context, services)
            : Responses.Xml(WpsXml.ExceptionReport("FailedGetJobs", "GetJobs", $"Failed to get jobs for user {username}. Forbidden request"), 403);
    }

    private static IResult List(HttpContext context, EmulatorServices services)
    {
        var user = services.Authenticate(context, out var denied, out _);
        if (user is null)
        {
            return denied;
        }

        var q = context.Request.Query;
        string? status = null;
        if (q["status"].ToString() is { Length: > 0 } wps && !JobState.TryFromWps(wps, out status))
        {
            return Responses.UnhandledException("ValueError",
                $"Invalid WPS status: {wps}. Valid values are: Accepted, Running, Succeeded, Failed, Dismissed, Deduped, Deleted, Offline");
        }

        var filter = new JobListFilter(user.Name)
        {
            JobType = NonEmpty(q["job_type"]),
            Tag = NonEmpty(q["tag"]),
            Queue = NonEmpty(q["queue"]),
            Priority = int.TryParse(q["priority"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null,
            Status = status,
            StartMs = Time(q["start_time"]),
            EndMs = Time(q["end_time"]),
            Offset = Math.Max(0, int.TryParse(q["offset"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0),
            Limit = Math.Clamp(int.TryParse(q["page_size"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ps) ? ps : 100, 0, 250),
        };
        var details = q["get_job_details"].ToString() is not { Length: > 0 } d || d.Equals("true", StringComparison.OrdinalIgnoreCase);
        var jobs = services.Store.ListJobs(filter);
        var root = EmulatorServices.HostRoot(context.Request);

        var buffer = new ArrayBufferWriter<byte>(jobs.Count * (details ? 2048 : 64) + 64);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("status", 200);
            w.WriteStartArray("jobs");
            foreach (var job in jobs)
            {
                w.WriteStartObject();
                if (details)
                {
                    w.WritePropertyName(job.Id);
                    WriteMozartDocument(w, job, root);
                }
                else
                {
                    w.WriteString("id", job.Id);
                    w.WriteStartArray("tags");
                    foreach (var tag in job.Tags)
                    {
                        w.WriteStringValue(tag);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Responses.RawJson(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>A Mozart job-status document (spec §8 details form), built from the stored row without extra queries.</summary>
    private static void WriteMozartDocument(Utf8JsonWriter w, JobRecord job, string root)
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
        w.WriteString("@timestamp", JobRunner.Iso(DateTimeOffset.FromUnixTimeMilliseconds(job.SubmittedMs)));
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
        w.WriteString("time_queued", JobRunner.Iso(DateTimeOffset.FromUnixTimeMilliseconds(job.SubmittedMs)));
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
            w.WriteStartObject("metrics");
            w.WriteStartArray("products_staged");
            foreach (var product in Products(job))
            {
                w.WriteStartObject();
                w.WriteString("id", product.Id);
                w.WriteStartArray("urls");
                var urls = ProductUrls(root, product.Path);
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

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, long? ms)
    {
        if (ms is { } value)
        {
            w.WriteString(name, JobRunner.Iso(DateTimeOffset.FromUnixTimeMilliseconds(value)));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private sealed record Product(string Id, string Path, string FolderPath);

    private static List<Product> Products(JobRecord job)
    {
        var list = new List<Product>();
        if (job.ProductsJson is null)
        {
            return list;
        }

        foreach (var p in JsonNode.Parse(job.ProductsJson)!.AsArray())
        {
            list.Add(new Product(p!["id"]!.GetValue<string>(), p["path"]!.GetValue<string>(), p["product_folder_path"]!.GetValue<string>()));
        }

        return list;
    }

    /// <summary>The three URLs MAAP lists for a product: http (website), s3 (with :80) and the S3 console.</summary>
    private static string[] ProductUrls(string root, string relative)
    {
        var bucketPath = $"{EmulatorPaths.Bucket}/{relative}";
        return
        [
            $"{root}/{Uri.EscapeDataString(EmulatorPaths.Bucket)}/{string.Join('/', relative.Split('/').Select(Uri.EscapeDataString))}",
            $"s3://{S3Host}:80/{bucketPath}",
            $"{ConsolePrefix}{bucketPath}/?region=us-east-1&tab=overview",
        ];
    }

    private static string ElementRepr(string name, string jobId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(jobId + name));
        var address = 0x7f0000000000L | (BitConverter.ToInt64(hash, 0) & 0xffffffff0L);
        return $"<Element '{name}' at 0x{address:x}>";
    }

    private static void Element(StringBuilder sb, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            sb.Append('<').Append(name).Append(" />");
            return;
        }

        sb.Append('<').Append(name).Append('>').Append(WpsXml.Text(value)).Append("</").Append(name).Append('>');
    }

    private static string? Value(JsonObject m, string name) => m[name] switch
    {
        null => "None",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var v => v.ToJsonString(),
    };

    private static long Long(JsonObject m, string name) => m[name] is JsonValue v && v.TryGetValue<long>(out var l) ? l : 0;

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } s ? s : null;

    /// <summary>An all-digit value is epoch milliseconds; anything else a date string (spec §8).</summary>
    private static long? Time(Microsoft.Extensions.Primitives.StringValues value)
    {
        var s = value.ToString();
        if (s.Length == 0)
        {
            return null;
        }

        if (s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return ms;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUnixTimeMilliseconds() : null;
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
