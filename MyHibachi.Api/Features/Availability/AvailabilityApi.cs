using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Availability;

public static class AvailabilityApi
{
    public static IServiceCollection AddAvailability(this IServiceCollection services) => services.AddScoped<AvailabilityService>();

    public const int MaxRangeDays = 62;

    public static IEndpointRouteBuilder MapAvailabilityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/chefs/{id:guid}/availability", GetChefAvailability)
            .RequireRateLimiting(RateLimitPolicies.Api).WithTags("Chefs").WithName("GetChefAvailability")
            .WithSummary("A chef's open start times between two local dates, and what blocks the rest")
            .RequirePermission(Permissions.ChefsRead)
            .ProducesValidationProblem()
            .RequireFeature(FeatureFlags.CoreApi);

        app.MapGet("/api/stations/{id:guid}/slots", GetStationSlots)
            .RequireRateLimiting(RateLimitPolicies.Api).WithTags("Stations").WithName("GetStationSlots")
            .WithSummary("Open start times across a station's chefs, for the booking wizard")
            .ProducesValidationProblem()
            .RequireFeature(FeatureFlags.CoreApi);

        app.MapGet("/api/bookings/{id:guid}/slots", GetBookingSlots)
            .RequireRateLimiting(RateLimitPolicies.Api).WithTags("Bookings").WithName("GetBookingSlots")
            .WithSummary("Where a booking can move: open start times of its chef (any chef when none is assigned), the booking itself not counted")
            .RequirePermission(Permissions.BookingsRead)
            .ProducesValidationProblem()
            .RequireFeature(FeatureFlags.CoreApi);

