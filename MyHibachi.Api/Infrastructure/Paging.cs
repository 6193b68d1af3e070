namespace MyHibachi.Api.Infrastructure;

/// <summary>One page of a list, with the total count of matching rows.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Checks page (≥ 1) and pageSize (1–100), filling in defaults.</summary>
    public static (int Page, int PageSize) Validate(int? page, int? pageSize, ValidationErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            errors.Add("page", "Page must be 1 or more.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Page size must be between 1 and {MaxPageSize}.");
        }

        return (p, size);
    }

    public static bool ValidText(string? value, string field, int maxLength, ValidationErrors errors) =>
        errors.MaxLength(field, value, maxLength);
}
