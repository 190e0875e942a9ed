using System.Text.Json;
using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Processes;

/// <summary>The tool's <c>arguments</c>: the literal words the emulator can put on a command line as cwltool would.</summary>
internal static partial class ProcessCwlReader
{
    /// <summary>
    /// Each argument as <c>{position, valueFrom, prefix?, separate?}</c>, in document order: a plain string is
    /// <c>{position: 0, valueFrom: it}</c>, as cwltool reads it. Refused at deploy (400 <c>CWL validation failed: …</c>),
    /// because no JavaScript or parameter reference is evaluated here and a job would otherwise run a different command
    /// than MAAP's: an expression or parameter reference (<c>$(…)</c>, <c>${…}</c>), an object without a literal string
    /// <c>valueFrom</c>, a non-integer <c>position</c>, and <c>shellQuote</c> or <c>itemSeparator</c>.
    /// </summary>
    public static JsonArray Arguments(JsonNode? node)
    {
        var result = new JsonArray();
        if (node is null)
        {
            return result;
        }

        if (node is not JsonArray list)
        {
            throw Invalid("the tool's arguments must be a list");
        }

        foreach (var item in list)
        {
            switch (item)
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    result.Add(new JsonObject { ["position"] = 0, ["valueFrom"] = Literal(v.GetValue<string>()) });
                    break;
                case JsonObject binding:
                    result.Add(ArgumentBinding(binding));
                    break;
                default:
                    throw Invalid("each of the tool's arguments must be a string or a {position, valueFrom, prefix} object");
            }
        }

        return result;
    }

    private static JsonObject ArgumentBinding(JsonObject binding)
    {
        var unsupported = binding.Select(p => p.Key).FirstOrDefault(k => k is not ("position" or "valueFrom" or "prefix" or "separate"));
        if (unsupported is not null)
        {
            throw Invalid($"the MAAP DPS emulator runs only arguments with position, valueFrom, prefix and separate, not '{unsupported}'");
        }

        if (Text(binding["valueFrom"]) is not { } value)
        {
            throw Invalid("an argument object needs a literal string valueFrom");
        }

        var position = 0L;
        if (binding["position"] is { } p && !(p is JsonValue pv && pv.GetValueKind() == JsonValueKind.Number && pv.TryGetValue(out position)))
        {
            throw Invalid("an argument's position must be an integer (the MAAP DPS emulator evaluates no expressions)");
        }

        var normalised = new JsonObject { ["position"] = position, ["valueFrom"] = Literal(value) };
        if (binding["prefix"] is { } prefix)
        {
            normalised["prefix"] = Text(prefix) is { } text ? Literal(text) : throw Invalid("an argument's prefix must be a string");
        }

        if (binding["separate"] is { } separate)
        {
            normalised["separate"] = separate.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? separate.DeepClone()
                : throw Invalid("an argument's separate must be true or false");
        }

        return normalised;
    }

    /// <summary>The text, refused when cwltool would evaluate it rather than pass it on.</summary>
    private static string Literal(string text) =>
        text.Contains("$(", StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal)
            ? throw Invalid($"the tool's argument '{text}' is an expression or parameter reference, which the MAAP DPS emulator cannot evaluate; give a literal string")
            : text;
}
