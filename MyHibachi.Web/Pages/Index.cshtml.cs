using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages;

public sealed class IndexModel(CatalogClient api, ReviewsClient reviews, GoogleClient google) : PageModel
{
    /// <summary>The business's rating from published reviews (for the page and its schema.org AggregateRating).</summary>
    public RatingSummaryDto? Rating { get; private set; }

    public IReadOnlyList<ReviewDto> LatestReviews { get; private set; } = [];

    /// <summary>Google's rating beside ours (shown in words; the structured data counts only the site's own, verified reviews).</summary>
    public RatingOverviewDto? Ratings { get; private set; }

    public PriceListDto? Prices { get; private set; }

    public IReadOnlyList<MenuItemDto> Highlights { get; private set; } = [];

    /// <summary>The proteins every guest chooses two of, from the menu.</summary>
    public IReadOnlyList<string> IncludedProteins { get; private set; } = [];

    public string? Zip { get; private set; }

    /// <summary>schema.org LocalBusiness with its AggregateRating, as JSON-LD (only when there are reviews to count).</summary>
    public string? RatingJsonLd(string siteUrl) => Rating is { Count: > 0 } rating
        ? System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "FoodEstablishment",
            ["name"] = "MyHibachi",
            ["url"] = siteUrl,
            ["servesCuisine"] = "Japanese hibachi",
            ["aggregateRating"] = new Dictionary<string, object>
            {
                ["@type"] = "AggregateRating",
                ["ratingValue"] = rating.Average,
                ["reviewCount"] = rating.Count,
                ["bestRating"] = 5,
                ["worstRating"] = 1,
            },
        })
        : null;

    public ServiceAreaDto? Area { get; private set; }

    public async Task OnGetAsync(string? zip, CancellationToken cancellationToken)
    {
        var rating = reviews.SummaryAsync(cancellationToken);
        var latest = reviews.ListAsync(new ReviewListQuery(PageSize: 3, Sort: "newest"), cancellationToken);
        var ratings = google.PublicRatingsAsync(cancellationToken);
        var menu = await api.MenuAsync(cancellationToken);
        Rating = (await rating).Value;
        LatestReviews = (await latest).Value?.Items ?? [];
        Ratings = (await ratings).Value;
        Prices = menu.Value?.Prices;
        Highlights = menu.Value?.Items.Where(i => i.Category != MenuCategory.Protein).Take(6).ToList() ?? [];
        IncludedProteins = menu.Value?.Items.Where(i => i.Category == MenuCategory.Protein && i.Unit == PricingUnit.Included)
            .Select(i => i.Name.Replace("Hibachi ", "", StringComparison.Ordinal).ToLowerInvariant()).ToList() ?? [];
        if (!string.IsNullOrWhiteSpace(zip))
        {
            Zip = zip.Length > 10 ? zip[..10] : zip;
            Area = (await api.ServiceAreaAsync(Zip, cancellationToken)).Value;
        }
    }
}
