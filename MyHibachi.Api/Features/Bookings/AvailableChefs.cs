using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Bookings;

public static class AvailableChefsApi
{
    public static IEndpointRouteBuilder MapAvailableChefsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bookings/{id:guid}/available-chefs", GetAvailableChefs)
            .RequireRateLimiting(RateLimitPolicies.Api).WithTags("Bookings").WithName("GetAvailableChefs")
            .WithSummary("The station's chefs who are free for this booking's whole block (to offer when assigning)")
            .RequirePermission(Permissions.BookingsManage)
            .RequireFeature(FeatureFlags.CoreApi);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AvailableChefDto>>, ProblemHttpResult>> GetAvailableChefs(
        Guid id, BookingQueries bookings, HibachiDbContext db, AvailabilityService availability, CancellationToken cancellationToken)
    {
        var booking = await bookings.FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking").ToResult();
        }

        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == booking.StationId, cancellationToken);
        var zone = AvailabilityService.Zone(station);
        var localDate = AvailabilityEngine.LocalDate(booking.StartsAt, zone);
        var schedules = await availability.LoadAsync(station.Id, zone, booking.StartsAt, booking.EndsAt, null, booking.Id, cancellationToken);
        IReadOnlyList<AvailableChefDto> free = schedules
            .Where(s => AvailabilityEngine.WhyUnavailable(s.Schedule, zone, booking.StartsAt, booking.DurationMinutes, DateTimeOffset.MinValue) is null)
            .Select(s => new AvailableChefDto(s.Chef.Id, s.Chef.FullName, AvailabilityEngine.EventsOn(s.Schedule, localDate)))
            .OrderBy(c => c.EventsThatDay).ThenBy(c => c.Name)
            .ToList();
        return TypedResults.Ok(free);
    }
}
