using System.ComponentModel;

namespace Maap.Algorithms;

/// <summary>
/// Reads an algorithm's inputs from a running job by their metadata; generated <c>FromContext</c> methods call it so
/// each record's generated code stays one line per input. Inputs are read in declaration order, so the first missing
/// or unparseable one is the one reported.
/// </summary>
/// <remarks>
/// A WPS job (<see cref="DpsJobContext.IsOgcJob"/> false) has its positional inputs on the command line in registration
/// order and everything in <c>_context.json</c>. An OGC job has its positional and file inputs on the command line as
/// the generated CWL binds them (<c>--{name} value</c>; a boolean is a bare <c>--{name}</c> when true; a list repeats
/// <c>--{name}</c> per element; a file is its local path) and its config inputs in <c>_context.json</c>. A bound input
/// absent from the command line is looked up in <c>_context.json</c>, then reads as false (a boolean), empty (a list) or
/// null (a nullable input): the CWL runner already applied the defaults, so absent means unset. A file input's value is
/// its URL from <c>_context.json</c> when there is one, else the local path on the command line.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DpsInputReader
{
    private readonly DpsJobContext _context;
    private readonly IReadOnlyList<MaapInputMetadata> _inputs;
    private readonly int[] _positionalIndex;
    private readonly OgcArguments? _ogc;

    /// <summary>Creates a reader.</summary>
    /// <param name="context">The running job.</param>
    /// <param name="inputs">The algorithm's inputs, in declaration order.</param>
    public DpsInputReader(DpsJobContext context, IReadOnlyList<MaapInputMetadata> inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        _context = context;
        _inputs = inputs;
        _positionalIndex = new int[inputs.Count];
        var next = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            _positionalIndex[i] = inputs[i].Kind == MaapInputKind.Positional ? next++ : -1;
        }

        _ogc = context.IsOgcJob ? OgcArguments.Parse(context.Arguments, inputs) : null;
    }

    /// <summary>Reads a non-nullable input: required, or its registered default when the job lacks it.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <param name="index">The input's index in declaration order.</param>
    /// <param name="parse">Parses the text; the second argument is the input name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DpsJobInputException">The input is missing, unparseable, or its file was not downloaded.</exception>
    public T Read<T>(int index, Func<string, string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var input = _inputs[index];
        var text = Text(index, nullable: false) ?? input.DefaultValue;
        if (text is null && input.Required)
        {
            throw new DpsJobInputException(input.Name, _ogc is null ? MissingFromWps(index)
                : input.Kind == MaapInputKind.Config ? "missing: not in _context.json" : $"missing: not on the command line (--{input.Name}) nor in _context.json");
        }

        return Read(index, text ?? string.Empty, parse);
    }

    /// <summary>Reads a nullable value-type input: null when the job lacks it or has it empty.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="index">The input's index in declaration order.</param>
    /// <param name="parse">Parses the text; the second argument is the input name.</param>
    /// <returns>The value, or null.</returns>
    public T? ReadNullable<T>(int index, Func<string, string, T> parse)
        where T : struct
    {
        var text = Optional(index);
        return text is null ? null : Read(index, text, parse);
    }

    /// <summary>Reads a nullable reference-type input: null when the job lacks it or has it empty.</summary>
    /// <typeparam name="T">The reference type.</typeparam>
    /// <param name="index">The input's index in declaration order.</param>
    /// <param name="parse">Parses the text; the second argument is the input name.</param>
    /// <returns>The value, or null.</returns>
    public T? ReadOptional<T>(int index, Func<string, string, T> parse)
        where T : class
    {
        var text = Optional(index);
        return text is null ? null : Read(index, text, parse);
    }

    private string? Optional(int index)
    {
        var text = Text(index, nullable: true);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The input's text as the job received it, or null when the job lacks it.</summary>
    private string? Text(int index, bool nullable)
    {
        var input = _inputs[index];
        if (_ogc is null)
        {
            return _context.GetInput(input.Name, input.Kind, _positionalIndex[index], required: false);
        }

        if (input.Kind == MaapInputKind.Config)
        {
            return _context.GetInput(input.Name, input.Kind, -1, required: false);
        }

        var values = _ogc.Values(input.Name);
        if (values is null)
        {
            // A false boolean and an empty list leave nothing on the command line; _context.json, where the emulator
            // writes every input, still tells a false bool? from a null one.
            return _context.GetInput(input.Name, input.Kind, -1, required: false)
                ?? (nullable ? null : input.IsList ? "[]" : input.DataType == "boolean" ? "false" : null);
        }

        if (input.IsList)
        {
            return MaapInputValues.FormatArray(values, static v => v, quoted: true);
        }

        // The command line has the local path; the record holds the URL the job was submitted with, as over WPS.
        return input.Kind == MaapInputKind.File ? _context.GetInput(input.Name, input.Kind, -1, required: false) ?? values[0] : values[0];
    }

    private string MissingFromWps(int index)
    {
        var input = _inputs[index];
        return input.Kind == MaapInputKind.Positional
            ? $"missing: not among the {_context.Arguments.Count} positional arguments (expected at index {_positionalIndex[index]}) nor in _context.json"
            : "missing: not in _context.json";
    }

    private T Read<T>(int index, string text, Func<string, string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var input = _inputs[index];
        var value = parse(text, input.Name);
        if (input.Kind == MaapInputKind.File)
        {
            _context.ResolveInputFile(input.Name, text);
        }

        return value;
    }
}
