using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Reviews;

/// <summary>The public feed of published reviews: the rating, filters by stars and photos, newest or most helpful first.</summary>
public sealed class IndexModel(ReviewsClient api) : PageModel
{
    public const int PageSize = 12;

    public RatingSummaryDto? Summary { get; private set; }

    public PagedList<ReviewDto>? Result { get; private set; }

    public int? Rating { get; private set; }

    public bool WithPhotos { get; private set; }

    public string Sort { get; private set; } = "newest";

    public int PageNumber { get; private set; } = 1;

    public async Task OnGetAsync(int? rating, bool? photos, string? sort, int? p, CancellationToken cancellationToken)
    {
        Rating = rating is >= 1 and <= 5 ? rating : null;
        WithPhotos = photos == true;
        Sort = sort is "highest" or "lowest" or "mostLiked" ? sort : "newest";
        PageNumber = Math.Max(1, p ?? 1);
        var summary = api.SummaryAsync(cancellationToken);
        var list = api.ListAsync(new ReviewListQuery(PageNumber, PageSize, Rating: Rating, WithPhotos: WithPhotos ? true : null, Sort: Sort), cancellationToken);
        Summary = (await summary).Value;
        Result = (await list).Value;
    }

    public string PageLink(int page) => "?" + PageHelpers.Query(("rating", Rating), ("photos", WithPhotos ? "true" : null), ("sort", Sort == "newest" ? null : Sort), ("p", page));
}
