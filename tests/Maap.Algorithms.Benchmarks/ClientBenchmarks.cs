using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Maap.Algorithms.Protocol;
using Maap.Algorithms.Protocol.Wps;
using Maap.Algorithms.Tests.Protocol.Wps;

namespace Maap.Algorithms.Benchmarks;

/// <summary>
/// The client's own overhead per status call, against an in-memory handler: the full typed call versus a bare
/// <see cref="HttpClient"/> GET + read of the same body through the same handler. The difference is ours
/// (URL building, credential, pipeline, parsing). Budget: under 10 µs per call; allocations are reported, not capped.
/// Both job APIs: the WPS status document and the OGC status JSON.
/// </summary>
[MemoryDiagnoser]
public class StatusCallBenchmarks
{
    private const string JobId = "86fbac52-24b0-4963-8b67-59d0fc09946a";
    private readonly InMemoryMaap _handler = new();
    private MaapClient _client = null!;
    private HttpClient _raw = null!;
    private Uri _statusUrl = null!;

    [Params(MaapJobProtocol.Wps, MaapJobProtocol.Ogc)]
    public MaapJobProtocol Protocol { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _client = new MaapClient(new HttpClient(_handler), new MaapClientOptions { Host = "http://maap.bench", ProxyTicket = "PGT-bench", JobProtocol = Protocol });
        _client.Jobs.GetStatusAsync(JobId).GetAwaiter().GetResult(); // endpoint discovery happens once, here
        _raw = new HttpClient(_handler);
        _statusUrl = new Uri(Protocol == MaapJobProtocol.Ogc ? $"http://maap.bench/api/ogc/jobs/{JobId}" : $"http://maap.bench/api/dps/job/{JobId}/status");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<string> BareHttpClientGet()
    {
        using var response = await _raw.GetAsync(_statusUrl);
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark]
    public Task<JobStatus> TypedGetStatus() => _client.Jobs.GetStatusAsync(JobId);

    private sealed class InMemoryMaap : HttpMessageHandler
    {
        private static readonly byte[] Config = Encoding.UTF8.GetBytes("""{"maap_endpoint": {"dps_job": "dps/job", "member": "members/self", "algorithm_register": "mas/algorithm", "processes_ogc": "ogc/processes", "deployment_jobs_ogc": "ogc/deploymentJobs", "jobs_ogc": "ogc/jobs"}, "service": {"maap_api_root": "http://maap.bench/api"}}""");
        private static readonly byte[] Status = Encoding.UTF8.GetBytes(WpsTestVectors.Tv2SubmitSuccess);
        private static readonly byte[] OgcStatus = Encoding.UTF8.GetBytes("""{"jobID": "86fbac52-24b0-4963-8b67-59d0fc09946a", "processID": 12, "type": null, "status": "running"}""" + "\n");
        private static readonly MediaTypeHeaderValue Xml = new("text/xml") { CharSet = "utf-8" };
        private static readonly MediaTypeHeaderValue Json = new("application/json");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var isConfig = path.EndsWith("/config", StringComparison.Ordinal);
            var isOgc = path.StartsWith("/api/ogc/", StringComparison.Ordinal);
            var content = new ByteArrayContent(isConfig ? Config : isOgc ? OgcStatus : Status);
            content.Headers.ContentType = isConfig || isOgc ? Json : Xml;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

/// <summary>Reading one 250-job detailed list page (MAAP's largest page) into typed items.</summary>
[MemoryDiagnoser]
public class JobListBenchmarks
{
    private string _detailedPage = null!;
    private string _compactPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var detailed = new StringBuilder("{\"status\": 200, \"jobs\": [");
        var compact = new StringBuilder("{\"status\": 200, \"jobs\": [");
        for (var i = 0; i < 250; i++)
        {
            var id = Guid.NewGuid().ToString();
            var separator = i == 0 ? string.Empty : ",";
            compact.Append(separator).Append($"{{\"id\": \"{id}\", \"tags\": [\"batch\"]}}");
            detailed.Append(separator).Append("""
                {"__ID__": {"resource": "job", "payload_hash": "0f217c35a6bdacf46b164106af9ab473", "job_id": "job-gedi-subset__0.12.0-20250731T214126.947077Z",
                 "type": "job-gedi-subset:0.12.0", "status": "job-completed", "tags": ["batch"],
                 "context": {"tag": "batch", "outsize": 30, "output_file": "output.tif", "localize_urls": [{"url": "https://example.org/in/__I__.tif"}],
                             "_command": "/app/dps_wrapper.sh '/app/gedi/run.sh' 'output.tif' '30'",
                             "job_specification": {"command": "/app/dps_wrapper.sh '/app/gedi/run.sh'", "recommended-queues": ["maap-dps-worker-8gb"],
                                                   "params": [{"destination": "localize", "name": "input_file", "value": "https://example.org/in/__I__.tif"},
                                                              {"destination": "positional", "name": "output_file", "value": "output.tif"}]}},
                 "job": {"job_info": {"job_queue": "maap-dps-worker-8gb", "time_queued": "2025-07-31T21:40:00.000000Z", "time_start": "2025-07-31T21:40:10.000000Z", "time_end": "2025-07-31T21:41:26.947077Z",
                         "metrics": {"products_staged": [{"id": "output-2025-07-31T21:41:26.947077",
                                     "urls": ["http://maap-ops-workspace.s3-website-us-west-2.amazonaws.com/u/dps_output/gedi-subset/0.12.0/batch/2025/07/31/21/41/26/947077",
                                              "s3://s3-us-west-2.amazonaws.com:80/maap-ops-workspace/u/dps_output/gedi-subset/0.12.0/batch/2025/07/31/21/41/26/947077"],
                                     "product_folder_path": "my-private-bucket/dps_output/gedi-subset/0.12.0/batch/2025/07/31/21/41/26/947077"}]}}}}}
                """.Replace("__ID__", id, StringComparison.Ordinal).Replace("__I__", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        _detailedPage = detailed.Append("]}").ToString();
        _compactPage = compact.Append("]}").ToString();
    }

    [Benchmark]
    public int ParseDetailedPageOf250() => WpsJobListParser.Parse(_detailedPage).Count;

    [Benchmark]
    public int ParseCompactPageOf250() => WpsJobListParser.Parse(_compactPage).Count;
}
