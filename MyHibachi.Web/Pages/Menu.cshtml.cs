using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyHibachi.Web.Pages;

public sealed class MenuModel(CatalogClient api) : PageModel
{
    public MenuDto? Menu { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Menu = (await api.MenuAsync(cancellationToken)).Value;
}
