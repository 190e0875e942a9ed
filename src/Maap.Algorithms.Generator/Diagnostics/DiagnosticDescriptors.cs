using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Diagnostics;

/// <summary>Every diagnostic the generator and its analyzers report. Ids are never renumbered.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// The project's repository: <c>RepositoryUrl</c> in <c>Directory.Build.props</c> (a test keeps the two equal).
    /// The generator reads no MSBuild property for it, because a help link must not depend on the user's build.
    /// </summary>
    public const string RepositoryUrl = "https://github.com/maap-algorithms/Maap.Algorithms";

    private const string Category = "Maap.Algorithms";

    // Absolute, so the IDE's link works from any user's project: {RepositoryUrl}/blob/main/docs/diagnostics/MAAPnnnn.md.
    private const string HelpBase = RepositoryUrl + "/blob/main/docs/diagnostics/";

    public const string SupportedTypes =
        "string, bool, sbyte, byte, short, ushort, int, uint, long, ulong, float, double, decimal, DateTime, DateTimeOffset, DateOnly, TimeSpan, Uri, SecretName, enums, arrays and List/IList/IReadOnlyList/IEnumerable/ICollection/IReadOnlyCollection of these, and their nullable forms";

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "MAAP0001",
        "Algorithm record must be partial",
        "'{0}' must be declared partial so the generator can add its members; add the 'partial' modifier{1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotRecord = Create(
        "MAAP0002",
        "[MaapAlgorithm] needs a non-generic record",
        "'{0}' is {1}; [MaapAlgorithm] applies to a non-generic 'partial record' whose primary constructor lists the inputs",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidAlgorithmId = Create(
        "MAAP0003",
        "Algorithm id MAAP would refuse",
        "Algorithm id '{0}' is not valid: use 2-255 letters, digits, '_', '-' or '.', starting with a letter or digit (^[A-Za-z0-9][A-Za-z0-9_.-]{{1,254}}$)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidVersion = Create(
        "MAAP0004",
        "Algorithm version MAAP would refuse",
        "Algorithm version '{0}' is not valid: use 1-128 letters, digits, '.', '_' or '-', not starting with '.' or '-' (^[a-zA-Z0-9_][a-zA-Z0-9._-]{{0,127}}$)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedType = Create(
        "MAAP0005",
        "Unsupported input type",
        "Input '{0}' has type '{1}', which cannot be sent to MAAP; use one of: " + SupportedTypes,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateWireName = Create(
        "MAAP0006",
        "Two inputs share one name",
        "Inputs '{0}' and '{1}' are both sent as '{2}'; MAAP would keep only one of them. Give one a different Name.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReservedWireName = Create(
        "MAAP0007",
        "Input name reserved by MAAP",
        "Input '{0}' is sent as '{1}', a name MAAP reserves for itself (identifier, queue, username, dedup); rename the parameter or set Name",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileInputType = Create(
        "MAAP0008",
        "File input must be a Uri or string",
        "[FileInput] '{0}' has type '{1}'; a file input is a URL DPS downloads, so declare it as Uri or string",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidSecretName = Create(
        "MAAP0009",
        "Invalid secret name",
        "Secret name '{0}' is not valid: use 1-255 characters without '/', '\\', control characters or leading/trailing white space, and not '.' or '..' (secret names travel as URL path segments)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateAlgorithm = Create(
        "MAAP0010",
        "Algorithm declared twice",
        "Algorithm '{0}' version '{1}' is also declared by '{2}'; each algorithm id and version may be declared once per compilation",
        DiagnosticSeverity.Error,
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor ValueRuleBroken = Create(
        "MAAP0011",
        "Constant argument breaks a value rule",
        "Input '{0}' breaks [{1}]: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RelativeFileUri = Create(
        "MAAP0012",
        "Relative URI for a file input",
        "File input '{0}' gets the relative URI '{1}'; DPS can only download an absolute URL (https://, s3://, ...)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GeneratedMemberName = Create(
        "MAAP0013",
        "Parameter named like a generated member",
        "Parameter '{0}' of '{1}' has the name of {2}; rename the parameter",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SecretAccessorClash = Create(
        "MAAP0014",
        "Two secrets with one accessor",
        "Secrets '{0}' and '{1}' would both be read by the generated accessor '{2}'; declare one of them, and read the other with DpsJobContext.GetSecretAsync",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DefaultBreaksRule = Create(
        "MAAP0015",
        "Parameter default breaks its own rule",
        "The default value of parameter '{0}' breaks its own rule {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotCwlIdentifier = Create(
        "MAAP0016",
        "Input name that cannot be deployed as an OGC process",
        "Input '{0}' is sent as '{1}', which is not a CWL input id, so the algorithm cannot be deployed as an OGC process and ToCwl() throws; use letters, digits, '_' or '-', starting with a letter or '_' (^[A-Za-z_][A-Za-z0-9_-]*$)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BooleanListOnCommandLine = Create(
        "MAAP0017",
        "Boolean list that an OGC process's command line cannot carry",
        "Input '{0}' is a list of booleans on the command line, where a CWL runner writes a true element as a bare flag and a false one not at all, so the job could not read it back; ToCwl() throws. Make it a [ConfigInput] (read from _context.json) or a list of strings or numbers.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoQueue = Create(
        "MAAP0018",
        "Submission without a queue",
        "'{0}' declares no Queue and this call gives none, so the submission fails before any request (MAAP rejects a job without a queue); pass queue: here or set [MaapAlgorithm(Queue = \"…\")] on {0}",
        DiagnosticSeverity.Warning);

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new()
    {
        [NotPartial.Id] = NotPartial,
        [NotRecord.Id] = NotRecord,
        [InvalidAlgorithmId.Id] = InvalidAlgorithmId,
        [InvalidVersion.Id] = InvalidVersion,
        [UnsupportedType.Id] = UnsupportedType,
        [DuplicateWireName.Id] = DuplicateWireName,
        [ReservedWireName.Id] = ReservedWireName,
        [FileInputType.Id] = FileInputType,
        [InvalidSecretName.Id] = InvalidSecretName,
        [DuplicateAlgorithm.Id] = DuplicateAlgorithm,
        [ValueRuleBroken.Id] = ValueRuleBroken,
        [RelativeFileUri.Id] = RelativeFileUri,
        [GeneratedMemberName.Id] = GeneratedMemberName,
        [SecretAccessorClash.Id] = SecretAccessorClash,
        [DefaultBreaksRule.Id] = DefaultBreaksRule,
        [NotCwlIdentifier.Id] = NotCwlIdentifier,
        [BooleanListOnCommandLine.Id] = BooleanListOnCommandLine,
        [NoQueue.Id] = NoQueue,
    };

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, params string[] tags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md", customTags: tags);
}
