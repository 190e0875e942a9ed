namespace Maap.Algorithms.Tests.InJob;

public class DpsJobContextTests
{
    [Fact]
    public void The_failure_summary_is_the_exception_type_and_its_message_on_one_line()
    {
        Assert.Equal("System.InvalidOperationException: bad scene: tile 7", DpsJobContext.FormatFailureSummary(new InvalidOperationException("bad scene:\ntile 7")));
        Assert.Equal("Unhandled exception: System.String", DpsJobContext.FormatFailureSummary("thrown by native code"));
    }

    [Fact]
    public async Task Dispose_releases_the_client_the_context_created_for_secrets()
    {
        var clients = new List<RecordingClient>();
        var context = new DpsJobContext(Path.GetTempPath(), [], fetchSecret: null, () => Add(clients, new RecordingClient()), isProcessContext: false);

        Assert.Equal("value-of-A", await context.GetSecretAsync("A"));
        Assert.Equal("value-of-B", await context.GetSecretAsync("B"));
        context.Dispose();
        context.Dispose();

        var client = Assert.Single(clients);
        Assert.Equal(1, client.Disposals);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => context.GetSecretAsync("C"));
        Assert.Single(clients);
    }

    [Fact]
    public async Task A_fetch_that_throws_before_returning_a_task_is_not_cached()
    {
        var calls = 0;
        var context = new DpsJobContext(Path.GetTempPath(), [], (name, _) =>
        {
            if (++calls == 1)
            {
                throw new InvalidOperationException("MAAP_API_HOST is not set yet");
            }

            return Task.FromResult("value-of-" + name);
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.GetSecretAsync("S"));
        Assert.Equal("value-of-S", await context.GetSecretAsync("S"));
        Assert.Equal("value-of-S", await context.GetSecretAsync("S"));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Dispose_without_a_secret_fetched_creates_no_client()
    {
        var clients = new List<RecordingClient>();
        var context = new DpsJobContext(Path.GetTempPath(), [], fetchSecret: null, () => Add(clients, new RecordingClient()), isProcessContext: false);

        context.Dispose();

        Assert.Empty(clients);
        Assert.Equal(Path.Combine(context.WorkDirectory, "output"), context.OutputDirectory);
    }

    [Fact]
    public void Disposing_the_process_context_leaves_it_working()
    {
        using (var current = DpsJobContext.Current)
        {
            Assert.NotNull(current.WorkDirectory);
        }

        Assert.False(DpsJobContext.Current.IsDisposed);
    }

    private static RecordingClient Add(List<RecordingClient> clients, RecordingClient client)
    {
        clients.Add(client);
        return client;
    }

    private sealed class RecordingClient : MaapClient
    {
        public int Disposals { get; private set; }

        public override MaapSecretsClient Secrets { get; } = new ValueSecrets();

        protected override void Dispose(bool disposing)
        {
            Disposals++;
            base.Dispose(disposing);
        }
    }

    private sealed class ValueSecrets : MaapSecretsClient
    {
        public override Task<string> GetAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult("value-of-" + name);
    }
}
