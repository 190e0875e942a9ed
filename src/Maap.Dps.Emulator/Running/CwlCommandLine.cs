using System.Text.Json;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Wire;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// The one builder of an OGC job's arguments: the words <c>cwltool --no-container</c> puts after a CommandLineTool's
/// <c>baseCommand</c> for the same input values (CWL v1.2 §CommandLineBinding). Inputs are sorted by
/// <c>position</c> (0 when absent) then by input id; each binding writes its <c>prefix</c> (joined to the value when
/// <c>separate: false</c>); <c>true</c> is the bare prefix, <c>false</c> and null nothing; an array writes its outer
/// prefix once, then each item by the array type's item binding (or bare when only the outer binding exists), or one
/// word joined by <c>itemSeparator</c>; numbers and strings as Python's <c>str</c> writes them; a <c>File</c> or
/// <c>Directory</c> as its local path. An absent or null input takes the tool's <c>default</c>. The tool's
/// <c>arguments</c> are literal words (a plain string, or <c>valueFrom</c> text with its <c>prefix</c>) sorted in
/// with the inputs. An input's <c>valueFrom</c>, <c>shellQuote</c> and expressions are not supported (no JavaScript
/// runs in the emulator).
/// </summary>
internal static class CwlCommandLine
{
    /// <summary>The argument words of a tool without <c>arguments</c>, in cwltool's order.</summary>
    public static List<string> Build(JsonObject toolInputs, IReadOnlyDictionary<string, JsonNode?> values, Func<JsonNode, string> localPath) =>
        Build([], toolInputs, values, localPath, word => word);

    /// <summary>
    /// The argument words, in cwltool's order, with the tool's <c>arguments</c>: cwltool sorts an argument by
    /// <c>[position, index]</c> and an input by <c>[position, id]</c>, so at equal positions the arguments come first,
    /// in document order, then the inputs by id.
    /// </summary>
    /// <param name="toolInputs">The tool's inputs by id, each an object with <c>type</c> and optionally <c>inputBinding</c> and <c>default</c>.</param>
    /// <param name="values">The job's input values by name; absent or null means "not given".</param>
    /// <param name="localPath">The local path of a File or Directory value (a URL string or a <c>{class, location|path}</c> object).</param>
    /// <param name="arguments">The tool's arguments as the process reader normalised them: <c>{position, valueFrom, prefix?, separate?}</c>, literal text.</param>
    /// <param name="codePath">Maps an argument's value (never an input's) to where it lives, so <c>/app/…</c> words reach the process's code.</param>
    public static List<string> Build(JsonArray arguments, JsonObject toolInputs, IReadOnlyDictionary<string, JsonNode?> values, Func<JsonNode, string> localPath, Func<string, string> codePath)
    {
        var literal = arguments.OfType<JsonObject>().Select((binding, index) =>
        {
            var value = codePath(binding["valueFrom"] is JsonValue v ? v.GetValue<string>() : string.Empty);
            return (Position: Position(binding), Index: index, Words: Argument(binding, JsonValue.Create(value), null, localPath).ToList());
        }).ToList();
        var fields = new List<(long Position, string Name, List<string> Words)>();
        foreach (var (name, node) in toolInputs)
        {
            if (node is not JsonObject input)
            {
                continue;
            }

            var value = values.TryGetValue(name, out var given) && given is not null ? given : input["default"];
            var binding = input["inputBinding"] as JsonObject;
            var type = Resolve(input["type"], value);
            var words = new List<string>();
            var itemBinding = type is JsonObject { } schema && IsArray(schema) ? schema["inputBinding"] as JsonObject : null;
            if (binding is null && itemBinding is null)
            {
                continue; // not on the command line: read from _context.json
            }

            if (binding is not null)
            {
                words.AddRange(Argument(binding, value, type, localPath));
            }

            if (value is JsonArray items && type is JsonObject arraySchema && IsArray(arraySchema) && binding?["itemSeparator"] is null)
            {
                // cwltool binds every item: by the item binding, or by an empty one (the bare value) under an outer binding.
                var each = itemBinding ?? [];
                foreach (var item in items)
                {
                    words.AddRange(Argument(each, item, Resolve(arraySchema["items"], item), localPath));
                }
            }

            fields.Add((Position(binding ?? itemBinding), name, words));
        }

        return [.. literal.Select(a => (a.Position, Argument: 0, a.Index, Name: string.Empty, a.Words))
            .Concat(fields.Select(f => (f.Position, Argument: 1, Index: 0, f.Name, f.Words)))
            .OrderBy(f => f.Position)
            .ThenBy(f => f.Argument)
            .ThenBy(f => f.Index)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .SelectMany(f => f.Words)];
    }

