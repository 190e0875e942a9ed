using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

public class WpsResultReaderTests
{
    private const string JobId = "86fbac52-24b0-4963-8b67-59d0fc09946a";

    [Fact]
    public void Successful_result_TV5_gives_one_output_with_three_classified_urls()
    {
        var result = WpsReader.ReadResult(WpsTestVectors.Tv5Result);

        Assert.Equal(JobId, result.JobId);
        Assert.Null(result.Traceback);
        Assert.False(result.HasFailed);
        var output = Assert.Single(result.Outputs);
        Assert.Equal("output-2023-05-10T15:39:51.905070", output.Id);
        Assert.Collection(
            output.Urls,
            url =>
            {
                Assert.Equal(JobOutputUrlKind.Http, url.Kind);
                Assert.Equal("http://maap-dit-workspace.s3-website-us-west-2.amazonaws.com/anonymous/dps_output/run-dps-test_ubuntu/delay10/2023/05/10/15/39/51/905070", url.Value);
            },
            url =>
            {
                Assert.Equal(JobOutputUrlKind.S3, url.Kind);
                Assert.Equal("s3://s3-us-west-2.amazonaws.com:80/maap-dit-workspace/anonymous/dps_output/run-dps-test_ubuntu/delay10/2023/05/10/15/39/51/905070", url.Value);
            },
            url =>
            {
                Assert.Equal(JobOutputUrlKind.Console, url.Kind);
                Assert.Equal("https://s3.console.aws.amazon.com/s3/buckets/maap-dit-workspace/anonymous/dps_output/run-dps-test_ubuntu/delay10/2023/05/10/15/39/51/905070/?region=us-east-1&tab=overview", url.Value);
            });
        Assert.Equal(output.Urls[0].Value, output.HttpUrl);
        Assert.Equal(output.Urls[1].Value, output.S3Url);
        Assert.Equal(output.Urls[2].Value, output.ConsoleUrl);
    }

    [Fact]
    public void Console_url_of_TV5_is_derivable_from_its_s3_url()
    {
        var output = Assert.Single(WpsReader.ReadResult(WpsTestVectors.Tv5Result).Outputs);

        var s3 = output.S3Url!;
        var path = s3.Substring(s3.IndexOf(":80/", StringComparison.Ordinal) + 4);

        Assert.Equal($"https://s3.console.aws.amazon.com/s3/buckets/{path}/?region=us-east-1&tab=overview", output.ConsoleUrl);
    }

    [Fact]
    public void Failed_result_TV6_puts_the_traceback_aside_from_the_outputs()
    {
        var result = WpsReader.ReadResult(WpsTestVectors.Tv6ResultWithTraceback);

        Assert.Equal(JobId, result.JobId);
        Assert.True(result.HasFailed);
        Assert.Equal("Traceback line", result.Traceback);
        var output = Assert.Single(result.Outputs);
        Assert.Equal("output-2023-05-10T15:39:51.905070", output.Id);
        Assert.Equal(
            ["http://a/b", "s3://s3-us-west-2.amazonaws.com:80/maap-dit-workspace/anonymous/dps_output/x", "https://s3.console.aws.amazon.com/s3/buckets/maap-dit-workspace/anonymous/dps_output/x/?region=us-east-1&tab=overview"],
            output.Urls.Select(u => u.Value));
    }

    [Fact]
    public void Result_of_a_running_job_has_no_outputs()
    {
        const string xml = """<wps:Result xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>86fbac52-24b0-4963-8b67-59d0fc09946a</wps:JobID></wps:Result>""";

        var result = WpsReader.ReadResult(xml);

        Assert.Equal(JobId, result.JobId);
        Assert.Empty(result.Outputs);
        Assert.Null(result.Traceback);
    }

    [Fact]
    public void Several_outputs_keep_document_order()
    {
        const string xml = """<wps:Result xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>j</wps:JobID><wps:Output id="b"><wps:Data>s3://x:80/b</wps:Data></wps:Output><wps:Output id="a"><wps:Data>http://a</wps:Data></wps:Output><wps:Output id="empty"/></wps:Result>""";

        var result = WpsReader.ReadResult(xml);

        Assert.Equal(["b", "a", "empty"], result.Outputs.Select(o => o.Id));
        Assert.Empty(result.Outputs[2].Urls);
    }

    [Fact]
    public void Multi_line_traceback_is_kept_verbatim()
    {
        const string xml = "<wps:Result xmlns:wps=\"http://www.opengis.net/wps/2.0\"><wps:JobID>j</wps:JobID><wps:Output id=\"traceback\"><wps:Data>  File \"run.py\", line 3\r\n    x = 1 &lt; y &amp;&amp; z\n<![CDATA[ValueError: <bad>]]>\n</wps:Data></wps:Output></wps:Result>";

        var result = WpsReader.ReadResult(xml);

        Assert.Equal("  File \"run.py\", line 3\n    x = 1 < y && z\nValueError: <bad>\n", result.Traceback);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public void Result_with_another_prefix_and_unknown_elements_parses_the_same()
    {
        const string xml = """<r:Result xmlns:r="http://www.opengis.net/wps/2.0" xmlns:x="urn:x"><x:Meta a="1"/><r:JobID>j</r:JobID><r:Status>Succeeded</r:Status><r:Output x:flag="y" id="o"><x:Note>skip</x:Note><r:Data>http://h/o</r:Data></r:Output></r:Result>""";

        var result = WpsReader.ReadResult(xml);

        Assert.Equal("j", result.JobId);
        Assert.Equal("http://h/o", Assert.Single(Assert.Single(result.Outputs).Urls).Value);
    }

    [Fact]
    public void Output_without_an_id_is_an_error()
    {
        const string xml = """<wps:Result xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>j</wps:JobID><wps:Output><wps:Data>http://a</wps:Data></wps:Output></wps:Result>""";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(xml));

        Assert.Contains("id attribute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_job_id_is_an_error()
    {
        const string xml = """<wps:Result xmlns:wps="http://www.opengis.net/wps/2.0"><wps:Output id="o"><wps:Data>http://a</wps:Data></wps:Output></wps:Result>""";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(xml));

        Assert.Contains("wps:JobID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusInfo_is_not_a_result()
    {
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadResult(WpsTestVectors.Tv2SubmitSuccess));

        Assert.Contains("Result", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_body_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => WpsReader.ReadResult("null"));
    }
}
