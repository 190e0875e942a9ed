using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

public class TracingTests
{
    [Fact]
    public async Task Every_call_is_an_activity_of_the_Maap_Algorithms_source_with_its_outcome()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MaapClient.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var server = new FakeMaapServer()
            .Map("GET", "/api/dps/job/traced-job/status", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv3StatusAlphabetical))
            .Map("POST", "/api/dps/job/cancel/traced-job", _ => Xml(HttpStatusCode.BadRequest, SpecVectors.Tv8CancelTerminal, "text/html"));
        using var maap = server.CreateClient();

        await maap.Jobs.GetStatusAsync("traced-job");
        await Assert.ThrowsAsync<MaapRequestFailedException>(() => maap.Jobs.CancelAsync("traced-job"));

        // Other tests run in parallel and trace too: find ours rather than count.
        var status = activities.FirstOrDefault(a => a.OperationName == "Jobs.GetStatus" && (string?)a.GetTagItem("server.address") == "maap.test" && a.GetTagItem("http.response.status_code") is 200);
        Assert.NotNull(status);
        Assert.Equal(ActivityKind.Client, status.Kind);
        Assert.Equal("GET", status.GetTagItem("http.request.method"));
        Assert.Contains(activities, a => a.OperationName == "Jobs.Cancel" && a.Status == ActivityStatusCode.Error && a.GetTagItem("http.response.status_code") is 400);
        Assert.Contains(activities, a => a.OperationName == "Environment.GetConfig");
        Assert.All(activities, a => Assert.DoesNotContain(a.Tags, t => t.Value?.Contains("PGT-test-ticket", StringComparison.Ordinal) == true));
    }
}
