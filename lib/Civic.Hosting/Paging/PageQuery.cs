using Civic.Contracts.Common.V1;

namespace Civic.Hosting.Paging;

/// <summary>
/// Which page of a list to read: skip <see cref="Offset"/> items, return at most <see cref="Size"/>.
/// <see cref="Scope"/> names the list (and its filter), so a token from one list is refused by another.
/// </summary>
public readonly record struct PageQuery(int Offset, int Size, string Scope)
{
    /// <summary>How many items to fetch: one more than the page holds, to learn whether another page follows.</summary>
    public int FetchCount => Size + 1;

    /// <summary>Makes the page from the items fetched with <see cref="FetchCount"/>.</summary>
    /// <param name="fetched">The items read from <see cref="Offset"/>, at most <see cref="FetchCount"/> of them.</param>
    /// <param name="totalSize">How many items the whole list holds, or -1 when that is not cheap to tell.</param>
    public Page<T> ToPage<T>(IReadOnlyList<T> fetched, int totalSize = -1)
    {
        var hasMore = fetched.Count > Size;
        var items = hasMore ? fetched.Take(Size).ToList() : fetched;
        var info = new PageInfo
        {
            NextPageToken = hasMore ? PageToken.Encode(Offset + Size, Scope) : string.Empty,
            TotalSize = totalSize,
        };
        return new Page<T>(items, info);
    }
}

/// <summary>One page of a list and where the list continues.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, PageInfo Info);
