using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Dashboard;

public sealed record StatusCountDto(BookingStatus Status, int Count);

public sealed record DayCountDto(DateOnly Date, int Events, int Guests);

public sealed record DashboardDto(
    int EventsToday, int EventsThisWeek, int GuestsThisWeek, long UpcomingRevenueCents, long UpcomingDepositsCents, int OpenLeads,
    IReadOnlyList<StatusCountDto> Pipeline, IReadOnlyList<DayCountDto> NextDays, IReadOnlyList<BookingSummaryDto> Today);

/// <summary>The staff dashboard: today, this week, the pipeline and the next two weeks, within the caller's scope.</summary>
public static class DashboardApi
{
    private static readonly LeadStatus[] OpenLeadStatuses = [LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified];

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/dashboard", GetDashboard)
            .WithTags("Dashboard").WithName("GetDashboard")
            .WithSummary("Events today and this week, pipeline by status, upcoming revenue and deposits, the next 14 days")
            .RequireStaff().RequirePermission(Permissions.BookingsRead)
            .RequireFeature(FeatureFlags.CoreApi);
        return app;
    }

    public static async Task<Ok<DashboardDto>> GetDashboard(
        Guid? stationId, HibachiDbContext db, AccessScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var bookings = scope.Bookings(db.Bookings).AsNoTracking().Where(b => b.StartsAt >= now.AddDays(-1) && b.StartsAt < now.AddDays(16));
        var leads = scope.Leads(db.Leads).AsNoTracking();
        if (stationId is { } station)
        {
            bookings = bookings.Where(b => b.StationId == station);
            leads = leads.Where(l => l.StationId == station);
        }

        var rows = await bookings
            .Select(b => new { b.Id, b.Reference, b.StationId, b.ChefId, b.Status, b.StartsAt, b.Adults, b.Children, b.ContactName, b.City, b.Breakdown })
            .ToListAsync(cancellationToken);
        var zones = (await db.Stations.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.Id, AvailabilityService.Zone);
        var chefIds = rows.Where(r => r.ChefId != null).Select(r => r.ChefId!.Value).Distinct().ToList();
        var chefNames = await db.Chefs.IgnoreQueryFilters([HibachiDbContext.SoftDeleteFilter]).AsNoTracking()
            .Where(c => chefIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, cancellationToken);

        var local = rows.Select(r =>
        {
            var zone = zones[r.StationId];
            var start = TimeZoneInfo.ConvertTime(r.StartsAt, zone);
            return (Row: r, Date: DateOnly.FromDateTime(start.DateTime), Time: start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                Today: AvailabilityEngine.LocalDate(now, zone), Live: BookingRules.IsLive(r.Status));
        }).ToList();
        var today = local.Where(l => l.Live && l.Date == l.Today).OrderBy(l => l.Row.StartsAt).ToList();
        var week = local.Where(l => l.Live && l.Date >= l.Today && l.Date < l.Today.AddDays(7)).ToList();
        var upcoming = local.Where(l => l.Live && l.Row.StartsAt >= now).ToList();
        var firstDay = DateOnly.FromDateTime(now.UtcDateTime);
        var nextDays = Enumerable.Range(0, 14).Select(offset => firstDay.AddDays(offset))
            .Select(day => new DayCountDto(day, local.Count(l => l.Live && l.Date == day), local.Where(l => l.Live && l.Date == day).Sum(l => l.Row.Adults + l.Row.Children)))
            .ToList();
        var pipeline = Enum.GetValues<BookingStatus>()
            .Select(status => new StatusCountDto(status, local.Count(l => l.Row.StartsAt >= now && l.Row.Status == status)))
            .ToList();

        return TypedResults.Ok(new DashboardDto(
            today.Count,
            week.Count,
            week.Sum(l => l.Row.Adults + l.Row.Children),
            upcoming.Sum(l => l.Row.Breakdown.TotalCents),
            upcoming.Sum(l => l.Row.Breakdown.DepositCents),
            await leads.CountAsync(l => OpenLeadStatuses.Contains(l.Status), cancellationToken),
            pipeline,
            nextDays,
            today.Select(l => new BookingSummaryDto(l.Row.Id, l.Row.Reference, l.Row.StationId, l.Row.ChefId,
                l.Row.ChefId is { } chef ? chefNames.GetValueOrDefault(chef) : null, l.Row.Status, l.Row.StartsAt, l.Date, l.Time,
                l.Row.Adults + l.Row.Children, l.Row.ContactName, l.Row.City, l.Row.Breakdown.TotalCents, l.Row.Breakdown.DepositCents)).ToList()));
    }
}
