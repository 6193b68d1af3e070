using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;

namespace MyHibachi.Web.Pages.Admin;

public sealed class CalendarModel(CatalogClient catalog, ChefsClient chefs, BookingsClient bookings, TimeProvider clock) : PageModel
{
    public DateOnly WeekStart { get; private set; }

    public Guid? StationId { get; private set; }

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public IReadOnlyList<ChefDto> Chefs { get; private set; } = [];

    public IReadOnlyList<BookingSummaryDto> Bookings { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? week, Guid? stationId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        WeekStart = week ?? today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        Stations = User.VisibleStations((await catalog.StationsAsync(cancellationToken)).Value);
        StationId = stationId ?? User.StationId() ?? Stations.FirstOrDefault()?.Id;
        Chefs = (await chefs.ListAsync(new ChefListQuery(PageSize: 100, StationId: StationId, IsActive: true), cancellationToken)).Value?.Items ?? [];
        var from = new DateTimeOffset(WeekStart.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(WeekStart.AddDays(8).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var inWeek = await bookings.ListAsync(new BookingListQuery(PageSize: 100, StationId: StationId, From: from, To: to), cancellationToken);
        Bookings = (inWeek.Value?.Items ?? []).Where(b => b.Status is BookingStatus.Pending or BookingStatus.Confirmed or BookingStatus.Completed).ToList();
    }
}
