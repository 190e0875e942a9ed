using System.Net;
using Maap.Algorithms.Tests.Infrastructure;
using static Maap.Algorithms.Tests.Infrastructure.FakeMaapServer;

namespace Maap.Algorithms.Tests.Client;

/// <summary>The wait loop on a fake clock: schedule, grace, timeout, and that cancelling a wait never cancels the job.</summary>
public class WaitForCompletionTests
{
    private const string Id = "86fbac52-24b0-4963-8b67-59d0fc09946a";
    private const string StatusPath = "/api/dps/job/" + Id + "/status";

    private static HttpResponseMessage Status(string status) =>
        Xml(HttpStatusCode.OK, $"""<wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0"><wps:JobID>{Id}</wps:JobID><wps:Status>{status}</wps:Status></wps:StatusInfo>""");

    private static (FakeMaapServer Server, MaapClient Client, ObservableTimeProvider Time) Create(params string[] statuses)
    {
        var time = new ObservableTimeProvider();
        var server = new FakeMaapServer()
            .MapSequence("GET", StatusPath, statuses.Select(s => (Func<HttpResponseMessage>)(() => Status(s))).ToArray())
            .Map("POST", "/api/dps/job", _ => Xml(HttpStatusCode.OK, SpecVectors.Tv2SubmitSuccess));
        var client = server.CreateClient(o => { o.TimeProvider = time; o.MaxRetries = 0; });
        return (server, client, time);
    }

