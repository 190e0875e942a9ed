namespace Maap.Algorithms.Tests.Protocol.Wps;

/// <summary>The XML test vectors of maap-api-spec.md §17 (and the §3 and §6 samples they point at), copied verbatim.</summary>
internal static class WpsTestVectors
{
    /// <summary>TV-1: the Execute document maap-py sends for the SEED call (spec §3 sample, tabs and blank lines included).</summary>
    public const string Tv1Execute = Maap.Algorithms.Testing.SpecDocuments.Tv1Execute;

    /// <summary>TV-2: submit success, current server (insertion-order declarations).</summary>
    public const string Tv2SubmitSuccess = """
        <wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</wps:JobID><wps:Status>Accepted</wps:Status></wps:StatusInfo>
        """;

    /// <summary>TV-3: status from an older server (alphabetical declarations).</summary>
    public const string Tv3StatusAlphabetical = """
        <wps:StatusInfo xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><wps:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</wps:JobID><wps:Status>Succeeded</wps:Status></wps:StatusInfo>
        """;

    /// <summary>TV-4: status of an unknown or purged id.</summary>
    public const string Tv4StatusDeleted = """
        <wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</wps:JobID><wps:Status>Deleted</wps:Status></wps:StatusInfo>
        """;

    /// <summary>TV-5: result of a successful job.</summary>
    public const string Tv5Result = """
        <wps:Result xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><wps:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</wps:JobID><wps:Output id="output-2023-05-10T15:39:51.905070"><wps:Data>http://maap-dit-workspace.s3-website-us-west-2.amazonaws.com/anonymous/dps_output/run-dps-test_ubuntu/delay10/2023/05/10/15/39/51/905070</wps:Data><wps:Data>s3://s3-us-west-2.amazonaws.com:80/maap-dit-workspace/anonymous/dps_output/run-dps-test_ubuntu/delay10/2023/05/10/15/39/51/905070</wps:Data><wps:Data>https://s3.console.aws.amazon.com/s3/buckets/maap-dit-workspace/anonymous/dps_output/run-dps-test_ubuntu/delay10/2023/05/10/15/39/51/905070/?region=us-east-1&amp;tab=overview</wps:Data></wps:Output></wps:Result>
        """;

    /// <summary>TV-6: result of a failed job with a traceback.</summary>
    public const string Tv6ResultWithTraceback = """
        <wps:Result xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</wps:JobID><wps:Output id="output-2023-05-10T15:39:51.905070"><wps:Data>http://a/b</wps:Data><wps:Data>s3://s3-us-west-2.amazonaws.com:80/maap-dit-workspace/anonymous/dps_output/x</wps:Data><wps:Data>https://s3.console.aws.amazon.com/s3/buckets/maap-dit-workspace/anonymous/dps_output/x/?region=us-east-1&amp;tab=overview</wps:Data></wps:Output><wps:Output id="traceback"><wps:Data>Traceback line</wps:Data></wps:Output></wps:Result>
        """;

    /// <summary>TV-7: submit error, missing parameter (HTTP 500).</summary>
    public const string Tv7MissingParameter = """
        <ows:ExceptionReport xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><ows:Exception exceptionCode="FailedJobSubmit" locator="Execute"><ows:ExceptionText>Failed to submit job of type job-foo:main. Exception Message: Parameter input_file missing from inputs. No default set in algorithm spec. Please specify and resubmit.</ows:ExceptionText></ows:Exception></ows:ExceptionReport>
        """;

    /// <summary>The exception text of TV-7b: submit error, forbidden queue (HTTP 400), in the TV-7 document.</summary>
    public const string Tv7bText = "User does not have access to maap-dps-worker-32gb. Valid queues: ['maap-dps-sandbox', 'maap-dps-worker-8gb']";

    /// <summary>TV-7b: the TV-7 document with the forbidden-queue text.</summary>
    public static readonly string Tv7bForbiddenQueue = Tv7MissingParameter.Replace(
        "Failed to submit job of type job-foo:main. Exception Message: Parameter input_file missing from inputs. No default set in algorithm spec. Please specify and resubmit.",
        Tv7bText,
        StringComparison.Ordinal);

    /// <summary>TV-8: cancel accepted (HTTP 202).</summary>
    public const string Tv8CancelAccepted = """
        <wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>fac2904d-b45d-4cf3-971f-45586a6bc78a</wps:JobID><wps:Status>Accepted</wps:Status></wps:StatusInfo>
        """;

    /// <summary>TV-9: metrics (spec §6 sample, PY dps_job.py docstring).</summary>
    public const string Tv9Metrics = """
        <metrics><machine_type>c5.4xlarge</machine_type><architecture/><machine_memory_size>None</machine_memory_size><directory_size>11272048640</directory_size><operating_system/><job_start_time>2020-09-30T15:38:14.958617Z</job_start_time><job_end_time>2020-09-30T15:42:34.019469Z</job_end_time><job_duration_seconds>259.060852</job_duration_seconds><cpu_usage>472452560263</cpu_usage><cache_usage>9911152640</cache_usage><mem_usage>9913106432</mem_usage><max_mem_usage>10723651584</max_mem_usage><swap_usage>0</swap_usage><read_io_stats>0</read_io_stats><write_io_stats>0</write_io_stats><sync_io_stats>0</sync_io_stats><async_io_stats>0</async_io_stats><total_io_stats>0</total_io_stats></metrics>
        """;
}
