using Maap.Dps.Emulator.Endpoints.Wps;
using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Tests;

public sealed class WpsStatusTests
{
    [Theory]
    [InlineData(JobState.Queued, "Accepted")]
    [InlineData(JobState.Started, "Running")]
    [InlineData(JobState.Completed, "Succeeded")]
    [InlineData(JobState.Failed, "Failed")]
    [InlineData(JobState.Revoked, "Dismissed")]
    [InlineData(JobState.Deduped, "Deduped")]
    [InlineData(JobState.Offline, "Offline")]
    public void Every_state_has_its_WPS_name_and_the_name_filters_back_to_it(string state, string wps)
    {
        Assert.Equal(wps, WpsStatus.FromState(state));
        Assert.True(WpsStatus.TryToState(wps, out var back));
        Assert.Equal(state, back);
    }

    [Fact]
    public void A_missing_job_is_Deleted_and_Deleted_filters_nothing_while_a_lowercase_name_is_invalid()
    {
        Assert.Equal("Deleted", WpsStatus.FromState(null));
        Assert.True(WpsStatus.TryToState("Deleted", out var none));
        Assert.Null(none);
        Assert.False(WpsStatus.TryToState("succeeded", out _));
    }
}
