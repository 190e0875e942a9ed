namespace Maap.Algorithms;

/// <summary>
/// The command line of an OGC job, read by the bindings the generated CWL declares: every positional and file input is
/// <c>--{name} value</c>, a boolean is a bare <c>--{name}</c> when true, a list repeats <c>--{name}</c> before each
/// element. A value is always the word right after its prefix, so a value that itself starts with <c>--</c> is read as a
/// value. Parsed whole up front, so a stray or unknown word fails before any input is used.
/// </summary>
internal sealed class OgcArguments
{
    private readonly Dictionary<string, List<string>> _values;

    private OgcArguments(Dictionary<string, List<string>> values) => _values = values;

    /// <summary>Splits the arguments by input.</summary>
    /// <param name="arguments">The job's arguments, without the program name.</param>
    /// <param name="inputs">The algorithm's inputs; config inputs are not on the command line.</param>
    /// <returns>The values of each input present.</returns>
    /// <exception cref="DpsJobInputException">An unknown <c>--name</c>, a stray value, a prefix without its value, or a single-valued input given twice.</exception>
    public static OgcArguments Parse(IReadOnlyList<string> arguments, IReadOnlyList<MaapInputMetadata> inputs)
    {
        var bound = new Dictionary<string, MaapInputMetadata>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (input.Kind != MaapInputKind.Config)
            {
                bound["--" + input.Name] = input;
            }
        }

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? previous = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (!bound.TryGetValue(word, out var input))
            {
                // The stray word itself stays out of the message: it is a value, and values can be presigned URLs.
                if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
                {
                    throw new DpsJobInputException(word.Substring(2), $"argument {i + 1} names no input this algorithm takes on its command line");
                }

                throw previous is null
                    ? new DpsJobInputException($"argument {i + 1}", "expected --<input name> but found a value")
                    : new DpsJobInputException(previous, $"argument {i + 1} is an extra value after this input's value (a list repeats --{previous} before each element)");
            }

            previous = input.Name;
            var isFlag = input.DataType == "boolean" && !input.IsList;
            if (values.TryGetValue(input.Name, out var list) && !input.IsList)
            {
                throw new DpsJobInputException(input.Name, $"given {list.Count + 1} times on the command line; it takes one value");
            }

            if (list is null)
            {
                list = new List<string>();
                values[input.Name] = list;
            }

            if (isFlag)
            {
                list.Add("true");
                continue;
            }

            if (i + 1 >= arguments.Count)
            {
                throw new DpsJobInputException(input.Name, $"--{input.Name} is the last argument: its value is missing");
            }

            list.Add(arguments[++i]);
        }

        return new OgcArguments(values);
    }

    /// <summary>The values of one input, in command-line order, or null when it is not on the command line.</summary>
    /// <param name="name">The input name.</param>
    /// <returns>The values, or null.</returns>
    public IReadOnlyList<string>? Values(string name) => _values.TryGetValue(name, out var values) ? values : null;
}
