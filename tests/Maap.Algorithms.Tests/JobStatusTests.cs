using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Tests;

public class JobStatusTests
{
    [Theory]
    [InlineData("job-queued", JobStatusKind.Accepted)]
    [InlineData("job-started", JobStatusKind.Running)]
    [InlineData("job-completed", JobStatusKind.Succeeded)]
    [InlineData("job-failed", JobStatusKind.Failed)]
    [InlineData("job-revoked", JobStatusKind.Dismissed)]
    [InlineData("job-deduped", JobStatusKind.Deduped)]
    [InlineData("job-offline", JobStatusKind.Offline)]
    [InlineData("job-something-new", JobStatusKind.Failed)]
    public void Hysds_statuses_map_as_MAAP_maps_them_and_keep_their_own_word(string hysds, JobStatusKind kind)
    {
        var status = HysdsStatuses.Read(hysds);

        Assert.Equal(kind, status.Kind);
        Assert.Equal(hysds, status.Value);
    }

    [Fact]
    public void Null_hysds_status_is_Deleted()
    {
        Assert.Equal(JobStatus.Deleted, HysdsStatuses.Read(null));
    }

    [Fact]
    public void One_state_in_two_vocabularies_is_one_status()
    {
        var wps = WpsStatuses.Read("Succeeded");
        var hysds = HysdsStatuses.Read("job-completed");

        Assert.Equal(wps, hysds);
        Assert.True(wps == JobStatus.Succeeded && hysds == JobStatus.Succeeded);
        Assert.Equal(wps.GetHashCode(), hysds.GetHashCode());
        Assert.Equal("Succeeded", wps.Value);
        Assert.Equal("job-completed", hysds.Value);
    }

    [Fact]
    public void Unknown_status_is_kept_verbatim_compares_by_its_text_and_is_not_final()
    {
        var status = WpsStatuses.Read("Paused");

        Assert.Equal("Paused", status.Value);
        Assert.Equal("Paused", status.ToString());
        Assert.Equal(JobStatusKind.Unknown, status.Kind);
        Assert.False(status.IsFinal);
        Assert.Equal(status, WpsStatuses.Read("Paused"));
        Assert.NotEqual(status, WpsStatuses.Read("Archived"));
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
    public void Only_Accepted_and_Running_of_the_known_states_are_not_final(string value, bool final)
    {
        var status = WpsStatuses.Read(value);
        Assert.NotEqual(JobStatusKind.Unknown, status.Kind);
        Assert.Equal(final, status.IsFinal);
        Assert.Equal(value, WpsStatuses.Write(status.Kind));
    }

    [Theory]
    [InlineData("succeeded", JobStatusKind.Succeeded)]
    [InlineData(" RUNNING ", JobStatusKind.Running)]
    [InlineData("Deleted", JobStatusKind.Deleted)]
    public void TryParse_reads_the_state_names_users_type_ignoring_case(string text, JobStatusKind kind)
    {
        Assert.True(JobStatus.TryParse(text, out var status));
        Assert.Equal(kind, status.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Unknown")]
    [InlineData("3")]
    [InlineData("job-completed")]
    [InlineData(null)]
    public void TryParse_refuses_anything_but_a_known_state_name(string? text)
    {
        Assert.False(JobStatus.TryParse(text, out _));
    }

    [Fact]
    public void An_unknown_status_needs_the_servers_text()
    {
        Assert.Throws<ArgumentException>(() => new JobStatus(JobStatusKind.Unknown));
    }
}
