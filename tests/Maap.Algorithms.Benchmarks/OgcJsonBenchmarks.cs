using BenchmarkDotNet.Attributes;
using Maap.Algorithms.Protocol.Ogc;
using Maap.Algorithms.Tests.Protocol.Ogc;

namespace Maap.Algorithms.Benchmarks;

/// <summary>
/// The client's own cost per OGC call: a status body and a job list page parsed (time and allocations). A status
/// poll should cost about what the WPS one does; a detailed page is the largest body a list walk reads, per page.
/// </summary>
[MemoryDiagnoser]
public class OgcJsonBenchmarks
{
    private string _compactPage = null!;
    private string _detailedPage = null!;

    /// <summary>Jobs per list page: maap-py's default (10) and MAAP's own (100).</summary>
    [Params(10, 100)]
    public int PageSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compactPage = OgcSpecVectors.CompactJobs(PageSize);
        _detailedPage = OgcSpecVectors.DetailedJobList(Enumerable.Range(0, PageSize).Select(i => ($"job-{i}", "successful")).ToArray());
    }

    /// <summary>§3.11: the default four-key status body. Returns the status so nothing is boxed.</summary>
    [Benchmark]
    public JobStatus ReadStatus() => OgcJobReader.ReadStatusInfo(OgcSpecVectors.Status).Status;

    /// <summary>§3.11: the detailed status body (<c>getJobDetails=true</c>).</summary>
    [Benchmark]
    public JobStatus ReadDetailedStatus() => OgcJobReader.ReadStatusInfo(OgcSpecVectors.DetailedStatus).Status;

    /// <summary>§3.10: a compact list page.</summary>
    [Benchmark]
    public int ReadCompactPage() => OgcJobListReader.Read(_compactPage, details: false).Count;

    /// <summary>§3.10: a detailed list page (whole Mozart documents, kept per item).</summary>
    [Benchmark]
    public int ReadDetailedPage() => OgcJobListReader.Read(_detailedPage, details: true).Count;

    /// <summary>§3.13: a results body with one product.</summary>
    [Benchmark]
    public JobResult ReadResult() => OgcJobReader.ReadResult(OgcSpecVectors.JobId, OgcSpecVectors.Results);
}
