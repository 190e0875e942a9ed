using System;
using System.Text;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary>A <see cref="StringBuilder"/> that indents each line by the current block depth and writes <c>\n</c> line ends.</summary>
internal sealed class SourceWriter
{
    // One builder per thread, reused: a fresh 16K-character buffer per record was most of the emitter's allocation.
    [ThreadStatic]
    private static StringBuilder? s_cached;

    private readonly StringBuilder _text;
    private int _depth;

    public SourceWriter()
    {
        _text = s_cached ?? new StringBuilder(16 * 1024);
        s_cached = null;
        _text.Clear();
    }

    /// <summary>Writes indentation only; finish the line with <see cref="Append"/> and <see cref="End"/>.</summary>
    public SourceWriter Start()
    {
        _text.Append(' ', _depth * 4);
        return this;
    }

    public SourceWriter Append(string text)
    {
        _text.Append(text);
        return this;
    }

    public void End(string text = "")
    {
        _text.Append(text);
        _text.Append('\n');
    }

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4);
            _text.Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>One line from parts, without concatenating them first.</summary>
    public void Line(string a, string b, string c = "", string d = "", string e = "", string f = "", string g = "")
    {
        _text.Append(' ', _depth * 4).Append(a).Append(b).Append(c).Append(d).Append(e).Append(f).Append(g).Append('\n');
    }

    /// <summary>
    /// Writes a block of lines (usually a raw string literal, which reads as the code it writes) at the current depth.
    /// Lines are split on <c>\n</c> without copying them; an empty line is written without indentation.
    /// </summary>
    public void Block(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var length = end > start && text[end - 1] == '\r' ? end - start - 1 : end - start;
            if (length > 0)
            {
                _text.Append(' ', _depth * 4).Append(text, start, length);
            }

            _text.Append('\n');
            start = end + 1;
        }
    }

    public void Open(string line)
    {
        Line(line);
        Line("{");
        _depth++;
    }

    /// <summary>Opens a block after a header written with <see cref="Line(string, string, string, string, string, string, string)"/>.</summary>
    public void OpenBrace()
    {
        Line("{");
        _depth++;
    }

    public void Close(string suffix = "")
    {
        _depth = Math.Max(0, _depth - 1);
        Line("}" + suffix);
    }

    /// <summary>The text; the writer's buffer goes back to the thread's cache, so the writer must not be used after.</summary>
    public override string ToString()
    {
        var text = _text.ToString();
        if (_text.Capacity <= 64 * 1024)
        {
            s_cached = _text;
        }

        return text;
    }
}
