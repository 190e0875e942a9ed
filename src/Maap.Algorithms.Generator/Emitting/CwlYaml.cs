using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary>
/// A string as a YAML scalar of the generated CWL, by the runtime's <c>YamlScalar</c> rules (which the generator cannot
/// reference): plain when no YAML 1.1 or 1.2 reader could take it for anything but that text, single-quoted otherwise,
/// double-quoted with escapes when it holds control characters.
/// </summary>
internal static class CwlYaml
{
    private const string IndicatorStart = "-?:,[]{}#&*!|>'\"%@`";

    private static readonly Regex ResolvesToNonString = new(
        @"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|=|<<|\d{4}-\d\d?-\d\d?([Tt ].*)?)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex Yaml12Number = new(
        @"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$",
        RegexOptions.CultureInvariant);

    private static readonly char[] Exponent = { 'e', 'E' };

    private static readonly Regex PlainNumber = new(@"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static string Scalar(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return DoubleQuoted(value);
            }
        }

        return CanBePlain(value) ? value : "'" + value.Replace("'", "''") + "'";
    }

    /// <summary>
    /// A number as YAML reads it back as a number (a '.' before the exponent, which YAML 1.1 needs), or null when it has
    /// no plain YAML form (NaN, infinities), so the caller leaves the default out.
    /// </summary>
    public static string? Number(string text, bool floating)
    {
        if (!PlainNumber.IsMatch(text))
        {
            return null;
        }

        var exponent = text.IndexOfAny(Exponent);
        if (floating && text.IndexOf('.') < 0)
        {
            return exponent < 0 ? text + ".0" : text.Substring(0, exponent) + ".0" + text.Substring(exponent);
        }

        return text;
    }

    private static bool CanBePlain(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1])
            || IndicatorStart.IndexOf(value[0]) >= 0)
        {
            return false;
        }

        if (value.Contains(": ") || value.Contains(" #") || value.EndsWith(":", System.StringComparison.Ordinal))
        {
            return false;
        }

        return !ResolvesToNonString.IsMatch(value) && !Yaml12Number.IsMatch(value);
    }

    private static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
