using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

public class WpsExceptionReportReaderTests
{
    [Fact]
    public void Missing_parameter_report_TV7_gives_code_locator_and_text()
    {
        var report = WpsReader.TryReadExceptionReport(WpsTestVectors.Tv7MissingParameter);

        Assert.NotNull(report);
        Assert.Equal("FailedJobSubmit", report.ExceptionCode);
        Assert.Equal("Execute", report.Locator);
        Assert.Equal("Failed to submit job of type job-foo:main. Exception Message: Parameter input_file missing from inputs. No default set in algorithm spec. Please specify and resubmit.", report.Text);
    }

    [Fact]
    public void Forbidden_queue_report_TV7b_keeps_the_python_list_text()
    {
        var report = WpsReader.TryReadExceptionReport(WpsTestVectors.Tv7bForbiddenQueue);

        Assert.NotNull(report);
        Assert.Equal("FailedJobSubmit", report.ExceptionCode);
        Assert.Equal("User does not have access to maap-dps-worker-32gb. Valid queues: ['maap-dps-sandbox', 'maap-dps-worker-8gb']", report.Text);
    }

    [Fact]
    public void Cancel_of_a_finished_job_gives_FailedJobCancel()
    {
        const string xml = """<ows:ExceptionReport xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><ows:Exception exceptionCode="FailedJobCancel" locator="Dismiss"><ows:ExceptionText>Not allowed to cancel job with status job-completed</ows:ExceptionText></ows:Exception></ows:ExceptionReport>""";

        var report = WpsReader.TryReadExceptionReport(xml);

        Assert.Equal(new WpsExceptionReport("FailedJobCancel", "Dismiss", "Not allowed to cancel job with status job-completed"), report);
    }

    [Fact]
    public void Ows_1_1_report_with_attributes_in_another_order_is_read()
    {
        const string xml = """
            <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ows/1.1 http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd" version="2.0.0">
              <ows:Exception locator="MyIncorrectProcessName" exceptionCode="NoSuchProcess">
                <ows:ExceptionText>One of the identifiers passed does not match with any of the processes offered by this server</ows:ExceptionText>
              </ows:Exception>
            </ows:ExceptionReport>
            """;

        var report = WpsReader.TryReadExceptionReport(xml);

        Assert.Equal(new WpsExceptionReport("NoSuchProcess", "MyIncorrectProcessName", "One of the identifiers passed does not match with any of the processes offered by this server"), report);
    }

    [Fact]
    public void Only_the_first_exception_is_read()
    {
        const string xml = """<e:ExceptionReport xmlns:e="http://www.opengis.net/ows/2.0"><e:Exception exceptionCode="A"><e:ExceptionText>first</e:ExceptionText><e:ExceptionText>second</e:ExceptionText></e:Exception><e:Exception exceptionCode="B"/></e:ExceptionReport>""";

        Assert.Equal(new WpsExceptionReport("A", null, "first"), WpsReader.TryReadExceptionReport(xml));
    }

    [Fact]
    public void Report_without_an_exception_is_still_a_report()
    {
        Assert.Equal(new WpsExceptionReport(null, null, null), WpsReader.TryReadExceptionReport("""<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/2.0"/>"""));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \r\n ")]
    [InlineData("""{"message": "No valid authentication credentials provided or processed.", "code": 401}""")]
    [InlineData("null")]
    [InlineData("""<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>""")]
    [InlineData("""<html><body><p>Bad Gateway</p></body></html>""")]
    [InlineData("<html><body><br></body></html>")]
    [InlineData("\u0000\u0001garbage<<<>>>")]
    [InlineData("<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/2.0\"><ows:Exception>")]
    [InlineData("<ows:ExceptionReport><ows:Exception/></ows:ExceptionReport>")]
    [InlineData("""<ExceptionReport xmlns="urn:not-ows"><Exception exceptionCode="X"/></ExceptionReport>""")]
    [InlineData("""<!DOCTYPE r [<!ENTITY a "aaaa">]><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/2.0">&a;</ows:ExceptionReport>""")]
    public void Anything_but_an_exception_report_gives_null(string? text)
    {
        Assert.Null(WpsReader.TryReadExceptionReport(text));
    }

    [Fact]
    public void StatusInfo_is_not_an_exception_report()
    {
        Assert.Null(WpsReader.TryReadExceptionReport(WpsTestVectors.Tv2SubmitSuccess));
    }

    [Fact]
    public void Oversized_text_gives_null()
    {
        Assert.Null(WpsReader.TryReadExceptionReport(new string(' ', WpsReader.MaxDocumentLength + 1)));
    }
}
