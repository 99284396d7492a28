namespace PhotoCollect.Core.Common;

/// <summary>One page of a server-side paged list and the total number of matching rows.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>Page and sort requested by a table; the page index starts at 0.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 20, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, Page) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}
