using System.Net;
using System.Text.Json;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

public class AlgorithmTests
{
    private const string CanonicalYaml = Maap.Algorithms.Testing.SpecDocuments.Tv13AlgorithmConfigYaml;

    private static AlgorithmRegistration Tv13() =>
        new("maap_functional_test_algo", "main", "https://github.com/MAAP-Project/dps_tutorial.git", "dps_tutorial/gdal_wrapper/run_gdal.sh")
        {
            AlgorithmDescription = "Algorithm used for functional testing of API and MAAP py",
            BuildCommand = "dps_tutorial/gdal_wrapper/build-env.sh",
            DiskSpace = "5GB",
            DockerContainerUrl = "mas.dit.maap-project.org/root/maap-workspaces/base_images/vanilla:develop",
            Queue = "maap-dps-worker-8gb",
            Inputs = new AlgorithmInputs
            {
                File = { new AlgorithmInputDefinition("input_file") { Default = "https://photojournal.jpl.nasa.gov/tiff/PIA00127.tif" } },
                Positional =
                {
                    new AlgorithmInputDefinition("output_filename") { Default = "output.tif" },
                    new AlgorithmInputDefinition("outsize") { Default = "10" },
                },
            },
        };

    [Fact]
    public void TV13_registration_writes_MAAPs_own_algorithm_config_yaml()
    {
        Assert.Equal(CanonicalYaml.ReplaceLineEndings("\n"), Tv13().ToYaml());
        Assert.Equal("job-maap_functional_test_algo:main", Tv13().JobType);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "''")]
    [InlineData("true", "'true'")]
    [InlineData("null", "'null'")]
    [InlineData("1.5", "'1.5'")]
    [InlineData("1e3", "'1e3'")]   // text to PyYAML, a number to YAML 1.2 readers
    [InlineData("it's", "it's")]
    [InlineData("- dash", "'- dash'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("#comment", "'#comment'")]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    [InlineData("2024-01-01", "'2024-01-01'")]
    public void Yaml_scalars_are_quoted_only_where_YAML_would_misread_them(string value, string expected)
    {
        var registration = new AlgorithmRegistration("algo", "v1", "https://example.org/r.git", "r/run.sh") { AlgorithmDescription = value };

        Assert.StartsWith("algorithm_description: " + expected + "\n", registration.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_posts_the_server_key_names_not_maap_py_docstring_names()
    {
        var server = new FakeMaapServer().Map("POST", "/api/mas/algorithm", _ => Json(HttpStatusCode.OK, """{"code": 200, "message": {"id": 1234, "status": "created", "web_url": "https://repo.example/pipelines/1234"}}"""));
        using var maap = server.CreateClient();

        var result = await maap.Algorithms.RegisterAsync(Tv13());

        Assert.Equal("https://repo.example/pipelines/1234", result.PipelineUrl);
        Assert.Equal("created", result.PipelineStatus);
        using var body = JsonDocument.Parse(server.RequestsTo("/api/mas/algorithm").Single().Body!);
        var root = body.RootElement;
        Assert.Equal("main", root.GetProperty("algorithm_version").GetString());
        Assert.Equal("dps_tutorial/gdal_wrapper/run_gdal.sh", root.GetProperty("run_command").GetString());
        Assert.Equal("https://github.com/MAAP-Project/dps_tutorial.git", root.GetProperty("repository_url").GetString());
        Assert.False(root.TryGetProperty("code_version", out _));
        Assert.False(root.TryGetProperty("repo_url", out _));
        var positional = root.GetProperty("inputs").GetProperty("positional");
        Assert.Equal(["output_filename", "outsize"], positional.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("10", positional[1].GetProperty("default").GetString());
    }

    [Fact]
    public async Task List_describe_delete_and_queues_read_MAAPs_bodies()
    {
        const string offerings = """<wps:ProcessOfferings xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:ProcessOffering jobControlOptions="async-execute dismiss" outputTransmission="reference"><wps:Process><ows:Title>Algorithm used for functional testing</ows:Title><ows:Identifier>maap_functional_test_algo:main</ows:Identifier><wps:Input><ows:Title>input_file</ows:Title><ows:Identifier>input_file</ows:Identifier><wps:LiteralData><LiteralDataDomain><ows:AnyValue/><ows:DataType ows:reference="xs:string"/></LiteralDataDomain></wps:LiteralData></wps:Input><wps:Input><ows:Title>queue_name</ows:Title><ows:Identifier>queue_name</ows:Identifier><wps:LiteralData><LiteralDataDomain><ows:AnyValue/><ows:DataType ows:reference="xs:string"/></LiteralDataDomain><wps:LiteralValue>maap-dps-worker-8gb</wps:LiteralValue></wps:LiteralData></wps:Input><wps:Output/></wps:Process></wps:ProcessOffering></wps:ProcessOfferings>""";
        var server = new FakeMaapServer()
            .Map("GET", "/api/mas/algorithm", _ => Json(HttpStatusCode.OK, """{"code": 200, "algorithms": [{"type": "maap_functional_test_algo", "version": "main"}], "message": "success"}"""))
            .Map("GET", "/api/mas/algorithm/maap_functional_test_algo:main", _ => Xml(HttpStatusCode.OK, offerings))
            .Map("DELETE", "/api/mas/algorithm/maap_functional_test_algo:main", _ => Json(HttpStatusCode.OK, """{"code": 200, "message": "successfully deleted job-maap_functional_test_algo:main"}"""));
        using var maap = server.CreateClient();

        var list = await maap.Algorithms.ListAsync();
        var description = await maap.Algorithms.DescribeAsync("maap_functional_test_algo", "main");
        await maap.Algorithms.DeleteAsync("maap_functional_test_algo", "main");

        Assert.Equal(new AlgorithmSummary("maap_functional_test_algo", "main"), Assert.Single(list));
        Assert.Equal("all", server.RequestsTo("/api/mas/algorithm").First().Query("visibility"));
        Assert.Equal("maap_functional_test_algo:main", description.Identifier);
        Assert.Equal("maap-dps-worker-8gb", description.RecommendedQueue);
        Assert.Equal("input_file", Assert.Single(description.Inputs).Name);
        Assert.Single(server.RequestsTo("/api/mas/algorithm/maap_functional_test_algo:main"), r => r.Method == "DELETE");
    }
}
