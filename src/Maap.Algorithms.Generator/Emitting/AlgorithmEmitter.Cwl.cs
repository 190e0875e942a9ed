using System.Collections.Generic;
using System.Linq;
using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary>
/// <c>ToCwl()</c>: the record as the CWL document MAAP's OGC deploy accepts (<c>maap-ogc-spec.md</c> §6), written
/// whole at compile time so the generated member is one constant.
/// </summary>
internal static partial class AlgorithmEmitter
{
    private static void EmitCwl(SourceWriter w, AlgorithmSpec spec)
    {
        w.Line("/// <summary>The CWL document that deploys this algorithm as a MAAP OGC process.</summary>");
        // A CWL runner writes a boolean array element as a bare flag when true and nothing when false, so the job could
        // not tell [true, false] from [true]: such a record is refused rather than deployed to read wrong values.
        // A config input is not on the command line (it is read from _context.json), so only positional ones (MAAP0017).
        var flagList = spec.Inputs.FirstOrDefault(i => i.Kind == InputKind.Positional && i.Scalar == ScalarKind.Boolean && i.Collection != CollectionKind.None);
        var refusal = spec.RunCommand is null || spec.ContainerImage is null
            ? "Set ContainerImage and RunCommand on [MaapAlgorithm] of " + spec.TypeName + " to deploy it as an OGC process: its CWL needs both."
            : spec.NonCwlWireName is not null
                ? "Input '" + spec.NonCwlWireName + "' of " + spec.TypeName + " is not a CWL input id (MAAP0016), so it cannot be deployed as an OGC process."
                : flagList is not null
                    ? "Input '" + flagList.WireName + "' of " + spec.TypeName + " is a list of booleans, which an OGC process's command line cannot carry (a false element leaves no trace); make it a [ConfigInput] or a list of strings or numbers to deploy it as an OGC process (MAAP0017)."
                    : null;
        if (refusal is not null)
        {
            w.Line("public static string ToCwl() =>");
            w.Line("    throw new global::System.InvalidOperationException(" + Literal(refusal) + ");");
            w.Line();
            return;
        }

        var lines = CwlLines(spec);
        w.Line("public static string ToCwl() =>");
        for (var i = 0; i < lines.Count; i++)
        {
            w.Line("    " + Literal(lines[i] + "\n") + (i == lines.Count - 1 ? ";" : " +"));
        }

        w.Line();
    }

    private static List<string> CwlLines(AlgorithmSpec spec)
    {
        var l = new List<string>
        {
            "cwlVersion: v1.2",
            "$namespaces:",
            "  s: https://schema.org/",
            "$graph:",
            "- class: Workflow",
            "  id: " + CwlYaml.Scalar(spec.AlgorithmId),
            "  label: " + CwlYaml.Scalar(spec.AlgorithmId),
        };
        if (spec.Description is not null)
        {
            l.Add("  doc: " + CwlYaml.Scalar(spec.Description));
        }

        CwlInputs(l, spec, tool: false);
        l.Add("  outputs:");
        l.Add("    out:");
        l.Add("      type: Directory");
        l.Add("      outputSource: process/outputs_result");
        l.Add("  steps:");
        l.Add("    process:");
        l.Add("      run: '#main'");
        if (spec.Inputs.Count == 0)
        {
            l.Add("      in: {}");
        }
        else
        {
            l.Add("      in:");
            foreach (var input in spec.Inputs)
            {
                l.Add("        " + input.WireName + ": " + input.WireName);
            }
        }

        l.Add("      out:");
        l.Add("      - outputs_result");
        l.Add("- class: CommandLineTool");
        l.Add("  id: main");
        l.Add("  requirements:");
        l.Add("    DockerRequirement:");
        l.Add("      dockerPull: " + CwlYaml.Scalar(spec.ContainerImage!));
        l.Add("    NetworkAccess:");
        l.Add("      networkAccess: true");
        if (spec.MemoryMiB > 0 || spec.Cores > 0 || spec.DiskGiB > 0)
        {
            l.Add("    ResourceRequirement:");
            CwlInteger(l, "ramMin", spec.MemoryMiB);
            CwlInteger(l, "coresMin", spec.Cores);
            CwlInteger(l, "outdirMax", spec.DiskGiB);
        }

        CwlCommand(l, spec.RunCommand!);
        CwlInputs(l, spec, tool: true);
        l.Add("  outputs:");
        l.Add("    outputs_result:");
        l.Add("      type: Directory");
        l.Add("      outputBinding:");
        l.Add("        glob: ./output*");

        // MAAP reads these with regular expressions over the text, not as YAML: each stays on one line, and the version
        // stays unquoted (the deploy pipeline takes the HySDS tag from this line without stripping quotes).
        l.Add("s:version: " + spec.Version);
        if (spec.RepositoryUrl is not null)
        {
            l.Add("s:codeRepository: " + CwlYaml.Scalar(spec.RepositoryUrl));
        }

        if (spec.Author is not null)
        {
            l.Add("s:author:");
            l.Add("- class: s:Person");
            l.Add("  s:name: " + CwlYaml.Scalar(spec.Author));
        }

        if (spec.CommitHash is not null)
        {
            l.Add("s:commitHash: " + CwlYaml.Scalar(spec.CommitHash));
        }

        if (spec.Keywords is not null)
        {
            l.Add("s:keywords: " + CwlYaml.Scalar(spec.Keywords));
        }

        return l;
    }

