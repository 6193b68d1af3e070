using Microsoft.EntityFrameworkCore;

namespace MyHibachi.Api.Infrastructure;

/// <summary>How many rows match a list's filters, counted no further than <see cref="Paging.CountLimit"/>.</summary>
public readonly record struct ListCount(int Value, bool Exact);

public static class Paging
{
    public const int DefaultPageSize = ListLimits.DefaultPageSize;
    public const int MaxPageSize = ListLimits.MaxPageSize;

    /// <summary>Far past any real list (the count stops at 1,000 rows), and small enough that the offset cannot overflow.</summary>
    public const int MaxPage = 100_000;

    /// <summary>Checks page (≥ 1) and pageSize (1–100), filling in defaults.</summary>
    public static (int Page, int PageSize) Validate(int? page, int? pageSize, ValidationErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p is < 1 or > MaxPage)
        {
            errors.Add("page", $"Page must be between 1 and {MaxPage:N0}.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Page size must be between 1 and {MaxPageSize}.");
        }

        return (p, size);
    }

    /// <summary>Lists count matching rows exactly up to this many; beyond it the total reads "1,000+".</summary>
    public const int CountLimit = ListLimits.CountLimit;

    /// <summary>
    /// Counts the rows of an unordered filtered query, stopping after <see cref="CountLimit"/> + 1
    /// (<c>SELECT count(*) FROM (… LIMIT 1001)</c>): the cost of an exact count grows with the table,
    /// and past a thousand rows nobody pages through a list by number.
    /// </summary>
    public static async Task<ListCount> CountAsync<T>(IQueryable<T> filtered, CancellationToken cancellationToken)
    {
        var count = await filtered.Take(CountLimit + 1).CountAsync(cancellationToken);
        return count > CountLimit ? new ListCount(CountLimit, Exact: false) : new ListCount(count, Exact: true);
    }

    public static PagedList<T> Page<T>(IReadOnlyList<T> items, int page, int pageSize, ListCount count) =>
        new(items, page, pageSize, count.Value, count.Exact);

    public static bool ValidText(string? value, string field, int maxLength, ValidationErrors errors) =>
        errors.MaxLength(field, value, maxLength);
}
