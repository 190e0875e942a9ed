using System.Text.Json;
using Maap.Algorithms.Protocol.Ogc;

namespace Maap.Algorithms;

/// <summary>
/// Reads the bodies of the OGC process routes (OGC spec §3.1–3.6, §3.15). <c>processID</c> is a number in the list and
/// a string in describe; both are read as text. Throws <see cref="FormatException"/> for a shape MAAP never sends.
/// </summary>
internal static class ProcessDocuments
{
    public static List<ProcessSummary> ReadList(string body)
    {
        using var document = OgcJson.Parse(body);
        if (OgcJson.Property(document.RootElement, "processes") is not { ValueKind: JsonValueKind.Array } processes)
        {
            throw new FormatException("The process list has no \"processes\" array.");
        }

        var list = new List<ProcessSummary>(processes.GetArrayLength());
        foreach (var process in processes.EnumerateArray())
        {
            list.Add(new ProcessSummary
            {
                ProcessId = RequiredId(process),
                Id = OgcJson.String(process, "id") ?? throw new FormatException("A process has no id."),
                Version = OgcJson.String(process, "version") ?? throw new FormatException("A process has no version."),
                Title = OgcJson.String(process, "title"),
                Description = OgcJson.String(process, "description"),
                Keywords = OgcJson.Strings(process, "keywords"),
                Author = OgcJson.String(process, "author"),
                DeployedBy = OgcJson.String(process, "deployedBy"),
                LastModifiedTime = OgcJson.Time(process, "lastModifiedTime"),
                CwlLink = OgcJson.String(process, "cwlLink"),
            });
        }

        return list;
    }

    public static ProcessDescription ReadDescription(string body)
    {
        using var document = OgcJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The process description is not a JSON object.");
        }

        var inputs = new List<ProcessInput>();
        if (OgcJson.Property(root, "inputs") is { } map)
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The process inputs are not a JSON object.");
            }

            foreach (var property in map.EnumerateObject())
            {
                inputs.Add(ReadInput(property.Name, property.Value));
            }
        }

        return new ProcessDescription
        {
            ProcessId = RequiredId(root),
            Id = OgcJson.String(root, "id") ?? throw new FormatException("The process has no id."),
            Version = OgcJson.String(root, "version") ?? throw new FormatException("The process has no version."),
            Title = OgcJson.String(root, "title"),
            Description = OgcJson.String(root, "description"),
            Keywords = OgcJson.Strings(root, "keywords"),
            Author = OgcJson.String(root, "author"),
            DeployedBy = OgcJson.String(root, "deployedBy"),
            GithubUrl = OgcJson.String(root, "githubUrl"),
            GitCommitHash = OgcJson.String(root, "gitCommitHash"),
            CwlLink = OgcJson.String(root, "cwlLink"),
            RamMin = Integer(root, "ramMin"),
            CoresMin = Integer(root, "coresMin"),
            BaseCommand = OgcJson.String(root, "baseCommand"),
            Inputs = inputs,
        };
    }

    public static ProcessPackage ReadPackage(string body)
    {
        using var document = OgcJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The process package is not a JSON object.");
        }

        return new ProcessPackage
        {
            Description = OgcJson.String(root, "processDescription"),
            CwlHref = OgcJson.Property(root, "executionUnit") is { } unit ? OgcJson.String(unit, "href") : null,
        };
    }

    /// <summary>A deploy answer (<c>deploymentJobID</c>), a replace answer (a <c>monitor</c> link) or a deployment status.</summary>
    public static ProcessDeployment ReadDeployment(string body, string? knownDeploymentId)
    {
        using var document = OgcJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The deployment is not a JSON object.");
        }

        var deploymentId = OgcJson.Id(root, "deploymentJobID") ?? MonitorLinkId(root) ?? knownDeploymentId
            ?? throw new FormatException("The deployment answer names no deployment job.");
        var pipeline = OgcJson.Property(root, "processPipelineLink")
            ?? (OgcJson.Property(root, "pipeline") is { } p ? OgcJson.Property(p, "processPipelineLink") : null);
        var location = OgcJson.Property(root, "processLocation") is { } l ? OgcJson.String(l, "href") : null;
        return new ProcessDeployment
        {
            DeploymentId = deploymentId,
            // A replace answer has no status: it has only just started the pipeline.
            Status = OgcJson.String(root, "status") ?? "accepted",
            ProcessId = OgcJson.LastSegment(location),
            Id = OgcJson.String(root, "id"),
            Version = OgcJson.String(root, "version"),
            PipelineUrl = pipeline is { } link ? OgcJson.String(link, "href") : null,
        };
    }

    /// <summary>The processID in a 409's <c>additionalProperties</c>, or null.</summary>
    public static string? ReadDuplicateProcessId(string body)
    {
        try
        {
            using var document = OgcJson.Parse(body);
            return OgcJson.Property(document.RootElement, "additionalProperties") is { } extra ? OgcJson.Id(extra, "processID") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProcessInput ReadInput(string key, JsonElement param)
    {
        if (param.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Process input '{key}' is not an object.");
        }

        var type = OgcJson.String(param, "type");
        return new ProcessInput
        {
            Name = OgcJson.String(param, "name") ?? key,
            Type = type switch
            {
                "text" => ProcessInputType.Text,
                "number" => ProcessInputType.Number,
                "boolean" => ProcessInputType.Boolean,
                "object" => ProcessInputType.Object,
                _ => ProcessInputType.Unknown,
            },
            TypeText = type,
            Description = OgcJson.String(param, "description"),
            Placeholder = OgcJson.String(param, "placeholder"),
            Default = OgcJson.Property(param, "default")?.Clone(),
            IsOptional = OgcJson.Property(param, "optional") is { ValueKind: JsonValueKind.True },
        };
    }

    private static string? MonitorLinkId(JsonElement root)
    {
        if (OgcJson.Property(root, "links") is { ValueKind: JsonValueKind.Array } links)
        {
            foreach (var link in links.EnumerateArray())
            {
                if (OgcJson.String(link, "rel") == "monitor" && OgcJson.String(link, "href") is { } href && href.Contains("/deploymentJobs/", StringComparison.Ordinal))
                {
                    return OgcJson.LastSegment(href);
                }
            }
        }

        return null;
    }

    private static string RequiredId(JsonElement element) =>
        OgcJson.Id(element, "processID") ?? throw new FormatException("A process has no processID.");

    private static long? Integer(JsonElement element, string name) =>
        OgcJson.Property(element, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var value) ? value : null;
}
