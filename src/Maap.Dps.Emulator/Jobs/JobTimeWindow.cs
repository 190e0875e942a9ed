namespace Maap.Dps.Emulator.Jobs;

/// <summary>
/// An OGC <c>datetime</c> window: an instant (both ends equal), a closed interval or a half-open one (a null end is
/// open). <see cref="Nothing"/> is what an unparseable value becomes on MAAP: a window no job falls in.
/// </summary>
internal sealed record JobTimeWindow(DateTimeOffset? From, DateTimeOffset? To)
{
    public static readonly JobTimeWindow Nothing = new(null, null) { IsNothing = true };

    /// <summary>Whether this is <see cref="Nothing"/>.</summary>
    public bool IsNothing { get; private init; }

    /// <summary>Whether a job that ran from <paramref name="start"/> to <paramref name="end"/> overlaps the window.</summary>
    public bool Intersects(DateTimeOffset start, DateTimeOffset end) =>
        !IsNothing && (To is not { } to || start <= to) && (From is not { } from || end >= from);
}
