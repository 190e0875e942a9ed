using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Wire;

namespace Maap.Dps.Emulator.Processes;

/// <summary>
/// The Workflow inputs as the deploy pipeline's hysds-io params (<c>maap-ogc-spec.md</c> §3.3, §6.2): what describe
/// shows and what execution checks inputs against.
/// </summary>
internal static class HysdsIoParams
{
    /// <summary>
    /// One param per input, keys in the builder's order: <c>name</c>, <c>from</c>, <c>placeholder</c> (the
    /// <c>label</c>), <c>description</c> (the <c>doc</c>), <c>optional</c> (only when true), <c>default</c> (only when
    /// given, native-typed; lists and objects as JSON text), <c>type</c>.
    /// </summary>
    public static JsonArray FromWorkflowInputs(JsonObject inputs)
    {
        var result = new JsonArray();
        foreach (var (name, node) in inputs)
        {
            var input = node!.AsObject();
            var param = new JsonObject
            {
                ["name"] = name,
                ["from"] = "submitter",
                ["placeholder"] = input["label"]?.DeepClone(),
                ["description"] = input["doc"]?.DeepClone(),
            };
            if (IsOptional(input["type"]))
            {
                param["optional"] = true;
            }

            if (input["default"] is { } value)
            {
                param["default"] = value is JsonObject or JsonArray ? JsonValue.Create(PythonJson.Dumps(value)) : value.DeepClone();
            }

            param["type"] = HysdsType(input["type"]);
            result.Add(param);
        }

        return result;
    }

    /// <summary>True when the CWL type is <c>T?</c> or a union that includes <c>null</c>.</summary>
    public static bool IsOptional(JsonNode? type) => type switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().EndsWith('?') || v.GetValue<string>() == "null",
        JsonArray union => union.Any(m => m is JsonValue mv && mv.GetValueKind() == JsonValueKind.String && mv.GetValue<string>() == "null"),
        _ => false,
    };

    /// <summary><c>text</c> for string, File and Directory; <c>number</c> for int, long, float, double; <c>boolean</c>; <c>object</c> for arrays.</summary>
    public static string HysdsType(JsonNode? type)
    {
        switch (type)
        {
            case JsonArray union:
                return HysdsType(union.FirstOrDefault(m => !(m is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "null")));
            case JsonObject schema:
                return (schema["type"] as JsonValue)?.GetValue<string>() is "array" or "record" ? "object" : "text";
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var name = v.GetValue<string>().TrimEnd('?');
                if (name.EndsWith("[]", StringComparison.Ordinal))
                {
                    return "object";
                }

                return name switch
                {
                    "int" or "long" or "float" or "double" => "number",
                    "boolean" => "boolean",
                    _ => "text",
                };
            default:
                return "text";
        }
    }
}
