using System.Runtime.CompilerServices;

namespace Maap.Algorithms;

/// <summary>
/// A MAAP list fetched lazily page by page. Enumerate it for every item, or call <see cref="AsPages"/> to work a page
/// at a time. Each enumeration starts again from the first page.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public class MaapAsyncPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<int, CancellationToken, Task<MaapPage<T>>>? _fetchPage;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates a pageable over a page source.</summary>
    /// <param name="fetchPage">Fetches the page starting at an offset.</param>
    /// <param name="cancellationToken">Cancels enumeration.</param>
    public MaapAsyncPageable(Func<int, CancellationToken, Task<MaapPage<T>>> fetchPage, CancellationToken cancellationToken = default)
    {
        _fetchPage = fetchPage ?? throw new ArgumentNullException(nameof(fetchPage));
        _cancellationToken = cancellationToken;
    }

    /// <summary>For mocking.</summary>
    protected MaapAsyncPageable()
    {
    }

    /// <summary>Enumerates the pages.</summary>
    /// <param name="cancellationToken">Cancels enumeration.</param>
    /// <returns>The pages, the last one flagged.</returns>
    public virtual async IAsyncEnumerable<MaapPage<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_fetchPage is null)
        {
            yield break;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
        var offset = 0;
        while (true)
        {
            var page = await _fetchPage(offset, linked.Token).ConfigureAwait(false);
            yield return page;
            if (page.IsLast)
            {
                yield break;
            }

            offset = page.NextOffset >= 0 ? page.NextOffset : offset + page.Items.Count;
        }
    }

    /// <inheritdoc/>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
