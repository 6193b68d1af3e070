using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;

namespace MyHibachi.Web.Pages;

public sealed class MenuModel(HibachiApi api) : PageModel
{
    public Menu? Menu { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Menu = (await api.MenuAsync(cancellationToken)).Value;
}