    /// <summary>What one binding writes for one value (cwltool's <c>generate_arg</c>).</summary>
    private static IEnumerable<string> Argument(JsonObject binding, JsonNode? value, JsonNode? type, Func<JsonNode, string> localPath)
    {
        var prefix = binding["prefix"] is JsonValue p ? p.GetValue<string>() : null;
        var separate = binding["separate"] is not JsonValue s || s.GetValueKind() != JsonValueKind.False;
        List<string> args;
        switch (value)
        {
            case null:
                return [];
            case JsonArray list:
                if (binding["itemSeparator"] is JsonValue sep && list.Count > 0)
                {
                    var itemType = type is JsonObject schema ? schema["items"] : null;
                    args = [string.Join(sep.GetValue<string>(), list.Select(i => Str(i, Resolve(itemType, i), localPath)))];
                    break;
                }

                return prefix is not null && list.Count > 0 ? [prefix] : [];
            case JsonObject obj when IsFileObject(obj) || IsFileType(type):
                args = [localPath(obj)];
                break;
            case JsonObject:
                return prefix is not null ? [prefix] : [];
            case JsonValue v when v.GetValueKind() == JsonValueKind.True:
                return prefix is not null ? [prefix] : [];
            case JsonValue v when v.GetValueKind() == JsonValueKind.False:
                return [];
            default:
                args = [Str(value, type, localPath)];
                break;
        }

        if (prefix is null)
        {
            return args;
        }

        return separate ? args.SelectMany(a => new[] { prefix, a }) : args.Select(a => prefix + a);
    }

    /// <summary>Python's <c>str</c> of a value, or the local path of a File or Directory.</summary>
    private static string Str(JsonNode? value, JsonNode? type, Func<JsonNode, string> localPath) => value switch
    {
        null => "None",
        JsonObject obj when IsFileObject(obj) || IsFileType(type) => localPath(obj),
        JsonValue v when IsFileType(type) => localPath(v),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => PythonJson.PythonNumber(v.ToJsonString()),
        _ => PythonJson.Dumps(value),
    };

    /// <summary>
    /// The type a value is bound by: <c>T?</c> and unions with <c>null</c> lose the null, <c>T[]</c> becomes
    /// <c>{type: array, items: T}</c> (as schema-salad expands it), and a union picks the member the value fits.
    /// </summary>
    private static JsonNode? Resolve(JsonNode? type, JsonNode? value)
    {
        switch (type)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var name = v.GetValue<string>();
                if (name.EndsWith('?'))
                {
                    return Resolve(JsonValue.Create(name[..^1]), value);
                }

                return name.EndsWith("[]", StringComparison.Ordinal)
                    ? new JsonObject { ["type"] = "array", ["items"] = name[..^2] }
                    : type;
            case JsonArray union:
                var members = union.Where(m => !(m is JsonValue mv && mv.GetValueKind() == JsonValueKind.String && mv.GetValue<string>() == "null"))
                    .Select(m => Resolve(m, value)).ToList();
                return (value is JsonArray ? members.FirstOrDefault(m => m is JsonObject o && IsArray(o)) : members.FirstOrDefault(m => !(m is JsonObject o && IsArray(o))))
                       ?? members.FirstOrDefault();
            default:
                return type;
        }
    }

    private static bool IsArray(JsonObject schema) => schema["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == "array";

    private static bool IsFileType(JsonNode? type) => type is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() is "File" or "Directory";

    private static bool IsFileObject(JsonObject obj) => obj["class"] is JsonValue c && c.GetValueKind() == JsonValueKind.String && c.GetValue<string>() is "File" or "Directory";

    /// <summary>The <c>location</c> (or <c>path</c>) of a CWL File or Directory object.</summary>
    public static string? FileLocation(JsonObject file) =>
        (file["location"] ?? file["path"] ?? file["url"]) is JsonValue v ? CommandLine.Text(v) : null;

    private static long Position(JsonObject? binding) => binding?["position"] is JsonValue p && p.TryGetValue<long>(out var n)
        ? n
        : binding?["position"] is JsonValue d && d.TryGetValue<double>(out var f) ? (long)f : 0;
}
