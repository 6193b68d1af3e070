using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Dashboard;

/// <summary>The staff dashboard: today, this week, the pipeline and the next two weeks, within the caller's scope.</summary>
public static class DashboardApi
{
    private static readonly LeadStatus[] OpenLeadStatuses = [LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified];

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/dashboard", GetDashboard)
            .RequireRateLimiting(RateLimitPolicies.Api).WithTags("Dashboard").WithName("GetDashboard")
            .WithSummary("Events today and this week, pipeline by status, upcoming revenue and deposits, the next 14 days")
            .RequireStaff().RequirePermission(Permissions.BookingsRead)
            .RequireFeature(FeatureFlags.CoreApi);
        return app;
    }

    public static async Task<Ok<DashboardDto>> GetDashboard(
        [AsParameters] DashboardQuery query, HibachiDbContext db, BookingQueries queries, PaymentQueries payments, PricingAdmin pricing, AccessScope scope,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var bookings = scope.Bookings(db.Bookings).AsNoTracking().Where(b => b.StartsAt >= now.AddDays(-1) && b.StartsAt < now.AddDays(16));
        var leads = scope.Leads(db.Leads).AsNoTracking();
        if (query.StationId is { } station)
        {
            bookings = bookings.Where(b => b.StationId == station);
            leads = leads.Where(l => l.StationId == station);
        }

        var summaries = await queries.SummariesAsync(bookings.OrderBy(b => b.StartsAt), cancellationToken);
        var zones = await queries.StationZonesAsync(summaries.Select(s => s.StationId), cancellationToken);
        var live = summaries.Where(s => s.Status is Contracts.BookingStatus.Pending or Contracts.BookingStatus.Confirmed).ToList();
        bool IsToday(BookingSummaryDto s) => s.LocalDate == AvailabilityEngine.LocalDate(now, zones[s.StationId]);
        bool IsThisWeek(BookingSummaryDto s)
        {
            var today = AvailabilityEngine.LocalDate(now, zones[s.StationId]);
            return s.LocalDate >= today && s.LocalDate < today.AddDays(7);
        }

        var today = live.Where(IsToday).ToList();
        var week = live.Where(IsThisWeek).ToList();
        var upcoming = live.Where(s => s.StartsAt >= now).ToList();
        var firstDay = DateOnly.FromDateTime(now.UtcDateTime);
        var nextDays = Enumerable.Range(0, 14).Select(offset => firstDay.AddDays(offset))
            .Select(day => new DayCountDto(day, live.Count(s => s.LocalDate == day), live.Where(s => s.LocalDate == day).Sum(s => s.Guests)))
            .ToList();
        var pipeline = Enum.GetValues<Contracts.BookingStatus>()
            .Select(status => new StatusCountDto(status, summaries.Count(s => s.StartsAt >= now && s.Status == status)))
            .ToList();

        return TypedResults.Ok(new DashboardDto(
            today.Count,
            week.Count,
            week.Sum(s => s.Guests),
            upcoming.Sum(s => s.TotalCents),
            upcoming.Sum(s => s.DepositCents),
            await leads.CountAsync(l => OpenLeadStatuses.Contains(l.Status), cancellationToken),
            pipeline,
            nextDays,
            today,
            await payments.AlertsAsync(query.StationId is { } only ? scope.Bookings(db.Bookings).Where(b => b.StationId == only) : scope.Bookings(db.Bookings),
                cancellationToken),
            scope.Kind == ScopeKind.Global ? await pricing.RecentAsync(5, cancellationToken) : []));
    }
}
