namespace Maap.Dps.Emulator.Store;

/// <summary>Which of a user's jobs to list, already validated (spec §8); <see cref="JobListQuery"/> turns it into SQL.</summary>
internal sealed record JobListFilter(string UserName)
{
    public string? JobType { get; init; }
    public string? Tag { get; init; }
    public string? Queue { get; init; }
    public int? Priority { get; init; }
    public string? Status { get; init; }
    public long? StartMs { get; init; }
    public long? EndMs { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 100;
}
