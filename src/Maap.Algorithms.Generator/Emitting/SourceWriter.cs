using System;
using System.Text;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary>A <see cref="StringBuilder"/> that indents each line by the current block depth and writes <c>\n</c> line ends.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new(16 * 1024);
    private int _depth;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4);
            _text.Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes a multi-line block (for example a raw string literal), indenting each of its lines.</summary>
    public void Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }
    }

    public void Open(string line)
    {
        Line(line);
        Line("{");
        _depth++;
    }

    public void Close(string suffix = "")
    {
        _depth = Math.Max(0, _depth - 1);
        Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
