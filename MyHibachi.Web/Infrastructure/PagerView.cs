namespace MyHibachi.Web.Infrastructure;

/// <summary>What the pager draws: the page shown, how many there are, and the link to another page.</summary>
public sealed record PagerView(int Page, string TotalPages, bool HasNext, Func<int, string> Href)
{
    public static PagerView Of<T>(PagedList<T> list, Func<int, string> href) => new(list.Page, list.TotalPagesText(), list.HasNextPage, href);
}