    /// <summary>
    /// The tool's command. MAAP stores <c>baseCommand</c> in a varchar column, so it stays one string: one program
    /// path. A one-word run command is that path, with <c>/app/</c> in front when relative, as MAAP's own build
    /// prefixes it (the image clones the repository under <c>/app/</c>). A run command of several words
    /// (<c>dotnet repo/app.dll</c>) puts its first word in <c>baseCommand</c> and the rest in <c>arguments</c>, each
    /// relative path (a word holding <c>/</c>, not starting with <c>/</c> or <c>-</c>) under <c>/app/</c>; bare words such as <c>dotnet</c> or <c>-u</c> stay as
    /// they are, since the image's PATH finds a program and a flag is no path. cwltool sorts a plain argument as
    /// position 0 and, at equal positions, before any input, so they precede every bound input (positions 1..n).
    /// </summary>
    private static void CwlCommand(List<string> l, string runCommand)
    {
        var words = runCommand.Split(CommandSeparators, System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1)
        {
            var command = runCommand.StartsWith("/", System.StringComparison.Ordinal) ? runCommand : "/app/" + runCommand;
            l.Add("  baseCommand: " + CwlYaml.Scalar(command));
            return;
        }

        l.Add("  baseCommand: " + CwlYaml.Scalar(AppPath(words[0])));
        l.Add("  arguments:");
        for (var i = 1; i < words.Length; i++)
        {
            l.Add("  - " + CwlYaml.Scalar(AppPath(words[i])));
        }
    }

    private static readonly char[] CommandSeparators = { ' ', '\t' };

    private static string AppPath(string word) =>
        word.IndexOf('/') >= 0 && word[0] != '/' && word[0] != '-' ? "/app/" + word : word;

    private static void CwlInteger(List<string> l, string key, int value)
    {
        if (value > 0)
        {
            l.Add("      " + key + ": " + value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// The workflow's or the tool's <c>inputs</c>: the same types, defaults and docs; only the tool binds inputs to the
    /// command line. Every positional and file input gets <c>position: n</c> (1-based, in declaration order) and the
    /// prefix <c>--{name}</c>, so the arguments name themselves: an omitted optional input shifts nothing, a boolean is
    /// a bare flag (present when true), a list repeats its prefix before each element (<c>--bands 1 --bands 2</c>), and
    /// a file is the local path DPS downloaded it to. Config inputs stay off the command line (<c>_context.json</c>).
    /// </summary>
    private static void CwlInputs(List<string> l, AlgorithmSpec spec, bool tool)
    {
        if (spec.Inputs.Count == 0)
        {
            l.Add("  inputs: {}");
            return;
        }

        l.Add("  inputs:");
        var position = 0;
        foreach (var input in spec.Inputs)
        {
            var bound = tool && input.Kind != InputKind.Config;
            l.Add("    " + input.WireName + ":");
            if (bound && input.Collection != CollectionKind.None)
            {
                // The item binding repeats the prefix per element; a type with a binding has no shorthand (T[]?).
                const string nested = "        ";
                var array = input.IsNullable ? "      - " : nested;
                l.Add("      type:");
                if (input.IsNullable)
                {
                    l.Add("      - 'null'");
                }

                l.Add(array + "type: array");
                l.Add(nested + "items: " + CwlItemType(input));
                l.Add(nested + "inputBinding:");
                l.Add(nested + "  prefix: --" + input.WireName);
            }
            else
            {
                l.Add("      type: " + CwlType(input));
            }

            if (input.Description is not null)
            {
                l.Add("      doc: " + CwlYaml.Scalar(input.Description));
            }

            if (input.DefaultText is { } text)
            {
                if (input.Kind == InputKind.File)
                {
                    l.Add("      default:");
                    l.Add("        class: File");
                    l.Add("        location: " + CwlYaml.Scalar(text));
                }
                else if (CwlDefault(input, text) is { } value)
                {
                    l.Add("      default: " + value);
                }
            }

            if (bound)
            {
                position++;
                l.Add("      inputBinding:");
                l.Add("        position: " + position.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (input.Collection == CollectionKind.None)
                {
                    l.Add("        prefix: --" + input.WireName);
                }
            }
        }
    }

    /// <summary><c>File</c> for file inputs, the CWL number or boolean type where one holds every value, else <c>string</c>; <c>[]</c> for lists, <c>?</c> when optional.</summary>
    private static string CwlType(InputSpec input)
    {
        var type = CwlItemType(input);
        if (input.Collection != CollectionKind.None)
        {
            type += "[]";
        }

        return input.IsNullable ? type + "?" : type;
    }

    private static string CwlItemType(InputSpec input) => input.Kind == InputKind.File ? "File" : input.Scalar switch
    {
        ScalarKind.Boolean => "boolean",
        ScalarKind.SByte or ScalarKind.Byte or ScalarKind.Int16 or ScalarKind.UInt16 or ScalarKind.Int32 => "int",
        ScalarKind.UInt32 or ScalarKind.Int64 or ScalarKind.UInt64 => "long",
        ScalarKind.Single => "float",
        ScalarKind.Double or ScalarKind.Decimal => "double",
        _ => "string",
    };

    private static string? CwlDefault(InputSpec input, string text) => input.Scalar switch
    {
        ScalarKind.Boolean => text,
        >= ScalarKind.SByte and <= ScalarKind.UInt64 => CwlYaml.Number(text, floating: false),
        ScalarKind.Single or ScalarKind.Double or ScalarKind.Decimal => CwlYaml.Number(text, floating: true),
        _ => CwlYaml.Scalar(text),
    };
}
