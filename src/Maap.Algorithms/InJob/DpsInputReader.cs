using System.ComponentModel;

namespace Maap.Algorithms;

/// <summary>
/// Reads an algorithm's inputs from a running job by their metadata; generated <c>FromContext</c> methods call it so
/// each record's generated code stays one line per input. Inputs are read in declaration order, so the first missing
/// or unparseable one is the one reported.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DpsInputReader
{
    private readonly DpsJobContext _context;
    private readonly IReadOnlyList<MaapInputMetadata> _inputs;
    private readonly int[] _positionalIndex;

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
        var text = _context.GetInput(input.Name, input.Kind, _positionalIndex[index], input.Required) ?? input.DefaultValue ?? string.Empty;
        var value = parse(text, input.Name);
        if (input.Kind == MaapInputKind.File)
        {
            _context.ResolveInputFile(input.Name, text);
        }

        return value;
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
        var input = _inputs[index];
        var text = _context.GetInput(input.Name, input.Kind, _positionalIndex[index], required: false);
        return string.IsNullOrEmpty(text) ? null : text;
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
