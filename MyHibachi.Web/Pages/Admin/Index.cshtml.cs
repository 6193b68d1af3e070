using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;

namespace MyHibachi.Web.Pages.Admin;

public sealed class IndexModel(HibachiApi api) : PageModel
{
    public Dashboard? Dashboard { get; private set; }

    public IReadOnlyList<Station> Stations { get; private set; } = [];

    public Guid? StationId { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(Guid? stationId, CancellationToken cancellationToken)
    {
        StationId = stationId;
        Stations = (await api.StationsAsync(cancellationToken)).Value ?? [];
        var result = await api.DashboardAsync(stationId, cancellationToken);
        Dashboard = result.Value;
        Problem = result.Problem?.Message;
    }
}
