namespace Maap.Cli;

/// <summary>The streams a command reads and writes, so tests can run the CLI in-process.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TextReader input, bool isOutputRedirected, Func<string, string?>? readHidden = null)
{
    public static CliConsole System => new(Console.Out, Console.Error, Console.In, Console.IsOutputRedirected,
        Console.IsInputRedirected ? null : HiddenTerminalInput.ReadLine);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader In { get; } = input;

    /// <summary>When true (a pipe or a file), live displays print plain lines instead of redrawing one.</summary>
    public bool IsOutputRedirected { get; } = isOutputRedirected;

    /// <summary>
    /// Prompts and reads one line without echoing it, when standard input is a terminal; null when it is a pipe or a
    /// file (then read <see cref="In"/>). Returns null when the input ended before Enter.
    /// </summary>
    public Func<string, string?>? ReadHidden { get; } = readHidden;
}
