using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests.Protocol.Wps;

public class WpsStatusInfoReaderTests
{
    private const string JobId = "86fbac52-24b0-4963-8b67-59d0fc09946a";

    [Fact]
    public void Submit_success_TV2_gives_the_job_id_and_Accepted()
    {
        var info = WpsReader.ReadStatusInfo(WpsTestVectors.Tv2SubmitSuccess);

        Assert.Equal(JobId, info.JobId);
        Assert.Equal(JobStatus.Accepted, info.Status);
        Assert.Equal(JobStatusKind.Accepted, info.Status.Kind);
    }

    [Fact]
    public void Status_with_alphabetical_namespace_declarations_parses_the_same()
    {
        var info = WpsReader.ReadStatusInfo(WpsTestVectors.Tv3StatusAlphabetical);

        Assert.Equal(JobId, info.JobId);
        Assert.Equal("Succeeded", info.Status.Value);
        Assert.Equal(JobStatusKind.Succeeded, info.Status.Kind);
    }

    [Fact]
    public void Namespace_declarations_in_any_order_parse_the_same()
    {
        string[] declarations =
        [
            "xmlns:wps=\"http://www.opengis.net/wps/2.0\"",
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "xmlns:schemaLocation=\"http://schemas.opengis.net/wps/2.0/wps.xsd\"",
            "xmlns:ows=\"http://www.opengis.net/ows/2.0\"",
        ];
        var expected = WpsReader.ReadStatusInfo(WpsTestVectors.Tv2SubmitSuccess);
        var orders = 0;
        foreach (var order in Permutations([0, 1, 2, 3]))
        {
            var root = "<wps:StatusInfo " + string.Join(' ', order.Select(i => declarations[i])) + ">";
            var xml = string.Concat(root, WpsTestVectors.Tv2SubmitSuccess.AsSpan(WpsTestVectors.Tv2SubmitSuccess.IndexOf("><", StringComparison.Ordinal) + 1));

            Assert.Equal(expected, WpsReader.ReadStatusInfo(xml));
            orders++;
        }

        Assert.Equal(24, orders);
    }

    [Fact]
    public void Status_of_an_unknown_or_purged_id_TV4_reads_as_Deleted()
    {
        var info = WpsReader.ReadStatusInfo(WpsTestVectors.Tv4StatusDeleted);

        Assert.Equal(JobId, info.JobId);
        Assert.Equal(JobStatus.Deleted, info.Status);
    }

    [Fact]
    public void Cancel_accepted_TV8_gives_the_target_job_id_and_Accepted()
    {
        var info = WpsReader.ReadStatusInfo(WpsTestVectors.Tv8CancelAccepted);

        Assert.Equal("fac2904d-b45d-4cf3-971f-45586a6bc78a", info.JobId);
        Assert.Equal(JobStatus.Accepted, info.Status);
    }

    [Theory]
    [InlineData("Accepted")]
    [InlineData("Running")]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    [InlineData("Dismissed")]
    [InlineData("Deduped")]
    [InlineData("Offline")]
    [InlineData("Deleted")]
    public void Known_status_is_the_cached_instance(string status)
    {
        var info = WpsReader.ReadStatusInfo(Status(status));

        Assert.True(JobStatus.TryParse(status, out var known));
        Assert.Equal(known, info.Status);
        Assert.Equal(status, info.Status.Value);
    }

    [Fact]
    public void Unknown_status_is_kept_verbatim()
    {
        var info = WpsReader.ReadStatusInfo(Status("Paused &amp; waiting"));

        Assert.Equal("Paused & waiting", info.Status.Value);
        Assert.Equal(JobStatusKind.Unknown, info.Status.Kind);
    }

    [Fact]
    public void Wps_bound_to_a_different_prefix_parses_the_same()
    {
        const string xml = """<w:StatusInfo xmlns:w="http://www.opengis.net/wps/2.0"><w:JobID>abc</w:JobID><w:Status>Running</w:Status></w:StatusInfo>""";

        var info = WpsReader.ReadStatusInfo(xml);

        Assert.Equal("abc", info.JobId);
        Assert.Equal(JobStatus.Running, info.Status);
    }

    [Fact]
    public void Wps_as_the_default_namespace_parses_the_same()
    {
        const string xml = """<StatusInfo xmlns="http://www.opengis.net/wps/2.0"><JobID>abc</JobID><Status>Failed</Status></StatusInfo>""";

        var info = WpsReader.ReadStatusInfo(xml);

        Assert.Equal("abc", info.JobId);
        Assert.Equal(JobStatus.Failed, info.Status);
    }

    [Fact]
    public void Prefix_rebound_on_a_child_is_resolved_in_its_scope()
    {
        // "wps" means something else on the root; the children rebind it to WPS, and the root uses another prefix.
        const string xml = """<a:StatusInfo xmlns:wps="urn:other" xmlns:a="http://www.opengis.net/wps/2.0"><wps:JobID xmlns:wps="http://www.opengis.net/wps/2.0">abc</wps:JobID><wps:Status>Ignored</wps:Status><a:Status>Succeeded</a:Status></a:StatusInfo>""";

        var info = WpsReader.ReadStatusInfo(xml);

        Assert.Equal("abc", info.JobId);
        Assert.Equal(JobStatus.Succeeded, info.Status);
    }

    [Fact]
    public void Indented_document_with_declaration_comments_and_elements_in_any_order_parses()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- served by an indenting server -->
            <wps:StatusInfo xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0">
              <wps:Status>Running</wps:Status>
              <?trace id=1?>
              <wps:Extra><ows:Nested/></wps:Extra>
              <wps:JobID>
                abc
              </wps:JobID>
            </wps:StatusInfo>
            """;

        var info = WpsReader.ReadStatusInfo(xml);

        Assert.Equal("abc", info.JobId);
        Assert.Equal(JobStatus.Running, info.Status);
    }

    [Fact]
    public void Wrong_root_element_names_what_was_expected()
    {
        var error = Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo(WpsTestVectors.Tv5Result));

        Assert.Contains("StatusInfo", error.Message, StringComparison.Ordinal);
        Assert.Contains("Result", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Right_local_name_in_the_wrong_namespace_is_not_a_StatusInfo()
    {
        const string xml = """<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/1.0.0"><wps:JobID>abc</wps:JobID><wps:Status>Running</wps:Status></wps:StatusInfo>""";

        Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo(xml));
    }

    [Fact]
    public void Missing_job_id_names_the_element()
    {
        const string xml = """<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0"><wps:Status>Running</wps:Status></wps:StatusInfo>""";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo(xml));

        Assert.Contains("wps:JobID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_job_id_is_an_error()
    {
        const string xml = """<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID/><wps:Status>Running</wps:Status></wps:StatusInfo>""";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo(xml));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_status_names_the_element()
    {
        const string xml = """<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>abc</wps:JobID></wps:StatusInfo>""";

        var error = Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo(xml));

        Assert.Contains("wps:Status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_content_after_the_wanted_elements_still_fails()
    {
        const string xml = """<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>abc</wps:JobID><wps:Status>Running</wps:Status><wps:Broken></wps:StatusInfo>""";

        Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo(xml));
    }

    [Fact]
    public void Json_body_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => WpsReader.ReadStatusInfo("""{"message": "An internal server error occurred. Please try again later.", "code": 500}"""));
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    private static string Status(string status) =>
        $"""<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:schemaLocation="http://schemas.opengis.net/wps/2.0/wps.xsd" xmlns:ows="http://www.opengis.net/ows/2.0"><wps:JobID>{JobId}</wps:JobID><wps:Status>{status}</wps:Status></wps:StatusInfo>""";
}
