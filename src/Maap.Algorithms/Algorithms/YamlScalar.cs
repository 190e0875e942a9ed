using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Maap.Algorithms;

/// <summary>
/// Formats a string as a YAML scalar the way PyYAML (which reads MAAP's config files) would: plain when that
/// cannot be misread, single-quoted otherwise, double-quoted with escapes when it holds line breaks or control characters.
/// </summary>
internal static partial class YamlScalar
{
    private static readonly System.Buffers.SearchValues<char> IndicatorStart = System.Buffers.SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");
    private static readonly System.Buffers.SearchValues<char> FlowIndicators = System.Buffers.SearchValues.Create(",[]{}:");

    public static string Format(string value, bool flow)
    {
        if (NeedsDoubleQuotes(value))
        {
            return DoubleQuoted(value);
        }

        return CanBePlain(value, flow) ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool CanBePlain(string value, bool flow)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        if (IndicatorStart.Contains(value[0]))
        {
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':'))
        {
            return false;
        }

        if (flow && value.AsSpan().IndexOfAny(FlowIndicators) >= 0)
        {
            return false;
        }

        // YAML 1.1 (PyYAML, which MAAP uses) would read these as null, booleans, numbers, the merge key (<<) or the value
        // key (=) rather than text; YAML 1.2's core schema adds numbers such as 1e3 and 0o17, quoted too so that any
        // reader of the file sees text.
        return !ResolvesToNonString().IsMatch(value) && !Yaml12Number().IsMatch(value);
    }

    private static bool NeedsDoubleQuotes(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    [GeneratedRegex(@"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|=|<<|\d{4}-\d\d?-\d\d?([Tt ].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResolvesToNonString();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Yaml12Number();
}
