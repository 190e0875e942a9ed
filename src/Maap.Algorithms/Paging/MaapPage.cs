namespace Maap.Algorithms;

/// <summary>One page of a MAAP list.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class MaapPage<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The items.</param>
    /// <param name="offset">The offset of the first item.</param>
    /// <param name="isLast">Whether this is the last page.</param>
    public MaapPage(IReadOnlyList<T> items, int offset, bool isLast)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        Offset = offset;
        IsLast = isLast;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The offset of the first item in the whole list.</summary>
    public int Offset { get; }

    /// <summary>True for the last page (MAAP has no total count: a page shorter than the page size is the last).</summary>
    public bool IsLast { get; }

    /// <summary>
    /// Where the next page starts. Usually <see cref="Offset"/> plus the item count; a protocol whose server filters
    /// after paging (OGC <c>datetime</c>, durations) moves it by the page size it asked for instead.
    /// </summary>
    internal int NextOffset { get; init; } = -1;
}
