using System.Globalization;

namespace Maap.Dps.Emulator.Running;

/// <summary>
/// Measures a job's process tree from <c>/proc</c>: peak resident memory (sum over the tree), file-backed resident
/// memory as the page-cache figure, CPU time and I/O bytes. Processes that have exited keep their last sample.
/// </summary>
internal sealed class ProcessTreeSampler(int rootPid)
{
    private static readonly long TicksPerSecond = 100; // USER_HZ on Linux.
    private readonly Dictionary<int, (long CpuTicks, long Read, long Write)> _last = [];

    public long PeakRssBytes { get; private set; }
    public long PeakFileRssBytes { get; private set; }
    public long LastRssBytes { get; private set; }
    public long PeakSwapBytes { get; private set; }

    public long CpuNanoseconds => _last.Values.Sum(v => v.CpuTicks) * (1_000_000_000 / TicksPerSecond);
    public long ReadBytes => _last.Values.Sum(v => v.Read);
    public long WriteBytes => _last.Values.Sum(v => v.Write);

    public void Sample()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        long rss = 0, fileRss = 0, swap = 0;
        foreach (var pid in Tree())
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    {
                        rss += Kilobytes(line);
                    }
                    else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                    {
                        fileRss += Kilobytes(line);
                    }
                    else if (line.StartsWith("VmSwap:", StringComparison.Ordinal))
                    {
                        swap += Kilobytes(line);
                    }
                }

                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var cpu = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                long read = 0, write = 0;
                try
                {
                    foreach (var line in File.ReadLines($"/proc/{pid}/io"))
                    {
                        if (line.StartsWith("read_bytes:", StringComparison.Ordinal))
                        {
                            read = long.Parse(line.AsSpan(11).Trim(), CultureInfo.InvariantCulture);
                        }
                        else if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
                        {
                            write = long.Parse(line.AsSpan(12).Trim(), CultureInfo.InvariantCulture);
                        }
                    }
                }
                catch (UnauthorizedAccessException)
                {
                }

                _last[pid] = (cpu, read, write);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process exited between listing and reading.
            }
        }

        LastRssBytes = rss;
        PeakRssBytes = Math.Max(PeakRssBytes, rss);
        PeakFileRssBytes = Math.Max(PeakFileRssBytes, fileRss);
        PeakSwapBytes = Math.Max(PeakSwapBytes, swap);
    }

    private List<int> Tree()
    {
        var result = new List<int>();
        var pending = new Stack<int>();
        pending.Push(rootPid);
        while (pending.Count > 0 && result.Count < 10_000)
        {
            var pid = pending.Pop();
            result.Add(pid);
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                {
                    var children = File.ReadAllText(Path.Combine(task, "children"));
                    foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
            }
        }

        return result;
    }

    private static long Kilobytes(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : 0;
    }
}
