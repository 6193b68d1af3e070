using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Reviews;

/// <summary>One review, with Open Graph tags so a shared link shows the stars, the words and the first photo; and the like button's handler.</summary>
public sealed class DetailModel(ReviewsClient api) : PageModel
{
    public ReviewDto? Review { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Review = (await api.GetAsync(id, cancellationToken)).Value;
        return Review is { Status: ReviewStatus.Published } ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLikeAsync(Guid id, string? returnUrl, CancellationToken cancellationToken)
    {
        var liked = await api.LikeAsync(id, cancellationToken);
        if (!liked.Succeeded)
        {
            return NotFound();
        }

        TempData["Flash"] = "Thanks! We counted your vote.";
        // Back to the page the visitor liked it on (only a page of this site), at the review.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && !returnUrl.Contains('#', StringComparison.Ordinal) ? $"{returnUrl}#review-{id}" : $"/Reviews/{id}");
    }
}
