using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

public class WpsMetricsReaderTests
{
    private static readonly string[] DocumentOrder =
    [
        "machine_type", "architecture", "machine_memory_size", "directory_size", "operating_system",
        "job_start_time", "job_end_time", "job_duration_seconds", "cpu_usage", "cache_usage", "mem_usage",
        "max_mem_usage", "swap_usage", "read_io_stats", "write_io_stats", "sync_io_stats", "async_io_stats", "total_io_stats",
    ];

    private static readonly string[] ElementReprFields =
    [
        "mem_usage", "max_mem_usage", "swap_usage", "read_io_stats", "write_io_stats", "sync_io_stats", "async_io_stats", "total_io_stats",
    ];

    [Fact]
    public void Metrics_TV9_keep_every_child_in_document_order()
    {
        var metrics = WpsReader.ReadMetrics(WpsTestVectors.Tv9Metrics);

        Assert.Equal(DocumentOrder, metrics.RawValues.Keys);
        Assert.Equal("c5.4xlarge", metrics.RawValues["machine_type"]);
        Assert.Null(metrics.RawValues["architecture"]);
        Assert.Null(metrics.RawValues["operating_system"]);
        Assert.Equal("None", metrics.RawValues["machine_memory_size"]);
        Assert.Equal("9913106432", metrics.RawValues["mem_usage"]);
    }

    [Fact]
    public void Metrics_TV9_give_typed_values()
    {
        var metrics = WpsReader.ReadMetrics(WpsTestVectors.Tv9Metrics);

        Assert.Equal("c5.4xlarge", metrics.MachineType);
        Assert.Null(metrics.Architecture);
        Assert.Null(metrics.MachineMemorySize);
        Assert.Equal(11272048640L, metrics.DirectorySize);
        Assert.Equal(new DateTimeOffset(2020, 9, 30, 15, 38, 14, TimeSpan.Zero).AddTicks(9586170), metrics.JobStartTime);
        Assert.Equal(TimeSpan.FromSeconds(259.060852), metrics.JobDuration);
        Assert.Equal(472452560263L, metrics.CpuUsage);
        Assert.Equal(9911152640L, metrics.CacheUsage);
        Assert.Equal(9913106432L, metrics.MemoryUsage);
        Assert.Equal(10723651584L, metrics.MaxMemoryUsage);
        Assert.Equal(0L, metrics.TotalIoBytes);
    }

    [Fact]
    public void Metrics_with_element_repr_text_give_null_typed_values_but_keep_the_raw_text()
    {
        var xml = WpsTestVectors.Tv9Metrics;
        foreach (var field in ElementReprFields)
        {
            var start = xml.IndexOf($"<{field}>", StringComparison.Ordinal) + field.Length + 2;
            var end = xml.IndexOf($"</{field}>", StringComparison.Ordinal);
            xml = string.Concat(xml.AsSpan(0, start), $"&lt;Element '{field}' at 0x7f7282fbf1a0&gt;", xml.AsSpan(end));
        }

        var metrics = WpsReader.ReadMetrics(xml);

        Assert.Equal("<Element 'mem_usage' at 0x7f7282fbf1a0>", metrics.RawValues["mem_usage"]);
        Assert.Equal("<Element 'total_io_stats' at 0x7f7282fbf1a0>", metrics.RawValues["total_io_stats"]);
        Assert.Null(metrics.MemoryUsage);
        Assert.Null(metrics.MaxMemoryUsage);
        Assert.Null(metrics.SwapUsage);
        Assert.Null(metrics.ReadIoBytes);
        Assert.Null(metrics.WriteIoBytes);
        Assert.Null(metrics.SyncIoBytes);
        Assert.Null(metrics.AsyncIoBytes);
        Assert.Null(metrics.TotalIoBytes);
        Assert.Equal(472452560263L, metrics.CpuUsage);
        Assert.Equal(9911152640L, metrics.CacheUsage);
        Assert.Equal(DocumentOrder, metrics.RawValues.Keys);
    }

    [Fact]
    public void Metrics_of_a_job_without_cgroup_stats_have_only_the_always_present_fields()
    {
        const string xml = "<metrics><machine_type>t3.large</machine_type><architecture>x86_64</architecture><machine_memory_size>8.00 GB</machine_memory_size><directory_size>0</directory_size><operating_system>Linux</operating_system><job_start_time/><job_end_time/><job_duration_seconds>None</job_duration_seconds></metrics>";

        var metrics = WpsReader.ReadMetrics(xml);

        Assert.Equal(8, metrics.RawValues.Count);
        Assert.Equal("x86_64", metrics.Architecture);
        Assert.Null(metrics.MachineMemorySize);
        Assert.Equal("8.00 GB", metrics.RawValues["machine_memory_size"]);
        Assert.Null(metrics.JobStartTime);
        Assert.Null(metrics.JobDuration);
        Assert.Null(metrics.CpuUsage);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("259e060852")]
    [InlineData("1e300")]
    public void Duration_that_is_no_timespan_is_null_not_an_exception(string seconds)
    {
        var metrics = WpsReader.ReadMetrics($"<metrics><job_duration_seconds>{seconds}</job_duration_seconds></metrics>");

        Assert.Null(metrics.JobDuration);
        Assert.Equal(seconds, metrics.RawValues["job_duration_seconds"]);
    }

    [Fact]
    public void Metrics_root_in_a_namespace_is_not_the_metrics_document()
    {
        Assert.Throws<FormatException>(() => WpsReader.ReadMetrics("""<m:metrics xmlns:m="urn:m"><cpu_usage>1</cpu_usage></m:metrics>"""));
    }

    [Fact]
    public void Exception_report_is_not_a_metrics_document()
    {
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadMetrics(WpsTestVectors.Tv7MissingParameter));

        Assert.Contains("metrics", error.Message, StringComparison.Ordinal);
    }
}
