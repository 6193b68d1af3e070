using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages.Chefs;

/// <summary>A chef's public profile: bio, exact average and count, and their published reviews.</summary>
public sealed class ProfileModel(ReviewsClient api) : PageModel
{
    public ChefProfileDto? Chef { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? p, CancellationToken cancellationToken)
    {
        Chef = (await api.ChefProfileAsync(id, Math.Max(1, p ?? 1), cancellationToken)).Value;
        return Chef is null ? NotFound() : Page();
    }

    public string PageLink(int page) => $"?p={page}";
}
