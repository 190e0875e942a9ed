using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Jobs;

/// <summary>The job payload of a deployed OGC process: the same work dir as a WPS job, with MAAP's OGC job spec.</summary>
internal static partial class JobSubmission
{
    /// <summary>The bucket MAAP's OGC job spec names the process CWL in (<c>MAAP_CODE_BUCKET</c>); the emulator's stand-in.</summary>
    public const string ProcessCodeBucket = "emulator-code";

    /// <summary>
    /// <c>_context.json</c> of an OGC job: every given input by name at the top level (as for WPS jobs), file inputs'
    /// URLs in <c>localize_urls</c>, and a <c>job_specification.command</c> in MAAP's OGC form,
    /// <c>/app/dps_wrapper.sh s3://{bucket}/ogc-app-pack/{id}_{deployerMemberId}.{version}.process.cwl</c>
    /// (<c>maap-ogc-spec.md</c> §6.2), which is how code in the job tells an OGC job from a WPS one.
    /// </summary>
    private static JsonObject BuildOgcContext(AlgorithmRecord algorithm, List<(AlgorithmParam Param, JsonNode? Value)> resolved, string tag, string queue, long timeLimitSeconds, string user)
    {
        var context = new JsonObject();
        var localize = new JsonArray();
        var specParams = new JsonArray();
        var command = $"/app/dps_wrapper.sh s3://{ProcessCodeBucket}/ogc-app-pack/{algorithm.Name}.{algorithm.Version}.process.cwl";
        foreach (var (p, value) in resolved)
        {
            context[p.Name] = value?.DeepClone();
            specParams.Add(new JsonObject { ["destination"] = p.Destination, ["name"] = p.Name, ["value"] = value?.DeepClone() });
            if (p.Destination == "localize")
            {
                foreach (var url in OgcLocalizeUrls(value))
                {
                    localize.Add(new JsonObject { ["url"] = url });
                }
            }
        }

        context["tag"] = tag;
        context["username"] = user;
        context["localize_urls"] = localize;
        context["_command"] = command;
        context["_disk_usage"] = algorithm.DiskSpace;
        context["job_specification"] = new JsonObject
        {
            ["command"] = command,
            ["disk_usage"] = algorithm.DiskSpace,
            ["imported_worker_files"] = new JsonObject { ["${HYSDS_ROOT_WORK_DIR}/etc/maap-dps.env"] = "/maap-dps.env" },
            ["post"] = new JsonArray("hysds.triage.triage"),
            ["soft_time_limit"] = timeLimitSeconds,
            ["time_limit"] = timeLimitSeconds,
            ["job-version"] = algorithm.Version,
            ["job_queue"] = queue,
            ["params"] = specParams,
        };
        return context;
    }

    /// <summary>A File input's URLs: a URL string, a CWL <c>{class: File, location|path}</c> object, or a list of those.</summary>
    public static IEnumerable<string> OgcLocalizeUrls(JsonNode? value) => value switch
    {
        JsonArray list => list.SelectMany(OgcLocalizeUrls),
        JsonObject file => CwlCommandLine.FileLocation(file) is { } location ? [location] : [],
        null => [],
        _ => [CommandLine.Text(value)],
    };
}
