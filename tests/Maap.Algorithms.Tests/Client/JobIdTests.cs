using Maap.Algorithms.Tests.Infrastructure;

namespace Maap.Algorithms.Tests.Client;

public class JobIdTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_dot_segment_job_id_fails_before_any_request(string id)
    {
        // A URI resolves "." and ".." away: cancel/.. would POST to the submit route, job/.. GET the list's parent.
        var server = new FakeMaapServer();
        using var maap = server.CreateClient(o => o.MaxRetries = 0);

        Assert.Throws<ArgumentException>(() => maap.Jobs.Get(id));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.GetStatusAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.GetResultAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.GetMetricsAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.CancelAsync(id));
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("...")]
    [InlineData("a..b")]
    public async Task Dots_inside_a_job_id_are_sent_as_they_are(string id)
    {
        var server = new FakeMaapServer();
        using var maap = server.CreateClient(o => o.MaxRetries = 0);

        await Assert.ThrowsAnyAsync<MaapRequestFailedException>(() => maap.Jobs.GetResultAsync(id));

        Assert.Single(server.RequestsTo("/api/dps/job/" + id));
    }
}
