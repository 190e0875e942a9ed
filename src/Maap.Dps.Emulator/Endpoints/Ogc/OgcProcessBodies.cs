using System.Globalization;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Processes;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>The bodies of the process and deployment routes, keys in MAAP's order (<c>maap-ogc-spec.md</c> §3.1–3.7, §3.15).</summary>
internal static class OgcProcessBodies
{
    public static string ProcessHref(int processId) => "/ogc/processes/" + processId.ToString(CultureInfo.InvariantCulture);

    public static string DeploymentHref(int jobId) => "/ogc/deploymentJobs/" + jobId.ToString(CultureInfo.InvariantCulture);

    public static JsonObject SelfLink(int processId) =>
        OgcResponses.Link(ProcessHref(processId), "self", "OGC Process Description");

    /// <summary>The database's comma string split on <c>,</c>, or <c>[]</c>.</summary>
    public static JsonArray Keywords(string? keywords) =>
        string.IsNullOrEmpty(keywords) ? [] : new JsonArray([.. keywords.Split(',').Select(k => (JsonNode?)JsonValue.Create(k))]);

    /// <summary>One entry of <c>GET /ogc/processes</c>: <c>processID</c> an int.</summary>
    public static JsonObject ListEntry(OgcProcess p) => new()
    {
        ["title"] = p.Cwl.Title,
        ["description"] = p.Cwl.Description,
        ["keywords"] = Keywords(p.Cwl.Keywords),
        ["metadata"] = new JsonArray(),
        ["processID"] = p.ProcessId,
        ["id"] = p.Row.Id,
        ["version"] = p.Row.Version,
        ["jobControlOptions"] = new JsonArray(),
        ["author"] = p.Cwl.Author,
        ["deployedBy"] = p.Row.Deployer,
        ["lastModifiedTime"] = p.Row.LastModified,
        ["cwlLink"] = p.Row.CwlLink,
        ["links"] = new JsonArray(SelfLink(p.ProcessId)),
    };

    /// <summary><c>GET /ogc/processes/{id}</c>: <c>processID</c> is the path text; <c>inputs</c> the hysds-io params by name.</summary>
    public static JsonObject Describe(OgcProcess p, string pathId)
    {
        var inputs = new JsonObject();
        foreach (var param in p.Cwl.HysdsIoParams.OfType<JsonObject>())
        {
            inputs[param["name"]!.GetValue<string>()] = param.DeepClone();
        }

        return new JsonObject
        {
            ["title"] = p.Cwl.Title,
            ["description"] = p.Cwl.Description,
            ["keywords"] = Keywords(p.Cwl.Keywords),
            ["metadata"] = new JsonArray(),
            ["id"] = p.Row.Id,
            ["processID"] = pathId,
            ["version"] = p.Row.Version,
            ["jobControlOptions"] = new JsonArray(),
            ["author"] = p.Cwl.Author,
            ["deployedBy"] = p.Row.Deployer,
            ["githubUrl"] = p.Cwl.GithubUrl,
            ["gitCommitHash"] = p.Cwl.GitCommitHash,
            ["cwlLink"] = p.Row.CwlLink,
            ["ramMin"] = p.Cwl.RamMin,
            ["coresMin"] = p.Cwl.CoresMin,
            ["baseCommand"] = p.Cwl.BaseCommandText,
            ["links"] = new JsonArray(
                SelfLink(p.ProcessId),
                OgcResponses.Link(ProcessHref(p.ProcessId) + "/package", "service-desc", "OGC Process Package Description")),
            ["inputs"] = inputs,
        };
    }

    public static JsonObject Package(OgcProcess p) => new()
    {
        ["processDescription"] = p.Cwl.Description,
        ["executionUnit"] = OgcResponses.Link(p.Row.CwlLink!, "monitor-desc", "Process Reference", "text/html"),
    };

    /// <summary>The 202 of a deploy.</summary>
    public static JsonObject Deployed(ProcessCwl cwl, DeploymentRow d, string hostRoot) => new()
    {
        ["title"] = cwl.Title,
        ["description"] = cwl.Description,
        ["keywords"] = Keywords(cwl.Keywords),
        ["metadata"] = new JsonArray(),
        ["id"] = cwl.Id,
        ["version"] = cwl.Version,
        ["jobControlOptions"] = new JsonArray(),
        ["deploymentJobID"] = d.JobId,
        ["status"] = d.Status,
        ["created"] = d.Created,
        ["links"] = new JsonArray(OgcResponses.Link(DeploymentHref(d.JobId), "monitor", "Deploying process status link")),
        ["processPipelineLink"] = OgcResponses.Link(PipelineUrl(d, hostRoot), "monitor", "Link to process pipeline", "text/html"),
    };

    /// <summary>The 202 of a replace.</summary>
    public static JsonObject Replaced(ProcessCwl cwl, DeploymentRow d, int processId, string hostRoot) => new()
    {
        ["id"] = cwl.Id,
        ["version"] = cwl.Version,
        ["links"] = new JsonArray(
            OgcResponses.Link(DeploymentHref(d.JobId), "monitor", "Deploying process status link"),
            OgcResponses.Link(ProcessHref(processId), "self", "Process")),
        ["processPipelineLink"] = OgcResponses.Link(PipelineUrl(d, hostRoot), "monitor", "Link to process pipeline", "text/html"),
    };

    /// <summary>
    /// A deployment as <c>GET /ogc/deploymentJobs/{id}</c> shows it (<c>links</c> an object, <c>processLocation</c> once
    /// the processID is known); the list puts <c>jobId</c> first. A failed deployment also carries <c>detail</c>, the
    /// reason, where MAAP would link the failed pipeline (an emulator addition).
    /// </summary>
    public static JsonObject Deployment(DeploymentRow d, string hostRoot, bool listed)
    {
        var body = new JsonObject();
        if (listed)
        {
            body["jobId"] = d.JobId;
        }

        body["created"] = d.Created;
        body["status"] = d.Status;
        body["pipeline"] = new JsonObject
        {
            ["executionVenue"] = "gitlab",
            ["pipelineId"] = d.JobId,
            ["processPipelineLink"] = OgcResponses.Link(PipelineUrl(d, hostRoot), "monitor", "Deploying Process Pipeline", "text/html"),
        };
        body["cwl"] = OgcResponses.Link(d.CwlHref!, "service-desc", "Process Reference", "application/cwl");
        body["links"] = OgcResponses.Link(DeploymentHref(d.JobId), "self", "Deployment Link");
        if (d.ProcessId is { } processId)
        {
            body["processLocation"] = OgcResponses.Link(ProcessHref(processId), "service-doc", "Process Location");
        }

        if (d.Status == ProcessStatus.Failed && d.Reason is not null)
        {
            body["detail"] = d.Reason;
        }

        return body;
    }

    /// <summary>
    /// Where MAAP links the GitLab pipeline (<c>{GITLAB_URL}/root/deploy-ogc-hysds/-/pipelines/{id}</c>). The emulator
    /// runs no pipeline; the link keeps MAAP's shape on the emulator's host and is not served.
    /// </summary>
    private static string PipelineUrl(DeploymentRow d, string hostRoot) =>
        $"{hostRoot}/root/deploy-ogc-hysds/-/pipelines/{d.JobId.ToString(CultureInfo.InvariantCulture)}";
}
