using Maap.Algorithms.Tests.Protocol.Wps;

namespace Maap.Algorithms.Tests.Infrastructure;

/// <summary>
/// Test vectors of maap-api-spec.md §17 for client tests: the XML ones are those of <see cref="WpsTestVectors"/>,
/// the JSON ones and the extra server variants are copied verbatim here.
/// </summary>
public static class SpecVectors
{
    public const string JobId = "86fbac52-24b0-4963-8b67-59d0fc09946a";

    public const string Tv2SubmitSuccess = WpsTestVectors.Tv2SubmitSuccess;

    public const string Tv3StatusAlphabetical = WpsTestVectors.Tv3StatusAlphabetical;

    public const string Tv4StatusDeleted = WpsTestVectors.Tv4StatusDeleted;

    public const string Tv5Result = WpsTestVectors.Tv5Result;

    public const string Tv6FailedResult = WpsTestVectors.Tv6ResultWithTraceback;

    public const string Tv7MissingParameter = WpsTestVectors.Tv7MissingParameter;

    public static readonly string Tv7bForbiddenQueue = WpsTestVectors.Tv7bForbiddenQueue;

    public const string Tv8CancelAccepted = WpsTestVectors.Tv8CancelAccepted;

    public const string Tv8CancelTerminal = """<ows:ExceptionReport xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><ows:Exception exceptionCode="FailedJobCancel" locator="Dismiss"><ows:ExceptionText>Not allowed to cancel job with status job-completed</ows:ExceptionText></ows:Exception></ows:ExceptionReport>""";

    public const string Tv9Metrics = WpsTestVectors.Tv9Metrics;

    public const string Tv9MetricsCurrentServer = """<metrics><machine_type>c5.4xlarge</machine_type><architecture>x86_64</architecture><machine_memory_size>32 GB</machine_memory_size><directory_size>11272048640</directory_size><operating_system>Linux</operating_system><job_start_time>2020-09-30T15:38:14.958617Z</job_start_time><job_end_time>2020-09-30T15:42:34.019469Z</job_end_time><job_duration_seconds>259.060852</job_duration_seconds><cpu_usage>472452560263</cpu_usage><cache_usage>9911152640</cache_usage><mem_usage>&lt;Element 'mem_usage' at 0x7f7282fbf1a0&gt;</mem_usage><max_mem_usage>&lt;Element 'max_mem_usage' at 0x7f7282fbf1f0&gt;</max_mem_usage><swap_usage>&lt;Element 'swap_usage' at 0x7f7282fbf240&gt;</swap_usage><read_io_stats>&lt;Element 'read_io_stats' at 0x7f7282fbf290&gt;</read_io_stats><write_io_stats>&lt;Element 'write_io_stats' at 0x7f7282fbf2e0&gt;</write_io_stats><sync_io_stats>&lt;Element 'sync_io_stats' at 0x7f7282fbf330&gt;</sync_io_stats><async_io_stats>&lt;Element 'async_io_stats' at 0x7f7282fbf380&gt;</async_io_stats><total_io_stats>&lt;Element 'total_io_stats' at 0x7f7282fbf3d0&gt;</total_io_stats></metrics>""";

    public const string Tv10CompactItems = """[{"id": "e6b6b27d-d409-4f6b-8aa2-505c2dc150fd", "tags": ["test"]}, {"id": "fd504b51-096a-42fe-8f1d-a157352dfad0", "tags": ["test"]}, {"id": "69dc095a-4895-43a2-951a-763f3a33b0bf", "tags": ["test"]}, {"id": "c7983efc-689f-4008-b87a-bc3450213152", "tags": ["test"]}, {"id": "41288295-6744-424e-ae26-c1dd9e26c288", "tags": ["test", "test"]}]""";

    public const string Tv10OldEnvelope = """{"code": 200, "jobs": """ + Tv10CompactItems + """, "message": "success"}""";

    public const string Tv10CurrentEnvelope = """{"status": 200, "jobs": """ + Tv10CompactItems + "}";

    public const string Tv15AuthFailure = """{"message": "No valid authentication credentials provided or processed.", "code": 401}""";

    public const string DetailedListPage = """
        {"status": 200, "jobs": [{"b308b3cd-8848-4154-b682-aaf3d39734ee": {
          "resource": "job", "payload_hash": "0f217c35a6bdacf46b164106af9ab473",
          "job_id": "job-dps_tutorial_mlucas_test__main-20240626T172521.763123Z",
          "type": "job-dps_tutorial_mlucas_test:main",
          "status": "job-completed", "tags": ["test-new"],
          "context": {"tag": "test-new", "outsize": 30, "output_file": "output.tif",
                      "localize_urls": [{"url": "https://photojournal.jpl.nasa.gov/tiff/PIA00127.tif"}],
                      "_command": "/app/dps_wrapper.sh '/app/dps_tutorial/gdal_wrapper/run_gdal.sh' 'output.tif' '30'"},
          "job": {"job_info": {"job_queue": "maap-dps-worker-8gb", "time_queued": "2024-06-26T17:25:21.763123Z", "time_start": "2024-06-26T17:25:40.000000Z", "time_end": "2024-06-26T17:27:01.123456Z",
                  "metrics": {"products_staged": [{"id": "output-2024-06-26T17:27:01.123456",
                              "urls": ["http://bucket.example/u/dps_output/x", "s3://s3-us-west-2.amazonaws.com:80/bucket/u/dps_output/x"], "product_folder_path": "my-private-bucket/dps_output/x"}]}}}
        }}, {"41288295-6744-424e-ae26-c1dd9e26c288": {"message": "Failed to get job info"}}]}
        """;
}
