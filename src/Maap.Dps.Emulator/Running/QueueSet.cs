namespace Maap.Dps.Emulator.Running;

/// <summary>The configured queues, in configuration order.</summary>
internal sealed class QueueSet
{
    private readonly Dictionary<string, QueueDefinition> _byName;

    public QueueSet(IEnumerable<QueueDefinition> queues)
    {
        All = queues.ToList();
        if (All.Count == 0)
        {
            All = [new("maap-dps-sandbox", 4, TimeSpan.FromMinutes(10)), new("maap-dps-worker-8gb", 4, null)];
        }

        _byName = All.ToDictionary(q => q.Name, StringComparer.Ordinal);
        if (All.Any(q => q.Workers < 1))
        {
            throw new ArgumentException("Every queue needs at least one worker.", nameof(queues));
        }
    }

    public IReadOnlyList<QueueDefinition> All { get; }

    public IEnumerable<string> Names => All.Select(q => q.Name);

    /// <summary>The queue registrations get when they name none: <c>maap-dps-worker-8gb</c> when configured.</summary>
    public string Default => _byName.ContainsKey("maap-dps-worker-8gb") ? "maap-dps-worker-8gb" : All[0].Name;

    public bool Contains(string name) => _byName.ContainsKey(name);

    public QueueDefinition? Find(string name) => _byName.GetValueOrDefault(name);
}
