using Maap.Dps.Emulator.Endpoints.Ogc;
using Maap.Dps.Emulator.Jobs;

namespace Maap.Dps.Emulator.Tests;

/// <summary>The OGC job list's <c>datetime</c> windows, parsed with MAAP's formats, and how a job's run meets them.</summary>
public sealed class OgcDatetimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 31, 10, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 3, 2, 18, 40, 55, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-03-02T18:35:00Z", true)]
    [InlineData("2026-03-02T18:35:00", true)] // no zone: UTC
    [InlineData("2026-03-02T20:35:00+02:00", true)]
    [InlineData("2026-03-02T20:35:00+0200", true)]
    [InlineData("2026-03-02T18:31:10.000000Z", true)] // the start itself is inside
    [InlineData("2026-03-02T18:31:09.999999Z", false)]
    [InlineData("2026-03-02T18:40:55.000001Z", false)]
    [InlineData("2026-03-02T18:41:00Z/..", false)]
    [InlineData("2026-03-02T18:40:00Z/..", true)]
    [InlineData("../2026-03-02T18:31:00Z", false)]
    [InlineData("../2026-03-02T18:32:00Z", true)]
    [InlineData("2026-03-02T18:00:00Z/2026-03-02T18:31:10Z", true)]
    [InlineData("2026-03-02T18:00:00Z/2026-03-02T18:31:09Z", false)]
    [InlineData("../..", true)]
    public void A_window_keeps_a_run_it_intersects(string text, bool keeps)
    {
        var window = OgcDatetime.Parse(text);
        Assert.NotNull(window);
        Assert.Equal(keeps, window.Intersects(Start, End));
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2026-03-02T18:35")]
    [InlineData("2026-03-02T18:35:00 00:00")] // a '+' that arrived unencoded, as a space
    [InlineData("2026-13-02T18:35:00Z")]
    [InlineData("2026-03-02T18:35:00.1234567Z")]
    [InlineData("2026-03-02T18:35:00Z/")]
    [InlineData("a/b/c")]
    [InlineData("")]
    public void What_MAAP_cannot_parse_is_no_window(string text) => Assert.Null(OgcDatetime.Parse(text));

    [Fact]
    public void The_nothing_window_keeps_no_run() =>
        Assert.False(JobTimeWindow.Nothing.Intersects(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
}