    private static JobWaitOptions NoJitter(Action<JobWaitOptions>? configure = null)
    {
        var options = new JobWaitOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), Jitter = 0, Timeout = null };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task Polls_with_exponential_backoff_up_to_the_cap_and_reports_each_change()
    {
        var (server, maap, time) = Create("Accepted", "Accepted", "Running", "Running", "Running", "Running", "Running", "Succeeded");
        var changes = new List<JobStatusChange>();
        var progress = new SynchronousProgress<JobStatusChange>(changes.Add);

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter(), progress);
        var delays = await time.RunAsync(wait);

        Assert.Equal(JobStatus.Succeeded, await wait);
        Assert.Equal(new[] { 1, 2, 4, 8, 8, 8, 8 }.Select(s => TimeSpan.FromSeconds(s)), delays);
        Assert.Equal(8, server.RequestsTo(StatusPath).Count());
        Assert.Equal(["Accepted", "Running", "Succeeded"], changes.Select(c => c.Current.Value));
        Assert.Null(changes[0].Previous);
        Assert.Equal(JobStatus.Running, changes[2].Previous);
        Assert.Equal(TimeSpan.FromSeconds(39), changes[2].Elapsed);
        maap.Dispose();
    }

    [Fact]
    public async Task A_status_callback_runs_on_the_waiting_path_so_every_change_has_run_when_the_wait_returns()
    {
        var (_, maap, time) = Create("Accepted", "Running", "Succeeded");
        var seen = new List<string>();
        var waitReturned = false;

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(c =>
        {
            Assert.False(waitReturned, "a change was reported after the wait returned");
            seen.Add(c.Current.Value);
        }, NoJitter());
        await time.RunAsync(wait);
        var final = await wait;
        waitReturned = true;

        // No synchronisation and no delay: with Progress<T> these reports could still be queued on the thread pool.
        Assert.Equal(JobStatus.Succeeded, final);
        Assert.Equal(["Accepted", "Running", "Succeeded"], seen);
        maap.Dispose();
    }

    [Fact]
    public async Task A_status_word_the_library_does_not_know_does_not_end_the_wait()
    {
        // A newer server's word may name a state in progress: the wait reports it and keeps polling.
        var (server, maap, time) = Create("Running", "Paused", "Paused", "Succeeded");
        var changes = new List<JobStatusChange>();

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter(), new SynchronousProgress<JobStatusChange>(changes.Add));
        await time.RunAsync(wait);

        Assert.Equal(JobStatus.Succeeded, await wait);
        Assert.Equal(4, server.RequestsTo(StatusPath).Count());
        Assert.Equal(["Running", "Paused", "Succeeded"], changes.Select(c => c.Current.Value));
        Assert.Equal(JobStatusKind.Unknown, changes[1].Current.Kind);
    }

    [Fact]
    public async Task A_status_word_the_library_does_not_know_is_bounded_by_the_wait_timeout()
    {
        var (_, maap, time) = Create(Enumerable.Repeat("Paused", 100).ToArray());

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter(o => o.Timeout = TimeSpan.FromSeconds(20)));
        await time.RunAsync(wait);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => wait);
        Assert.Contains("Paused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jitter_spreads_each_delay_within_its_bounds()
    {
        var (_, maap, time) = Create(Enumerable.Repeat("Running", 30).Append("Failed").ToArray());

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter(o => o.Jitter = 0.25));
        var delays = await time.RunAsync(wait);

        Assert.Equal(JobStatus.Failed, await wait);
        var expected = new[] { 1.0, 2, 4 }.Concat(Enumerable.Repeat(8.0, 27)).ToArray();
        Assert.Equal(expected.Length, delays.Count);
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i].TotalSeconds, expected[i] * 0.75, expected[i] * 1.25);
        }

        Assert.True(delays.Distinct().Count() > 5, "jittered delays should not all be equal");
    }

    [Fact]
    public async Task Deleted_right_after_submit_is_waited_out_within_the_grace_period()
    {
        var (_, maap, time) = Create("Deleted", "Deleted", "Running", "Succeeded");
        var job = await maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", "maap-dps-worker-8gb"));

        var wait = job.WaitForCompletionAsync(NoJitter(o => o.DeletedGracePeriod = TimeSpan.FromSeconds(30)));
        await time.RunAsync(wait);

        Assert.Equal(JobStatus.Succeeded, await wait);
        Assert.True(job.HasCompleted);
    }

    [Fact]
    public async Task Deleted_after_the_grace_period_is_final()
    {
        var (server, maap, time) = Create("Deleted");
        var job = await maap.Jobs.SubmitAsync(new JobRequest("run-dps-test_ubuntu", "delay10", "maap-dps-worker-8gb"));

        var wait = job.WaitForCompletionAsync(NoJitter(o => o.DeletedGracePeriod = TimeSpan.FromSeconds(10)));
        var delays = await time.RunAsync(wait);

        Assert.Equal(JobStatus.Deleted, await wait);
        Assert.Equal(new[] { 1, 2, 4, 8 }.Select(s => TimeSpan.FromSeconds(s)), delays); // 15 s elapsed > 10 s grace
        Assert.Equal(5, server.RequestsTo(StatusPath).Count());
    }

    [Fact]
    public async Task A_reattached_job_treats_Deleted_as_final_at_once()
    {
        var (_, maap, time) = Create("Deleted");

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter());
        var delays = await time.RunAsync(wait);

        Assert.Equal(JobStatus.Deleted, await wait);
        Assert.Empty(delays);
    }

    [Fact]
    public async Task The_overall_timeout_throws_and_leaves_the_job_running()
    {
        var (server, maap, time) = Create("Running");
        var job = maap.Jobs.Get(Id);

        var wait = job.WaitForCompletionAsync(NoJitter(o => o.Timeout = TimeSpan.FromSeconds(10)));
        var delays = await time.RunAsync(wait);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => wait);
        Assert.Contains(Id, error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 1.0, 2, 4, 3 }.Select(TimeSpan.FromSeconds), delays); // the last delay is clipped to the deadline
        Assert.Empty(server.RequestsTo("/api/dps/job/cancel/" + Id));
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.False(job.HasCompleted);
    }

    [Fact]
    public async Task Cancelling_the_wait_does_not_cancel_the_job()
    {
        var (server, maap, time) = Create("Running", "Running", "Running", "Succeeded");
        var job = maap.Jobs.Get(Id);
        using var stop = new CancellationTokenSource();

        var wait = job.WaitForCompletionAsync(NoJitter(), cancellationToken: stop.Token);
        time.Fake.Advance(await time.NextTimerAsync());
        Assert.Equal(TimeSpan.FromSeconds(2), await time.NextTimerAsync()); // the second poll happened and the loop sleeps again

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);

        Assert.Empty(server.RequestsTo("/api/dps/job/cancel/" + Id));
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal(JobStatus.Running, await job.UpdateStatusAsync());
    }

    [Fact]
    public async Task Failed_status_calls_are_ridden_out_up_to_the_limit()
    {
        var time = new ObservableTimeProvider();
        var server = new FakeMaapServer().MapSequence("GET", StatusPath,
            () => Status("Running"),
            () => Xml(HttpStatusCode.InternalServerError, "<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/2.0\"><ows:Exception exceptionCode=\"FailedGetStatus\" locator=\"GetStatus\"><ows:ExceptionText>Please check back a little later</ows:ExceptionText></ows:Exception></ows:ExceptionReport>"),
            () => Xml(HttpStatusCode.OK, "not xml at all", "text/plain"),
            () => Status("Succeeded"));
        using var maap = server.CreateClient(o => { o.TimeProvider = time; o.MaxRetries = 0; });

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter(o => o.MaxConsecutiveErrors = 2));
        await time.RunAsync(wait);

        Assert.Equal(JobStatus.Succeeded, await wait);
    }

    [Fact]
    public async Task Too_many_failed_status_calls_in_a_row_surface_the_error()
    {
        var time = new ObservableTimeProvider();
        var server = new FakeMaapServer().Map("GET", StatusPath, _ => Xml(HttpStatusCode.InternalServerError, SpecVectors.Tv7MissingParameter));
        using var maap = server.CreateClient(o => { o.TimeProvider = time; o.MaxRetries = 0; });

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter(o => o.MaxConsecutiveErrors = 2));
        await time.RunAsync(wait);

        await Assert.ThrowsAsync<MaapRequestFailedException>(() => wait);
        Assert.Equal(3, server.RequestsTo(StatusPath).Count());
    }

    [Fact]
    public async Task ThrowOnFailure_raises_DpsJobFailedException_with_the_traceback()
    {
        var (server, maap, time) = Create("Running", "Failed");
        server.Map("GET", "/api/dps/job/" + Id, _ => Xml(HttpStatusCode.OK, SpecVectors.Tv6FailedResult));

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter(o => o.ThrowOnFailure = true));
        await time.RunAsync(wait);

        var error = await Assert.ThrowsAsync<DpsJobFailedException>(() => wait);
        Assert.Equal(JobStatus.Failed, error.Status);
        Assert.Equal("Traceback line", error.Traceback);
        Assert.Contains("Traceback line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrowOnFailure_still_raises_DpsJobFailedException_when_the_traceback_fetch_times_out()
    {
        var server = new FakeMaapServer().Map("GET", StatusPath, _ => Status("Failed"));
        var stalling = new StallingHandler("/api/dps/job/" + Id, server);
        using var maap = new MaapClient(
            new HttpClient(stalling, disposeHandler: false) { Timeout = TimeSpan.FromMilliseconds(100) },
            new MaapClientOptions { Host = Host, ProxyTicket = "t", MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<DpsJobFailedException>(() => maap.Jobs.Get(Id).WaitForCompletionAsync(NoJitter(o => o.ThrowOnFailure = true)));

        Assert.Equal(JobStatus.Failed, error.Status);
        Assert.Null(error.Traceback);
        Assert.Equal(1, stalling.Stalled);
    }

    [Fact]
    public async Task Changing_the_options_after_the_client_is_built_changes_nothing()
    {
        var time = new ObservableTimeProvider();
        var server = new FakeMaapServer().MapSequence("GET", StatusPath, () => Status("Running"), () => Status("Running"), () => Status("Failed"));
        var options = new MaapClientOptions { Host = Host, ProxyTicket = "PGT-first", TimeProvider = time, MaxRetries = 0, Wait = NoJitter() };
        using var maap = new MaapClient(new HttpClient(server, disposeHandler: false), options);

        options.Wait.InitialDelay = TimeSpan.FromSeconds(5);
        options.Wait.ThrowOnFailure = true;
        options.Wait = new JobWaitOptions { InitialDelay = TimeSpan.FromMinutes(1) };
        options.TimeProvider = TimeProvider.System;
        options.ProxyTicket = "PGT-second";
        options.Host = "http://elsewhere.test";
        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync();
        var delays = await time.RunAsync(wait);

        Assert.Equal(JobStatus.Failed, await wait);
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }, delays);
        Assert.All(server.RequestsTo(StatusPath), r => Assert.Equal("PGT-first", r.Header("proxy-ticket")));
    }

    [Fact]
    public async Task Changing_the_wait_options_during_a_wait_changes_nothing()
    {
        var (_, maap, time) = Create("Running", "Running", "Running", "Succeeded");
        var waitOptions = NoJitter();

        var wait = maap.Jobs.Get(Id).WaitForCompletionAsync(waitOptions);
        var first = await time.NextTimerAsync();
        waitOptions.BackoffFactor = 10;
        waitOptions.MaxDelay = TimeSpan.FromMinutes(10);
        time.Fake.Advance(first);
        var rest = await time.RunAsync(wait);

        Assert.Equal(JobStatus.Succeeded, await wait);
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }, rest.Prepend(first));
        maap.Dispose();
    }

    [Fact]
    public void The_clients_copy_of_the_options_has_every_setting()
    {
        var options = new MaapClientOptions
        {
            Host = "h", ProxyTicket = "p", PersonalAccessToken = "t", Credential = MaapCredential.None, JobProtocol = MaapJobProtocol.Wps,
            MaxRetries = 7, RetryDelay = TimeSpan.FromSeconds(7), NetworkTimeout = TimeSpan.FromSeconds(7), MaxResponseBytes = 7, TimeProvider = new ObservableTimeProvider(),
            LoggerFactory = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            Wait = new JobWaitOptions
            {
                InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(3), BackoffFactor = 4, Jitter = 0.5, Timeout = null,
                DeletedGracePeriod = TimeSpan.FromSeconds(6), MaxConsecutiveErrors = 7, ThrowOnFailure = true,
            },
        };

        var copy = options.Clone();

        Assert.NotSame(options.Wait, copy.Wait);
        foreach (var property in typeof(MaapClientOptions).GetProperties())
        {
            if (property.Name != nameof(MaapClientOptions.Wait))
            {
                Assert.Equal(property.GetValue(options), property.GetValue(copy));
            }
        }

        foreach (var property in typeof(JobWaitOptions).GetProperties())
        {
            Assert.Equal(property.GetValue(options.Wait), property.GetValue(copy.Wait));
        }

        // Every property was set to something other than its default, so a property Clone forgets shows above.
        var defaults = new MaapClientOptions();
        Assert.All(typeof(MaapClientOptions).GetProperties().Where(p => p.Name is not (nameof(MaapClientOptions.JobProtocol) or nameof(MaapClientOptions.Wait))), p => Assert.NotEqual(p.GetValue(defaults), p.GetValue(options)));
        Assert.All(typeof(JobWaitOptions).GetProperties(), p => Assert.NotEqual(p.GetValue(defaults.Wait), p.GetValue(options.Wait)));
    }

    [Fact]
    public async Task Invalid_wait_options_throw_before_any_request()
    {
        var (server, maap, _) = Create("Running");

        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.Get(Id).WaitForCompletionAsync(new JobWaitOptions { Jitter = 1.5 }));
        await Assert.ThrowsAsync<ArgumentException>(() => maap.Jobs.Get(Id).WaitForCompletionAsync(new JobWaitOptions { InitialDelay = TimeSpan.Zero }));
        Assert.Empty(server.Requests);
    }

    /// <summary>Never answers requests to one path, so only HttpClient.Timeout ends them; passes the rest on.</summary>
    private sealed class StallingHandler(string path, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _stalled;

        public int Stalled => _stalled;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath != path)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            Interlocked.Increment(ref _stalled);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
