using System.Text;

namespace Maap.Cli;

/// <summary>Reads a secret typed at a terminal: the prompt on stderr, no echo, Enter ends it, Backspace edits it.</summary>
internal static class HiddenTerminalInput
{
    public static string? ReadLine(string prompt)
    {
        Console.Error.Write(prompt);
        var value = new StringBuilder();
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        return value.ToString();
                    case ConsoleKey.Backspace:
                        if (value.Length > 0)
                        {
                            value.Length--;
                        }

                        break;
                    default:
                        if (key.Modifiers.HasFlag(ConsoleModifiers.Control) && key.Key == ConsoleKey.D)
                        {
                            return null; // Ctrl+D: the input ended
                        }

                        if (!char.IsControl(key.KeyChar))
                        {
                            value.Append(key.KeyChar);
                        }

                        break;
                }
            }
        }
        finally
        {
            // The cursor is still after the prompt: end its line so the next output starts on its own.
            Console.Error.WriteLine();
        }
    }
}
