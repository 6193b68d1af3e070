using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyHibachi.Web.Auth;
using MyHibachi.Web.Infrastructure;
using MyHibachi.Web.Models;

namespace MyHibachi.Web.Pages.Admin;

public sealed class IndexModel(CatalogClient catalog, AdminClient admin, AssistantClient assistant) : PageModel
{
    /// <summary>The assistant's last 30 days, for staff who may read conversations.</summary>
    public AssistantStatsDto? Assistant { get; private set; }

    public DashboardDto? Dashboard { get; private set; }

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];

    public Guid? StationId { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Status colours shared by the pipeline chart and the status badges.</summary>
    public static readonly IReadOnlyDictionary<BookingStatus, string> StatusColours = new Dictionary<BookingStatus, string>
    {
        [BookingStatus.Pending] = "#f59e0b",
        [BookingStatus.Confirmed] = "#16a34a",
        [BookingStatus.Completed] = "#2563eb",
        [BookingStatus.Cancelled] = "#dc2626",
        [BookingStatus.NoShow] = "#7f1d1d",
    };

    public ChartModel? NextDaysChart => Dashboard is not { } d ? null : new ChartModel(
        "chart-next-days", "Events and guests per day for the next 14 days", "bar",
        d.NextDays.Select(day => day.Date.ToString("ddd M/d", CultureInfo.GetCultureInfo("en-US"))).ToList(),
        [new ChartSeries("Events", d.NextDays.Select(day => (double)day.Events).ToList(), ["#fb923c"])]);

    public ChartModel? PipelineChart => Dashboard is not { } d ? null : new ChartModel(
        "chart-pipeline", "Upcoming bookings by status", "doughnut",
        d.Pipeline.Select(p => PageHelpers.Status(p.Status)).ToList(),
        [new ChartSeries("Bookings", d.Pipeline.Select(p => (double)p.Count).ToList(), d.Pipeline.Select(p => StatusColours[p.Status]).ToList())]);

    public async Task OnGetAsync(Guid? stationId, CancellationToken cancellationToken)
    {
        StationId = stationId;
        if (User.Can(Permissions.ConversationsRead))
        {
            Assistant = (await assistant.StatsAsync(30, cancellationToken)).Value;
        }

        Stations = User.VisibleStations((await catalog.StationsAsync(cancellationToken)).Value);
        var result = await admin.DashboardAsync(new DashboardQuery(stationId), cancellationToken);
        Dashboard = result.Value;
        Problem = result.Problem?.Message;
    }
}
