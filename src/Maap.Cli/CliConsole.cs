namespace Maap.Cli;

/// <summary>Where the command reads and writes; tests pass string writers.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TextReader input, bool isOutputRedirected)
{
    public static CliConsole System => new(Console.Out, Console.Error, Console.In, Console.IsOutputRedirected);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader In { get; } = input;

    /// <summary>When true (a pipe or a file), live displays print plain lines instead of redrawing one.</summary>
    public bool IsOutputRedirected { get; } = isOutputRedirected;
}
