using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Wire;

/// <summary>
/// What MAAP's Python does to an input value: <c>json.loads</c> on the submitted literal (keeping the raw text when
/// that fails, spec §3) and <c>json.dumps</c> when a non-string value becomes a positional argument (spec §12.2).
/// Python reads every number with a fraction or exponent as a <c>float</c>, so <c>1.10</c> reaches the job as
/// <c>1.1</c> and <c>1e5</c> as <c>100000.0</c>; the emulator does the same, or code that passes here would change
/// its inputs on MAAP.
/// </summary>
internal static class PythonJson
{
    private static readonly JsonDocumentOptions PythonDepth = new() { MaxDepth = 1_000 };

    /// <summary>MAAP's decoding of a literal: the parsed value with Python's numbers, or the raw text.</summary>
    public static JsonNode? Loads(string text)
    {
        if (text.Length == 0)
        {
            return JsonValue.Create(string.Empty);
        }

        try
        {
            using var document = JsonDocument.Parse(text, PythonDepth);
            return ToNode(document.RootElement);
        }
        catch (JsonException)
        {
            // Python also accepts NaN and ±Infinity, which json.dumps then writes bare (not JSON any more); the
            // emulator keeps such text as a string instead.
            return JsonValue.Create(text);
        }
    }

    /// <summary>Python's <c>json.dumps(value)</c> with its default separators (<c>", "</c>, <c>": "</c>) and ASCII escapes.</summary>
    public static string Dumps(JsonNode? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => PythonDict(element),
        JsonValueKind.Array => new JsonArray([.. element.EnumerateArray().Select(ToNode)]),
        JsonValueKind.Number => JsonNode.Parse(PythonNumber(element.GetRawText())),
        JsonValueKind.Null => null,
        _ => JsonNode.Parse(element.GetRawText()),
    };

    /// <summary>
    /// An object as Python's <c>dict</c> holds it: a key given twice keeps its first place and its last value (a
    /// <see cref="JsonObject"/> built from the pairs at once would throw on the second key).
    /// </summary>
    private static JsonObject PythonDict(JsonElement element)
    {
        var dict = new JsonObject();
        foreach (var property in element.EnumerateObject())
        {
            dict[property.Name] = ToNode(property.Value);
        }

        return dict;
    }

    /// <summary>The text Python writes back for a JSON number: <c>int</c> as it is (but <c>-0</c> → <c>0</c>), <c>float</c> as <c>repr</c>.</summary>
    public static string PythonNumber(string json)
    {
        if (json.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return json == "-0" ? "0" : json;
        }

        var value = double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsInfinity(value) ? json : FloatRepr(value); // Python's inf would be written bare: keep the text
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, positional for exponents -4 to 15, else <c>d.ddde±XX</c>.</summary>
    public static string FloatRepr(double value)
    {
        var sign = double.IsNegative(value) ? "-" : string.Empty;
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture); // "123.45", "1E-05", "1.5E+20"
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var allDigits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var digits = allDigits.TrimStart('0').TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        // The decimal exponent of the first significant digit.
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var exponent = (point < 0 ? mantissa.Length : point) - 1 - leadingZeros
                       + (e < 0 ? 0 : int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        if (exponent is < -4 or >= 16)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : string.Empty;
            return sign + digits[0] + fraction + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }

        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + digits;
        }

        return digits.Length > exponent + 1
            ? sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..]
            : sign + digits + new string('0', exponent + 1 - digits.Length) + ".0";
    }

    private static void Write(StringBuilder text, JsonNode? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var firstMember = true;
                foreach (var (name, member) in obj)
                {
                    text.Append(firstMember ? string.Empty : ", ");
                    firstMember = false;
                    WriteString(text, name);
                    text.Append(": ");
                    Write(text, member);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            default:
                if (value.GetValueKind() == JsonValueKind.String)
                {
                    WriteString(text, value.GetValue<string>());
                }
                else
                {
                    text.Append(value.ToJsonString()); // numbers already hold Python's text (see Loads)
                }

                break;
        }
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
