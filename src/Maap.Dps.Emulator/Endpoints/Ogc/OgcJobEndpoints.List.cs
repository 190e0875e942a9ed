using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Store;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>The caller's job list (<c>maap-ogc-spec.md</c> §3.10), with MAAP's quirks kept.</summary>
internal static partial class OgcJobEndpoints
{
    private static IResult List(HttpContext context, EmulatorServices services)
    {
        var caller = context.AuthenticatedUser();
        if (OgcJobListQuery.TryParse(context.Request.Query, caller, services.Jobs.Processes, out var query) is { } refused)
        {
            return refused;
        }

        if (query.NoSuchProcess)
        {
            return OgcResponses.Json(OgcJobListQuery.EmptyAnswer());
        }

        var root = EmulatorServices.HostRoot(context.Request);
        var refinement = query.Refinement();
        if (refinement is null)
        {
            // MAAP converts the durations only after fetching the page, and puts that raw page in its error.
            var page = services.Jobs.List(query.Filter, caller);
            return OgcResponses.Json(new JsonObject
            {
                ["status"] = StatusCodes.Status500InternalServerError,
                ["jobs"] = new JsonArray([.. page.Select(job => (JsonNode?)OgcJobFields.MozartDocument(job, root))]),
                ["detail"] = "Min/ max duration must be able to be converted to integers or floats",
            }, StatusCodes.Status500InternalServerError);
        }

        var jobs = services.Jobs.List(query.Filter, refinement, caller);
        var items = new JsonArray();
        var links = new JsonArray();
        JsonNode? inputs = null;
        var anyInputs = false;
        foreach (var job in jobs)
        {
            // The Mozart document is only rendered when details or fields need it.
            var document = query.Details || query.Fields.Count > 0 ? OgcJobFields.MozartDocument(job, root) : null;
            var item = query.Details ? DetailedItem(job, document!.DeepClone().AsObject()) : CompactItem(job);
            var invalid = document is null ? null : AddListFields(item, job, document, query.Fields, services.Jobs.Processes, root, ref inputs, ref anyInputs);
            if (invalid is not null)
            {
                // MAAP validates fields while it walks the jobs: an unknown field is only refused once a job reaches it.
                return InvalidField(invalid);
            }

            items.Add(item);
            links.Add(OgcResponses.Link($"/ogc/job/{job.Id}", "self", "Job")); // singular: MAAP's link to a route that does not exist
        }

        var body = new JsonObject { ["status"] = StatusCodes.Status200OK, ["jobs"] = items, ["links"] = links };
        if (anyInputs)
        {
            // MAAP writes inputs on the response, not the job: the last job's inputs win.
            body["inputs"] = inputs;
        }

        return OgcResponses.Json(body);
    }

    private static JsonObject CompactItem(JobRecord job) => new()
    {
        ["jobID"] = job.Id,
        ["type"] = "process",
        ["status"] = OgcJobStatus.FromState(job.Status),
        ["job_type"] = job.JobType,
    };

    /// <summary>
    /// The whole Mozart document with MAAP's keys written over it. <c>job_type</c> is read back after <c>type</c> was
    /// overwritten, so it is always <c>"process"</c> (MAAP's bug; the real type stays at <c>job.type</c>).
    /// </summary>
    private static JsonObject DetailedItem(JobRecord job, JsonObject document)
    {
        document["jobID"] = job.Id;
        document["type"] = "process";
        document["status"] = OgcJobStatus.FromState(job.Status);
        document["job_type"] = document["type"]!.DeepClone();
        return document;
    }

    /// <summary>
    /// Appends <paramref name="fields"/> to one list item as MAAP does: a key of the raw Mozart document is copied as it
    /// is (so <c>status</c> and <c>type</c> become HySDS's), the rest are computed; a field that fails for this job
    /// (a process field of a non-OGC job, products of a job that staged none) silently ends this job's fields.
    /// Returns the first unknown field, if this job reaches one.
    /// </summary>
    private static string? AddListFields(JsonObject item, JobRecord job, JsonObject document, IReadOnlyList<string> fields,
        IProcessDirectory processes, string hostRoot, ref JsonNode? inputs, ref bool anyInputs)
    {
        OgcProcessSummary? process = null;
        foreach (var field in fields)
        {
            if (document.TryGetPropertyValue(field, out var raw))
            {
                item[field] = raw?.DeepClone();
                continue;
            }

            if (field is "title" or "description" or "keywords" or "processID")
            {
                process ??= processes.TryGetProcess(job.JobType);
                if (process is null)
                {
                    return null;
                }
            }

            JsonNode? value;
            switch (field)
            {
                case "title": value = process!.Title; break;
                case "description": value = process!.Description; break;
                case "keywords": value = process!.Keywords; break; // the raw comma string here, unlike the status route
                case "processID": value = process!.ProcessId; break;
                case "created": value = OgcJobFields.Time(job.SubmittedMs); break;
                case "started": value = OgcJobFields.Time(job.StartedMs); break;
                case "finished": value = OgcJobFields.Time(job.EndedMs); break;
                case "job_queue": value = job.Queue; break;
                case "process_name":
                    if (OgcJobFields.ProcessName(job.JobType) is not { } name)
                    {
                        return null;
                    }

                    value = name;
                    break;
                case "products":
                    if (OgcJobFields.FirstProductUrl(job, hostRoot) is not { } url)
                    {
                        return null;
                    }

                    value = url;
                    break;
                case "inputs":
                    inputs = OgcJobFields.Inputs(job);
                    anyInputs = true;
                    continue;
                default:
                    return field;
            }

            item[field] = value;
        }

        return null;
    }
}
