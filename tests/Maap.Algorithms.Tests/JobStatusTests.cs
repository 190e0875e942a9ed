namespace Maap.Algorithms.Tests;

public class JobStatusTests
{
    [Theory]
    [InlineData("job-queued", "Accepted")]
    [InlineData("job-started", "Running")]
    [InlineData("job-completed", "Succeeded")]
    [InlineData("job-failed", "Failed")]
    [InlineData("job-revoked", "Dismissed")]
    [InlineData("job-deduped", "Deduped")]
    [InlineData("job-offline", "Offline")]
    [InlineData("job-something-new", "Failed")]
    public void Hysds_statuses_map_as_MAAP_maps_them(string hysds, string wps)
    {
        Assert.Equal(wps, JobStatus.FromHysds(hysds).Value);
    }

    [Fact]
    public void Null_hysds_status_is_Deleted()
    {
        Assert.Equal(JobStatus.Deleted, JobStatus.FromHysds(null));
    }

    [Fact]
    public void Unknown_status_is_kept_verbatim_and_counts_as_final()
    {
        var status = JobStatus.FromWps("Paused");
        Assert.Equal("Paused", status.Value);
        Assert.Equal(JobStatusKind.Unknown, status.Kind);
        Assert.True(status.IsFinal);
        Assert.Null(status.HysdsValue);
    }

    [Theory]
    [InlineData("Accepted", false)]
    [InlineData("Running", false)]
    [InlineData("Succeeded", true)]
    [InlineData("Failed", true)]
    [InlineData("Dismissed", true)]
    [InlineData("Deduped", true)]
    [InlineData("Offline", true)]
    [InlineData("Deleted", true)]
    public void Only_Accepted_and_Running_are_not_final(string value, bool final)
    {
        var status = JobStatus.FromWps(value);
        Assert.NotEqual(JobStatusKind.Unknown, status.Kind);
        Assert.Equal(final, status.IsFinal);
        Assert.Equal(status, new JobStatus(value));
    }
}
