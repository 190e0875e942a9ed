namespace Maap.Algorithms;

/// <summary>An input of a running DPS job is missing or cannot be parsed into its declared type.</summary>
public sealed class DpsJobInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="inputName">The registered input name.</param>
    /// <param name="problem">What is wrong, for example <c>missing</c> or <c>expected a 32-bit integer</c>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DpsJobInputException(string inputName, string problem, Exception? innerException = null)
        : base($"DPS job input '{inputName}': {problem}.", innerException)
    {
        InputName = inputName;
    }

    /// <summary>The registered input name.</summary>
    public string InputName { get; }
}
