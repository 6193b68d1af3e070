using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages;

public sealed class IndexModel(CatalogClient api) : PageModel
{
    public PriceListDto? Prices { get; private set; }

    public IReadOnlyList<MenuItemDto> Highlights { get; private set; } = [];

    /// <summary>The proteins every guest chooses two of, from the menu.</summary>
    public IReadOnlyList<string> IncludedProteins { get; private set; } = [];

    public string? Zip { get; private set; }

    public ServiceAreaDto? Area { get; private set; }

    public async Task OnGetAsync(string? zip, CancellationToken cancellationToken)
    {
        var menu = await api.MenuAsync(cancellationToken);
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
