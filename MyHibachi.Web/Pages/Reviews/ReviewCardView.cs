namespace MyHibachi.Web.Pages.Reviews;

/// <summary>A review as a card: with the like and share actions on public pages, without them in moderation.</summary>
public sealed record ReviewCardView(ReviewDto Review, string ShareUrl, bool Actions = true)
{
    public static ReviewCardView For(ReviewDto review, HttpRequest request) =>
        new(review, $"{request.Scheme}://{request.Host}/Reviews/{review.Id}");
}
