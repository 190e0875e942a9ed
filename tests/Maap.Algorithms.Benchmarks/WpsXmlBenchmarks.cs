using System.Text;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using Maap.Algorithms.Protocol.Wps;
using Maap.Algorithms.Tests.Protocol.Wps;

namespace Maap.Algorithms.Benchmarks;

/// <summary>
/// The client's own cost per WPS call: one Execute document written, each response kind parsed with
/// <see cref="System.Xml.XmlReader"/> (time and allocations; the budget is time only, under 10 µs per status call).
/// </summary>
[MemoryDiagnoser]
public class WpsXmlBenchmarks
{
    private JobRequest _seedRequest = null!;
    private string _longTracebackResult = null!;

    /// <summary>Traceback lines: reading 4x the lines should cost about 4x the time (the linear-time check).</summary>
    [Params(10_000, 40_000)]
    public int TracebackLines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _seedRequest = new JobRequest("run-dps-test_ubuntu", "delay10", "maap-dps-worker-8gb") { Tag = "test-job" }
            .WithInput("input_file", "https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md");

        // A failed job's Result whose traceback (job stderr) is 10,000 lines (about 650,000 characters) or 40,000.
        var traceback = new StringBuilder("Traceback (most recent call last):\n");
        for (var line = 1; line <= TracebackLines; line++)
        {
            traceback.Append("  File \"/app/dps/algorithm/run.py\", line ").Append(line).Append(", in process_granule\n");
        }

        _longTracebackResult = WpsTestVectors.Tv6ResultWithTraceback.Replace("Traceback line", traceback.Append("RuntimeError: failed").ToString(), StringComparison.Ordinal);
    }

    /// <summary>TV-1: the SEED submission.</summary>
    [Benchmark]
    public string WriteExecute() => WpsExecuteWriter.Write(_seedRequest);

    /// <summary>TV-2: a StatusInfo (submit, status and cancel responses). Returns the status so nothing is boxed.</summary>
    [Benchmark]
    public JobStatus ReadStatusInfo() => WpsReader.ReadStatusInfo(WpsTestVectors.Tv2SubmitSuccess).Status;

    /// <summary>TV-5: a finished job's Result with three URLs.</summary>
    [Benchmark]
    public JobResult ReadResult() => WpsReader.ReadResult(WpsTestVectors.Tv5Result);

    /// <summary>TV-6 with a long traceback (<see cref="TracebackLines"/>): one text node full of line ends.</summary>
    [Benchmark]
    public JobResult ReadResultWithLongTraceback() => WpsReader.ReadResult(_longTracebackResult);

    /// <summary>TV-9: the 18 metrics fields.</summary>
    [Benchmark]
    public JobMetrics ReadMetrics() => WpsReader.ReadMetrics(WpsTestVectors.Tv9Metrics);

    /// <summary>TV-7: a submit error.</summary>
    [Benchmark]
    public string? ReadExceptionReport() => WpsReader.TryReadExceptionReport(WpsTestVectors.Tv7MissingParameter)?.Text;

    /// <summary>For scale: what System.Xml.Linq spends to load the same StatusInfo (TV-2), before reading anything from it.</summary>
    [Benchmark]
    public XDocument XDocumentParseStatusInfo() => XDocument.Parse(WpsTestVectors.Tv2SubmitSuccess);
}
