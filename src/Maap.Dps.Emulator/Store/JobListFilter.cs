namespace Maap.Dps.Emulator.Store;

/// <summary>The filters of <c>GET /api/dps/job/list</c>, already validated (spec §8).</summary>
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
