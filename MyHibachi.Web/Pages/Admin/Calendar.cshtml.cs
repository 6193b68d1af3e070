using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Api;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin;

public sealed class CalendarModel(HibachiApi api) : PageModel
{
    public DateOnly WeekStart { get; private set; }

    public Guid? StationId { get; private set; }

    public IReadOnlyList<Station> Stations { get; private set; } = [];

    public IReadOnlyList<Chef> Chefs { get; private set; } = [];

    public IReadOnlyList<BookingSummary> Bookings { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? week, Guid? stationId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        WeekStart = week ?? today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        Stations = (await api.StationsAsync(cancellationToken)).Value ?? [];
        StationId = stationId ?? User.StationId() ?? Stations.FirstOrDefault()?.Id;
        Chefs = (await api.ChefsAsync(PageHelpers.Query(("stationId", StationId), ("pageSize", 100), ("isActive", true)), cancellationToken)).Value?.Items ?? [];
        var from = WeekStart.AddDays(-1).ToString("yyyy-MM-dd") + "T00:00:00Z";
        var to = WeekStart.AddDays(8).ToString("yyyy-MM-dd") + "T00:00:00Z";
        var bookings = await api.BookingsAsync(PageHelpers.Query(("stationId", StationId), ("from", from), ("to", to), ("pageSize", 100)), cancellationToken);
        Bookings = (bookings.Value?.Items ?? []).Where(b => b.Status is "Pending" or "Confirmed" or "Completed").ToList();
    }
}
