namespace MyHibachi.Contracts;

/// <summary>
/// One page of a list with the count of matching rows. The count is exact up to a limit (1,000);
/// past it <see cref="TotalCount"/> is that limit and <see cref="TotalCountExact"/> is false ("1,000+"),
/// so a page costs the same however large the table grows.
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, bool TotalCountExact = true)
{
    public int TotalPages => PageSize == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    /// <summary>Whether a page after this one may hold rows (always, while the count is only a lower bound).</summary>
    public bool HasNextPage => Page < TotalPages || (!TotalCountExact && Items.Count == PageSize);
}

/// <summary>The limits every list endpoint shares.</summary>
public static class ListLimits
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Lists count matching rows exactly up to this many; beyond it the total reads "1,000+".</summary>
    public const int CountLimit = 1_000;
}

/// <summary>The body of a soft delete: why, in 10–500 characters.</summary>
public sealed record DeleteRequest(string? Reason);
