namespace Maap.Algorithms.Tests.Processes;

public class ProcessCwlTests
{
    private const string Cwl = "cwlVersion: v1.2\n$graph: []\ns:version: v1\ns:codeRepository: https://github.com/me/algo.git\ns:keywords: a, b\n";

    [Fact]
    public void The_code_repository_line_is_replaced_in_place_and_nothing_else_changes()
    {
        var edited = ProcessCwl.WithCodeRepository(Cwl, "/home/me/$algo");

        Assert.Equal(Cwl.Replace("https://github.com/me/algo.git", "/home/me/$algo", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void A_cwl_without_one_gets_the_line_at_its_end()
    {
        var edited = ProcessCwl.WithCodeRepository("cwlVersion: v1.2\ns:version: v1", "https://example.org/x.git");

        Assert.Equal("cwlVersion: v1.2\ns:version: v1\ns:codeRepository: https://example.org/x.git\n", edited);
    }

    [Theory]
    [InlineData("/home/me/my algo")]
    [InlineData("/tmp/x\ns:version: evil")]
    [InlineData("*anchor")]
    [InlineData("")]
    public void A_value_MAAP_would_read_differently_is_refused(string repository) =>
        Assert.ThrowsAny<ArgumentException>(() => ProcessCwl.WithCodeRepository(Cwl, repository));
}
