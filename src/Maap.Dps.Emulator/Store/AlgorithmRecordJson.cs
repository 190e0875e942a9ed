using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Store;

/// <summary>How an <see cref="AlgorithmRecord"/> is kept in the <c>algorithms</c> table: one JSON document per row.</summary>
internal static class AlgorithmRecordJson
{
    public static JsonObject ToJson(AlgorithmRecord r)
    {
        var ps = new JsonArray();
        foreach (var p in r.Params)
        {
            ps.Add(new JsonObject { ["name"] = p.Name, ["destination"] = p.Destination, ["type"] = p.Type, ["default"] = p.Default?.DeepClone(), ["has_default"] = p.HasDefault, ["optional"] = p.Optional });
        }

        return new JsonObject
        {
            ["name"] = r.Name, ["version"] = r.Version, ["owner"] = r.Owner, ["description"] = r.Description,
            ["repository_url"] = r.RepositoryUrl, ["run_command"] = r.RunCommand, ["queue"] = r.Queue,
            ["disk_space"] = r.DiskSpace, ["params"] = ps, ["app_dir"] = r.AppDirectory, ["config"] = r.ConfigJson,
            ["registered_ms"] = r.RegisteredMs, ["built_in"] = r.BuiltIn,
            ["ogc_process"] = r.IsOgcProcess, ["cwl_tool"] = r.CwlToolJson,
        };
    }

    public static AlgorithmRecord FromJson(JsonObject o)
    {
        var ps = o["params"]!.AsArray().Select(n => n!.AsObject()).Select(p => new AlgorithmParam(
            p["name"]!.GetValue<string>(), p["destination"]!.GetValue<string>(),
            p["has_default"]!.GetValue<bool>() ? (p["default"]?.DeepClone() ?? JsonValue.Create(string.Empty)) : null,
            p["type"]!.GetValue<string>()) { Optional = p["optional"]?.GetValue<bool>() ?? false }).ToList();
        return new AlgorithmRecord(
            o["name"]!.GetValue<string>(), o["version"]!.GetValue<string>(), o["owner"]!.GetValue<string>(),
            o["description"]!.GetValue<string>(), o["repository_url"]!.GetValue<string>(), o["run_command"]!.GetValue<string>(),
            o["queue"]!.GetValue<string>(), o["disk_space"]!.GetValue<string>(), ps, o["app_dir"]!.GetValue<string>(),
            o["config"]!.GetValue<string>(), o["registered_ms"]!.GetValue<long>(), o["built_in"]!.GetValue<bool>())
        {
            IsOgcProcess = o["ogc_process"]?.GetValue<bool>() ?? false,
            CwlToolJson = o["cwl_tool"]?.GetValue<string>(),
        };
    }
}
