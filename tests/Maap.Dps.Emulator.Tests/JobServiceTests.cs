using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Hosting;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Running;
using Maap.Dps.Emulator.Store;
using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Tests;

/// <summary>
/// The job rules, called directly: no HTTP, no workers. The scheduler is never started, so a submitted job stays
/// queued until a test moves it on through the store.
/// </summary>
public sealed class JobServiceTests : IAsyncLifetime
{
    private const string Queue = "maap-dps-worker-8gb";

    private static readonly EmulatorUser Alice = new("alice", "alice-token");
    private static readonly EmulatorUser Bob = new("bob", "bob-token");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "maap-emu-jobservice-" + Guid.NewGuid().ToString("N"));
    private EmulatorStore _store = null!;
    private JobScheduler _scheduler = null!;
    private HttpClient _downloads = null!;
    private JobService _jobs = null!;

    public Task InitializeAsync()
    {
        var paths = new EmulatorPaths(_root);
        _store = new EmulatorStore(paths.Database);
        var catalog = new AlgorithmCatalog(_store, paths);
        var queues = new QueueSet([new QueueDefinition(Queue, 1, null)]);
        catalog.EnsureBuiltIns(queues.Default, 1);
        var users = new UserDirectory();
        users.Add(Alice);
        users.Add(Bob);
        _downloads = new HttpClient();
        var runner = new JobRunner(_store, catalog, paths, users, () => new Uri("http://127.0.0.1/"), _downloads, localInputDirectories: []);
        _scheduler = new JobScheduler(_store, runner, queues);
        _jobs = new JobService(_store, catalog, queues, _scheduler);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _scheduler.DisposeAsync();
        _downloads.Dispose();
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private JobRecord Submit(EmulatorUser user, string? queue = Queue, IReadOnlyList<string>? tags = null) =>
        _jobs.Submit(new JobSubmitRequest("run-dps-test_ubuntu", "delay10",
            new Dictionary<string, JsonNode?> { ["input_file"] = "https://example.com/README.md" }, queue) { Tags = tags }, user);

    [Fact]
    public async Task Cancel_of_a_queued_job_purges_it()
    {
        var job = Submit(Alice);
        Assert.Equal(JobState.Queued, job.Status);

        var cancel = await _jobs.CancelAsync(job.Id, Alice, waitForCompletion: false, CancellationToken.None);

        Assert.Equal(JobCancelOutcome.PurgedWhileQueued, cancel.Outcome);
        Assert.True(cancel.Accepted);
        Assert.Null(cancel.Settled);
        Assert.Null(_jobs.Get(job.Id, caller: null));
        Assert.Empty(_jobs.List(new JobListFilter(Alice.Name), Alice));
    }

    [Fact]
    public async Task Cancel_of_a_queued_job_with_a_wait_reports_it_settled()
    {
        var job = Submit(Alice);

        var cancel = await _jobs.CancelAsync(job.Id, Alice, waitForCompletion: true, CancellationToken.None);

        Assert.Equal(JobCancelOutcome.PurgedWhileQueued, cancel.Outcome);
        Assert.True(cancel.Settled);
    }

    [Fact]
    public async Task Cancel_of_another_users_job_is_not_found_and_leaves_it_queued()
    {
        var job = Submit(Alice);

        var cancel = await _jobs.CancelAsync(job.Id, Bob, waitForCompletion: false, CancellationToken.None);

        Assert.Equal(JobCancelOutcome.NotFound, cancel.Outcome);
        Assert.False(cancel.Accepted);
        Assert.Equal(JobState.Queued, _jobs.Get(job.Id, Alice)!.Status);
    }

    [Fact]
    public async Task Cancel_of_an_unknown_id_is_not_found()
    {
        var cancel = await _jobs.CancelAsync("no-such-job", Alice, waitForCompletion: false, CancellationToken.None);

        Assert.Equal(JobCancelOutcome.NotFound, cancel.Outcome);
    }

    [Fact]
    public async Task Cancel_of_an_ended_job_is_not_cancellable_and_names_its_state()
    {
        var job = Submit(Alice);
        Assert.True(_store.TryMarkStarted(job.Id, 2));
        Assert.True(_store.FinishJob(job.Id, JobState.Completed, 3, 0, null, "[]", "{}"));

        var cancel = await _jobs.CancelAsync(job.Id, Alice, waitForCompletion: false, CancellationToken.None);

        Assert.Equal(JobCancelOutcome.NotCancellable, cancel.Outcome);
        Assert.Equal(JobState.Completed, cancel.Status);
        Assert.Equal(JobState.Completed, _jobs.Get(job.Id, Alice)!.Status);
    }

    [Fact]
    public void Get_hides_another_users_job_but_an_anonymous_lookup_finds_it()
    {
        var job = Submit(Alice);

        Assert.Null(_jobs.Get(job.Id, Bob));
        Assert.Null(_jobs.GetResults(job.Id, Bob));
        Assert.Null(_jobs.GetMetrics(job.Id, Bob));
        Assert.Equal(job.Id, _jobs.Get(job.Id, Alice)!.Id);
        Assert.Equal(job.Id, _jobs.Get(job.Id, caller: null)!.Id);
    }

    [Fact]
    public void List_returns_only_the_callers_jobs_whatever_user_the_filter_names()
    {
        var alice1 = Submit(Alice, tags: ["a"]);
        var alice2 = Submit(Alice, tags: ["b"]);
        var bob1 = Submit(Bob, tags: ["a"]);

        var alices = _jobs.List(new JobListFilter(Bob.Name), Alice).Select(j => j.Id).ToHashSet();
        Assert.Equal(new HashSet<string> { alice1.Id, alice2.Id }, alices);
        Assert.Equal([bob1.Id], _jobs.List(new JobListFilter(Alice.Name), Bob).Select(j => j.Id));
        Assert.Equal([alice1.Id], _jobs.List(new JobListFilter(Alice.Name) { Tag = "a" }, Alice).Select(j => j.Id));
        Assert.Equal(2, _jobs.List(new JobListFilter(Alice.Name) { Status = JobState.Queued }, Alice).Count);
        Assert.Empty(_jobs.List(new JobListFilter(Alice.Name) { Status = JobState.Completed }, Alice));
    }

    [Fact]
    public void Results_of_a_queued_job_are_pending()
    {
        var job = Submit(Alice);

        var results = _jobs.GetResults(job.Id, Alice)!;

        Assert.True(results.IsPending);
        Assert.Empty(results.Products);
        Assert.Null(results.Traceback);
    }

    [Fact]
    public void Results_of_a_failed_job_carry_the_traceback_and_its_triage_product()
    {
        var job = Submit(Alice);
        Assert.True(_store.TryMarkStarted(job.Id, 2));
        const string Products = """[{"id": "triaged_job-x", "path": "triaged-jobs/x", "product_folder_path": "triaged-jobs/x"}]""";
        Assert.True(_store.FinishJob(job.Id, JobState.Failed, 3, 1, "Traceback (most recent call last):\nValueError: boom", Products, "{}"));

        var results = _jobs.GetResults(job.Id, caller: null)!;

        Assert.False(results.IsPending);
        Assert.Equal("Traceback (most recent call last):\nValueError: boom", results.Traceback);
        var product = Assert.Single(results.Products);
        Assert.Equal("triaged_job-x", product.Id);
        Assert.Equal("triaged-jobs/x", product.FolderPath);
        Assert.Equal(3, product.Urls("http://127.0.0.1:1").Count);
        Assert.StartsWith("http://127.0.0.1:1/emulator-workspace/triaged-jobs/x", product.Urls("http://127.0.0.1:1")[0]);
    }

    [Fact]
    public void Metrics_are_unmeasured_until_the_job_ends_then_carry_its_numbers()
    {
        var job = Submit(Alice);
        Assert.False(_jobs.GetMetrics(job.Id, Alice)!.IsMeasured);

        Assert.True(_store.TryMarkStarted(job.Id, 2));
        const string Metrics = """
            {"job_start_time": "2026-03-02T18:30:01.004512Z", "job_end_time": "2026-03-02T18:30:11.504512Z", "job_duration_seconds": 10.5,
             "directory_size": 2048, "cpu_usage": 7, "read_io_stats": 100, "write_io_stats": 23}
            """;
        Assert.True(_store.FinishJob(job.Id, JobState.Completed, 3, 0, null, "[]", Metrics));

        var m = _jobs.GetMetrics(job.Id, Alice)!;
        Assert.True(m.IsMeasured);
        Assert.Equal(2048, m.DirectorySizeBytes);
        Assert.Equal(10.5, m.DurationSeconds);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 30, 1, TimeSpan.Zero).AddTicks(45120), m.StartTime);
        Assert.Equal(7, m.CpuNanoseconds);
        Assert.Null(m.MemoryBytes);
        Assert.Equal(123, m.TotalIoBytes);
    }

    [Fact]
    public void Submit_refuses_an_unknown_algorithm_a_missing_input_and_a_missing_or_unknown_queue()
    {
        var unknown = Assert.Throws<JobSubmitRejectedException>(() => _jobs.Submit(
            new JobSubmitRequest("nope", "main", new Dictionary<string, JsonNode?>(), Queue), Alice));
        Assert.Equal(SubmitRejection.UnknownAlgorithm, unknown.Reason);

        var missing = Assert.Throws<JobSubmitRejectedException>(() => _jobs.Submit(
            new JobSubmitRequest("run-dps-test_ubuntu", "delay10", new Dictionary<string, JsonNode?>(), Queue), Alice));
        Assert.Equal(SubmitRejection.MissingInput, missing.Reason);
        Assert.Equal("input_file", missing.Subject);

        var none = Assert.Throws<JobSubmitRejectedException>(() => Submit(Alice, queue: null));
        Assert.Equal((SubmitRejection.QueueDenied, (string?)null), (none.Reason, none.Subject));
        var denied = Assert.Throws<JobSubmitRejectedException>(() => Submit(Alice, queue: "maap-dps-worker-64gb"));
        Assert.Equal((SubmitRejection.QueueDenied, "maap-dps-worker-64gb"), (denied.Reason, denied.Subject));
        Assert.Equal([Queue], denied.ValidQueues);

        Assert.Empty(_jobs.List(new JobListFilter(Alice.Name), Alice));
    }

    [Fact]
    public void Submit_without_tags_gets_MAAPs_default_tag_and_records_the_caller()
    {
        var job = Submit(Alice);

        Assert.Equal("maap-api-submit", job.Tag);
        Assert.Equal("alice", job.UserName);
        Assert.Equal("job-run-dps-test_ubuntu:delay10", job.JobType);
    }
}
