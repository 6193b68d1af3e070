using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Chefs;

/// <summary>Our chefs, each with their rating from published reviews.</summary>
public sealed class IndexModel(ReviewsClient api) : PageModel
{
    public IReadOnlyList<ChefCardDto>? Chefs { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Chefs = (await api.ChefCardsAsync(cancellationToken)).Value;
}
