namespace Maap.Cli.Output;

/// <summary>Writes rows as left-aligned columns separated by two spaces, with a header row.</summary>
internal static class TableWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in all)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], (row[i] ?? string.Empty).Length);
            }
        }

        WriteRow(writer, headers, widths);
        foreach (var row in all)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, IReadOnlyList<string?> cells, int[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = cells[i] ?? string.Empty;
            writer.Write(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
        }

        writer.WriteLine();
    }
}
