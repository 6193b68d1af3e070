using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;

namespace MyHibachi.Web.Pages;

public sealed class IndexModel(HibachiApi api) : PageModel
{
    public PriceList? Prices { get; private set; }

    public IReadOnlyList<MenuItem> Highlights { get; private set; } = [];

    public string? Zip { get; private set; }

    public ServiceArea? Area { get; private set; }

    public async Task OnGetAsync(string? zip, CancellationToken cancellationToken)
    {
        var menu = await api.MenuAsync(cancellationToken);
        Prices = menu.Value?.Prices;
        Highlights = menu.Value?.Items.Where(i => i.Category != "Protein").Take(6).ToList() ?? [];
        if (!string.IsNullOrWhiteSpace(zip))
        {
            Zip = zip.Length > 10 ? zip[..10] : zip;
            Area = (await api.ServiceAreaAsync(Zip, cancellationToken)).Value;
        }
    }
}
