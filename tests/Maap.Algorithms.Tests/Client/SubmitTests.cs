using System.Net;
using System.Xml.Linq;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

public class SubmitTests
{
    private static readonly XNamespace Wps = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/2.0";

    [Fact]
    public async Task Submit_posts_an_Execute_document_MAAP_reads_as_TV1()
    {
        var server = new FakeMaapServer().Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv2SubmitSuccess));
        using var maap = server.CreateClient();

        await maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", "maap-dps-worker-8gb") { Tag = "test-job" }
            .WithInput("input_file", "https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md"));

        var post = server.RequestsTo("/api/dps/job").Single();
        var execute = XDocument.Parse(post.Body!).Root!;
        Assert.Equal(Wps + "Execute", execute.Name);
        Assert.Equal("job-run-dps-test_ubuntu:delay10", execute.Element(Ows + "Identifier")!.Value);
        var inputs = execute.Elements(Wps + "Input").Select(i => ((string)i.Attribute("id")!, i.Value)).ToList();
        Assert.Equal(
            [("identifier", "test-job"), ("queue", "maap-dps-worker-8gb"), ("input_file", "https://raw.githubusercontent.com/MAAP-Project/dps-unit-test/main/README.md")],
            inputs);
        Assert.Equal("result", (string)execute.Element(Wps + "Output")!.Attribute("id")!);
        Assert.Equal("PGT-test-ticket", post.Header("proxy-ticket"));
    }

    [Theory]
    [InlineData("queue")]
    [InlineData("identifier")]
    [InlineData("username")]
    [InlineData("dedup")]
    public async Task An_input_with_a_name_MAAP_reserves_fails_before_any_request(string name)
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.SubmitAsync(new JobRequest("algo", "v1", "q").WithInput(name, "x")));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("a", "v1")]
    [InlineData("bad name", "v1")]
    [InlineData("algo", "")]
    [InlineData("algo", ".v1")]
    [InlineData("algo/../x", "v1")]
    public void Invalid_algorithm_ids_and_versions_are_refused(string algorithm, string version)
    {
        Assert.Throws<ArgumentException>(() => new JobRequest(algorithm, version, "q").Validate());
    }

    [Fact]
    public void Duplicate_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new JobRequest("algo", "v1", "q").WithInput("a", "1").WithInput("a", "2").Validate());
        new JobRequest("run-dps-test_ubuntu", "dev_v1.5", "q").WithInput("a", "]]> & < \" ' \r\n \U0001F600").Validate();
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000")]
    public async Task A_character_XML_cannot_carry_fails_a_WPS_submission_before_any_request(string value)
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.SubmitAsync(new JobRequest("algo", "v1", "q").WithInput("a", value)));

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("10", "\"10\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("plain", "plain")]
    public async Task A_text_input_is_sent_so_that_MAAP_json_loads_gives_back_the_same_text(string text, string sent)
    {
        var server = new FakeMaapServer().Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv2SubmitSuccess));
        using var maap = server.CreateClient();

        await maap.Jobs.SubmitAsync(new JobRequest("algo", "v1", "q").WithInput("t", text).WithJsonInput("j", "[1, 2]"));

        var inputs = XDocument.Parse(server.RequestsTo("/api/dps/job").Single().Body!).Root!.Elements(Wps + "Input")
            .ToDictionary(i => (string)i.Attribute("id")!, i => i.Value);
        Assert.Equal(sent, inputs["t"]);
        Assert.Equal("[1, 2]", inputs["j"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,")]
    [InlineData("1 2")]
    public void A_JSON_input_that_is_not_one_JSON_value_is_refused_when_made(string json)
    {
        Assert.Throws<ArgumentException>(() => JobInput.Json("j", json));
    }
}
