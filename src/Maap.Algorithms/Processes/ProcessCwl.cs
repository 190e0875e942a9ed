using System.Text.RegularExpressions;

namespace Maap.Algorithms;

/// <summary>Edits a process CWL document (such as a record's <c>ToCwl()</c>) the way MAAP reads it: line by line.</summary>
public static partial class ProcessCwl
{
    /// <summary>
    /// The same CWL with its <c>s:codeRepository</c> set to <paramref name="codeRepository"/>: the repository MAAP's
    /// deploy records, and the code the emulator copies (a local folder) or clones (a git URL). On MAAP keep the
    /// record's own URL; on the emulator this points a deployment at a checkout on this machine.
    /// </summary>
    /// <param name="cwl">The CWL text.</param>
    /// <param name="codeRepository">A git URL or a local folder path.</param>
    /// <returns>The CWL text with one <c>s:codeRepository</c> line.</returns>
    /// <exception cref="ArgumentException">The repository has whitespace (MAAP reads the value up to the first space) or starts with a YAML indicator.</exception>
    public static string WithCodeRepository(string cwl, string codeRepository)
    {
        ArgumentNullException.ThrowIfNull(cwl);
        ArgumentException.ThrowIfNullOrEmpty(codeRepository);
        if (codeRepository.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A code repository cannot contain whitespace: MAAP reads s:codeRepository up to the first space.", nameof(codeRepository));
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(codeRepository[0], StringComparison.Ordinal))
        {
            throw new ArgumentException($"A code repository cannot start with '{codeRepository[0]}' (a YAML indicator).", nameof(codeRepository));
        }

        var line = "s:codeRepository: " + codeRepository;
        return CodeRepositoryLine().IsMatch(cwl)
            ? CodeRepositoryLine().Replace(cwl, line.Replace("$", "$$", StringComparison.Ordinal), 1)
            : cwl.TrimEnd('\n') + "\n" + line + "\n";
    }

    [GeneratedRegex(@"^s:codeRepository:[^\n]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodeRepositoryLine();
}