        return app;
    }

    public static async Task<Results<Ok<StationSlotsDto>, ProblemHttpResult>> GetBookingSlots(
        Guid id, DateOnly? from, DateOnly? to, int? guests, BookingQueries bookings, HibachiDbContext db, AvailabilityService availability,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var booking = await bookings.FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking").ToResult();
        }

        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == booking.StationId, cancellationToken);
        return await SlotsAsync(station, from, to, guests ?? booking.Adults + booking.Children, booking.ChefId is { } chef ? [chef] : null, booking.Id,
            availability, clock, cancellationToken);
    }

    public static async Task<Results<Ok<ChefAvailabilityDto>, ProblemHttpResult>> GetChefAvailability(
        Guid id, DateOnly? from, DateOnly? to, int? guests, HibachiDbContext db, AvailabilityService availability, AccessScope scope,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var chef = await scope.Chefs(db.Chefs).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef").ToResult();
        }

        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == chef.StationId, cancellationToken);
        var zone = AvailabilityService.Zone(station);
        var range = ValidateRange(from, to, guests, zone, clock);
        if (range.Failure is not null)
        {
            return range.Failure.ToResult();
        }

        var (first, last, duration) = range.Value;
        var (rangeFrom, rangeTo) = Instants(first, last, zone);
        var loaded = await availability.LoadAsync(station.Id, zone, rangeFrom, rangeTo, [chef.Id], null, cancellationToken);
        List<DaySlotsDto> days;
        var busy = new List<BusyDto>();
        if (loaded.Count == 1)
        {
            var schedule = loaded[0].Schedule;
            var starts = AvailabilityEngine.OpenStarts(schedule, zone, first, last, duration, availability.EarliestStart(station));
            days = Group(starts.Select(s => (s, 1)), zone, first, last);
            busy.AddRange(schedule.Bookings.Select(b => new BusyDto(b.From, b.To, "booking", b.Reference)));
            busy.AddRange(schedule.TimeOff.Select(t => new BusyDto(t.StartsAt, t.EndsAt, "time_off", t.Reason)));
            busy.AddRange((schedule.CalendarBusy ?? []).Select(c => new BusyDto(c.From, c.To, "calendar", null)));
        }
        else
        {
            days = Group([], zone, first, last); // an inactive chef has no open time
        }

        return TypedResults.Ok(new ChefAvailabilityDto(chef.Id, station.TimeZone, duration, chef.MaxEventsPerDay,
            chef.BufferBeforeMinutes, chef.BufferAfterMinutes, days, busy.OrderBy(b => b.From).ToList()));
    }

    public static async Task<Results<Ok<StationSlotsDto>, ProblemHttpResult>> GetStationSlots(
        Guid id, DateOnly? from, DateOnly? to, int? guests, HibachiDbContext db, AvailabilityService availability,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.IsActive, cancellationToken);
        if (station is null)
        {
            return Failure.NotFound("Station").ToResult();
        }

        return await SlotsAsync(station, from, to, guests, null, null, availability, clock, cancellationToken);
    }

    /// <summary>Open starts at a station, counted by free chef (only <paramref name="chefIds"/> when given), <paramref name="excludeBooking"/> not holding its chef.</summary>
    private static async Task<Results<Ok<StationSlotsDto>, ProblemHttpResult>> SlotsAsync(
        Station station, DateOnly? from, DateOnly? to, int? guests, IReadOnlyList<Guid>? chefIds, Guid? excludeBooking,
        AvailabilityService availability, TimeProvider clock, CancellationToken cancellationToken)
    {
        var zone = AvailabilityService.Zone(station);
        var range = ValidateRange(from, to, guests, zone, clock);
        if (range.Failure is not null)
        {
            return range.Failure.ToResult();
        }

        var (first, last, duration) = range.Value;
        var (rangeFrom, rangeTo) = Instants(first, last, zone);
        var schedules = await availability.LoadAsync(station.Id, zone, rangeFrom, rangeTo, chefIds, excludeBooking, cancellationToken);
        var earliest = availability.EarliestStart(station);
        var counts = schedules
            .SelectMany(s => AvailabilityEngine.OpenStarts(s.Schedule, zone, first, last, duration, earliest))
            .GroupBy(start => start)
            .Select(g => (g.Key, g.Count()));
        return TypedResults.Ok(new StationSlotsDto(station.Id, station.TimeZone, duration,
            Group(counts, zone, first, last, date => schedules.All(s => AvailabilityEngine.WorkingWindows(s.Schedule, date).Count == 0))));
    }

    public static Result<(DateOnly From, DateOnly To, int DurationMinutes)> ValidateRange(DateOnly? from, DateOnly? to, int? guests, TimeZoneInfo zone, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        if (!errors.Date("from", from) | !errors.Date("to", to))
        {
            return Failure.Invalid(errors);
        }

        var today = AvailabilityEngine.LocalDate(clock.GetUtcNow(), zone);
        var first = from ?? today;
        var last = to ?? first.AddDays(13);
        if (last < first)
        {
            errors.Add("to", "'to' must be on or after 'from'.");
        }
        else if (last.DayNumber - first.DayNumber + 1 > MaxRangeDays)
        {
            errors.Add("to", $"Ask for at most {MaxRangeDays} days at a time.");
        }

        var party = guests ?? 10;
        errors.Range("guests", party, 1, 200, "Guests");
        return errors.Any ? Failure.Invalid(errors) : (first, last, AvailabilityEngine.EventDurationMinutes(party));
    }

    private static (DateTimeOffset From, DateTimeOffset To) Instants(DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        (AvailabilityEngine.ToInstant(first, TimeOnly.MinValue, zone) ?? new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
         (AvailabilityEngine.ToInstant(last.AddDays(1), TimeOnly.MinValue, zone) ?? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));

    private static List<DaySlotsDto> Group(
        IEnumerable<(DateTimeOffset Start, int Chefs)> starts, TimeZoneInfo zone, DateOnly first, DateOnly last, Func<DateOnly, bool>? closed = null)
    {
        var byDay = starts
            .Select(s => (Local: TimeZoneInfo.ConvertTime(s.Start, zone), s.Start, s.Chefs))
            .GroupBy(s => DateOnly.FromDateTime(s.Local.DateTime))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start)
                .Select(s => new SlotDto(s.Start, s.Local.ToString("HH:mm", CultureInfo.InvariantCulture), s.Chefs)).ToList());
        var days = new List<DaySlotsDto>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var open = byDay.TryGetValue(date, out var slots);
            days.Add(new DaySlotsDto(date, open ? slots! : [], !open && closed?.Invoke(date) == true));
        }

        return days;
    }
}
