using System.Text;
using System.Text.RegularExpressions;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>The naming rules MAAP enforces, mirrored from the runtime's <c>JobRequest</c> and <c>SecretName</c>.</summary>
internal static class NameRules
{
    private static readonly Regex AlgorithmId = new("^[A-Za-z0-9][A-Za-z0-9_.-]{1,254}$", RegexOptions.CultureInvariant);
    private static readonly Regex Version = new("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$", RegexOptions.CultureInvariant);

    private static readonly Regex CwlIdentifier = new("^[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant);

    private static readonly string[] Reserved = { "identifier", "queue", "username", "dedup" };

    public static bool IsValidAlgorithmId(string? value) => value is not null && AlgorithmId.IsMatch(value);

    public static bool IsValidVersion(string? value) => value is not null && Version.IsMatch(value);

    /// <summary>The runtime's <c>MaapSecretsClient.ValidateName</c> rule: 1-255 characters, no '/', '\\' or control characters, no surrounding white space, not '.' or '..'.</summary>
    public static bool IsValidSecretName(string? value)
    {
        if (value is null || value.Trim().Length == 0 || value.Length > 255 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1])
            || value is "." or "..")
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a wire name can be a CWL input id (MAAP0016): it becomes the fragment <c>#main/{name}</c> and a workflow
    /// step's <c>in</c> key, so '/', '#', ':', '.', spaces and the like would change or break the reference.
    /// </summary>
    public static bool IsCwlIdentifier(string name) => CwlIdentifier.IsMatch(name);

    /// <summary>Whether MAAP keeps the input name for itself (MAAP0007): it would overwrite the job's own parameter.</summary>
    public static bool IsReservedWireName(string name) => System.Array.IndexOf(Reserved, name) >= 0;

    /// <summary><c>InputFile</c> → <c>input_file</c>, <c>HTTPServer</c> → <c>http_server</c>, <c>Level2A</c> → <c>level2_a</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                if (i > 0 && previous != '_' && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next))))
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary><c>GEE_TOKEN</c> → <c>GeeToken</c>: the part of a secret accessor's method name.</summary>
    public static string ToPascalCase(string name)
    {
        var result = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = false;
        }

        return result.Length == 0 ? "Secret" : result.ToString();
    }
}
