using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;

namespace MyHibachi.Web.Pages.Admin.Stations;

public sealed class IndexModel(CatalogClient api) : PageModel
{
    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = (await api.StationsAsync(cancellationToken, includeInactive: true)).Value ?? [];
        Stations = User.StationId() is { } own ? all.Where(s => s.Id == own).ToList() : all;
    }
}
