using System.Text;
using System.Text.Json;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>
/// Keeps text inputs text. MAAP runs Python's <c>json.loads</c> on every submitted value and keeps the raw text only
/// when that fails (spec §3), so a string input whose text happens to be JSON — <c>"10"</c>, <c>"1.10"</c>,
/// <c>"[1,2]"</c>, <c>"null"</c>, <c>" 7 "</c>, <c>"NaN"</c> — would reach the job as a number, a list or nothing
/// (and <c>1.10</c> comes back as <c>1.1</c>). Such text is sent as a JSON string instead, which <c>json.loads</c>
/// turns back into exactly the original text; any other text is sent as it is, since quoting it would make MAAP
/// keep the quotes.
/// </summary>
internal static class WpsTextValues
{
    // Python's json.loads(s): one JSON value with JSON white space around it, where NaN, Infinity and -Infinity are
    // numbers too. Python's own limit on nesting is its recursion limit (about 1,000), far past System.Text.Json's
    // default of 64.
    private static readonly JsonReaderOptions PythonLike = new() { MaxDepth = 1_000 };

    /// <summary>The literal to send for <paramref name="text"/> so that MAAP's <c>json.loads</c> yields the same text.</summary>
    public static string Protect(string text) => IsJsonToPython(text) ? "\"" + JsonEncodedText.Encode(text).Value + "\"" : text;

    /// <summary>Whether Python's <c>json.loads</c> accepts <paramref name="text"/>.</summary>
    public static bool IsJsonToPython(string text)
    {
        var trimmed = text.AsSpan().Trim(" \t\r\n");
        if (trimmed.IsEmpty || !CouldStartJsonValue(trimmed[0]))
        {
            return false; // the common case: plain text is rejected by its first character
        }

        var utf8 = Encoding.UTF8.GetBytes(text.Contains("NaN", StringComparison.Ordinal) || text.Contains("Infinity", StringComparison.Ordinal)
            ? WithoutPythonConstants(text)
            : text);
        var reader = new Utf8JsonReader(utf8, PythonLike);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool CouldStartJsonValue(char c) =>
        c is '{' or '[' or '"' or '-' or (>= '0' and <= '9') or 't' or 'f' or 'n' or 'N' or 'I';

    /// <summary>Replaces the constants Python's JSON parser accepts outside strings with <c>0</c>, leaving strings alone.</summary>
    private static string WithoutPythonConstants(string text)
    {
        var result = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    result.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                result.Append(c);
            }
            else if (string.CompareOrdinal(text, i, "NaN", 0, 3) == 0)
            {
                result.Append(i > 0 && text[i - 1] == '-' ? 'x' : '0'); // Python has no -NaN
                i += 2;
            }
            else if (string.CompareOrdinal(text, i, "-Infinity", 0, 9) == 0)
            {
                result.Append('0');
                i += 8;
            }
            else if (string.CompareOrdinal(text, i, "Infinity", 0, 8) == 0)
            {
                result.Append('0');
                i += 7;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
