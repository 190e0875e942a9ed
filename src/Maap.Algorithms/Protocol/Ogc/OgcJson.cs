using System.Globalization;
using System.Text.Json;

namespace Maap.Algorithms.Protocol.Ogc;

/// <summary>Small readers for MAAP's OGC JSON, where the same field can be a number in one body and a string in another.</summary>
internal static class OgcJson
{
    /// <summary>Parse options: MAAP's bodies are shallow, so a deep one is hostile and stops early.</summary>
    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static JsonDocument Parse(string body) => JsonDocument.Parse(body, Options);

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An id sent as a number (<c>12</c>) or a string (<c>"12"</c>), as text; null when absent or null.</summary>
    public static string? Id(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
            _ => null,
        };
    }

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static DateTimeOffset? Time(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    /// <summary>The processID at the end of an href such as <c>/ogc/processes/12</c>.</summary>
    public static string? LastSegment(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        var trimmed = href.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    public static List<string> Strings(JsonElement element, string name)
    {
        var list = new List<string>();
        if (Property(element, name) is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    list.Add(item.GetString()!);
                }
            }
        }

        return list;
    }
}
