using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Availability;

/// <summary>Loads chefs' schedules from the database for the <see cref="AvailabilityEngine"/>.</summary>
public sealed class AvailabilityService(HibachiDbContext db, Loyalty.LoyaltyPerks perks, TimeProvider clock)
{
    public static readonly BookingStatus[] HoldingStatuses = [BookingStatus.Pending, BookingStatus.Confirmed];

    /// <summary>How far ahead events can be booked (about 18 months).</summary>
    public const int MaxDaysAhead = 548;

    /// <summary>The earliest start this caller may book: the station's notice, halved for customers with priority booking (Silver and up).</summary>
    public DateTimeOffset EarliestStart(Station station) => clock.Now().AddHours(perks.NoticeHours(station.MinimumNoticeHours));

    /// <summary>
    /// The instant a local date and time at the station stands for, checked as a start a customer may
    /// book: it exists (clock changes), is not past, respects the minimum notice and the booking horizon.
    /// </summary>
    public DateTimeOffset? CheckStart(Station station, DateOnly date, TimeOnly time, ValidationErrors errors)
    {
        if (!errors.Date("eventDate", date))
        {
            return null;
        }

        var start = AvailabilityEngine.ToInstant(date, time, Zone(station));
        if (start is null)
        {
            errors.Add("startTime", "That time does not exist on that date (the clocks change); choose another.");
            return null;
        }

        var now = clock.Now();
        if (start < now)
        {
            errors.Add("eventDate", "That date and time are in the past.");
        }
        else if (start < EarliestStart(station))
        {
            errors.Add("eventDate", $"Book at least {perks.NoticeHours(station.MinimumNoticeHours)} hours before the event; call us for last-minute parties.");
        }
        else if (start > now.AddDays(MaxDaysAhead))
        {
            errors.Add("eventDate", "We take bookings up to 18 months ahead.");
        }

        return start;
    }

    public static TimeZoneInfo Zone(Station station) => TimeZoneInfo.FindSystemTimeZoneById(station.TimeZone);

    /// <summary>The schedules of the given chefs (or every active chef of the station) around an interval.</summary>
    public async Task<IReadOnlyList<(Chef Chef, ChefSchedule Schedule)>> LoadAsync(
        Guid stationId, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyCollection<Guid>? chefIds, Guid? excludeBookingId, CancellationToken cancellationToken)
    {
        var chefs = await db.Chefs.AsNoTracking()
            .Where(c => c.StationId == stationId && c.IsActive && (chefIds == null || chefIds.Contains(c.Id)))
            .OrderBy(c => c.FirstName).ThenBy(c => c.LastName)
            .ToListAsync(cancellationToken);
        var ids = chefs.Select(c => c.Id).ToList();

        // A day either side catches buffers and local days that straddle UTC midnight.
        var windowFrom = from.AddDays(-1);
        var windowTo = to.AddDays(1);
        var fromDate = DateOnly.FromDateTime(windowFrom.UtcDateTime);
        var toDate = DateOnly.FromDateTime(windowTo.UtcDateTime);

        var hours = await db.ChefWorkingHours.AsNoTracking().Where(h => ids.Contains(h.ChefId)).ToListAsync(cancellationToken);
        var overrides = await db.ChefDateOverrides.AsNoTracking()
            .Where(o => ids.Contains(o.ChefId) && o.Date >= fromDate && o.Date <= toDate)
            .ToListAsync(cancellationToken);
        var timeOff = await db.ChefTimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.ChefId) && t.StartsAt < windowTo && t.EndsAt > windowFrom)
            .ToListAsync(cancellationToken);
        var bookings = await BusyBlocksAsync(ids, zone, windowFrom, windowTo, excludeBookingId, cancellationToken);
        var calendarBusy = await db.ExternalBusyTimes.AsNoTracking()
            .Where(b => ids.Contains(b.ChefId) && b.StartsAt < windowTo && b.EndsAt > windowFrom)
            .Select(b => new { b.ChefId, b.StartsAt, b.EndsAt })
            .ToListAsync(cancellationToken);

        var hoursByChef = hours.ToLookup(h => h.ChefId);
        var overridesByChef = overrides.ToLookup(o => o.ChefId);
        var timeOffByChef = timeOff.ToLookup(t => t.ChefId);
        var bookingsByChef = bookings.ToLookup(b => b.ChefId, b => b.Block);
        var calendarBusyByChef = calendarBusy.ToLookup(b => b.ChefId, b => (b.StartsAt, b.EndsAt));
        return chefs.Select(chef => (chef, new ChefSchedule(
                chef.Id, chef.BufferBeforeMinutes, chef.BufferAfterMinutes, chef.MaxEventsPerDay,
                hoursByChef[chef.Id].ToList(), overridesByChef[chef.Id].ToList(), timeOffByChef[chef.Id].ToList(), bookingsByChef[chef.Id].ToList(),
                calendarBusyByChef[chef.Id].ToList())))
            .ToList();
    }

    /// <summary>
    /// The chef's whole schedule read again after <see cref="LockChefForBookingAsync"/>: bookings are
    /// what concurrent requests change, and hours, overrides, time off and calendar busy times can only change under the
    /// exclusive schedule lock this booking now holds shared, so what is read now stays true until commit.
    /// Null when the chef is no longer active.
    /// </summary>
    public async Task<ChefSchedule?> ReloadUnderLockAsync(
        Guid stationId, Guid chefId, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, Guid? excludeBookingId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(stationId, zone, from, to, [chefId], excludeBookingId, cancellationToken);
        return loaded.Count == 1 ? loaded[0].Schedule : null;
    }

    private async Task<List<(Guid ChefId, BusyBlock Block)>> BusyBlocksAsync(
        List<Guid> chefIds, TimeZoneInfo zone, DateTimeOffset windowFrom, DateTimeOffset windowTo, Guid? excludeBookingId, CancellationToken cancellationToken)
    {
        // The overlap is written as the range the exclusion constraint indexes (same expression, same
        // partial-index conditions), so PostgreSQL finds the window's blocks in that GiST index
        // instead of reading every booking of the station's chefs.
        var rangeFrom = windowFrom.ToUniversalTime();
        var rangeTo = windowTo.ToUniversalTime();
        var rows = await db.Bookings
            .FromSql($"SELECT * FROM bookings WHERE tstzrange(chef_busy_from, chef_busy_to, '[)') && tstzrange({rangeFrom}, {rangeTo}, '[)')")
            .AsNoTracking()
            .Where(b => b.ChefId != null && chefIds.Contains(b.ChefId.Value) && HoldingStatuses.Contains(b.Status) && b.Id != excludeBookingId)
            .Select(b => new { ChefId = b.ChefId!.Value, b.ChefBusyFrom, b.ChefBusyTo, b.StartsAt, b.Reference })
            .ToListAsync(cancellationToken);
        return rows.Select(b => (b.ChefId, new BusyBlock(b.ChefBusyFrom!.Value, b.ChefBusyTo!.Value, AvailabilityEngine.LocalDate(b.StartsAt, zone), b.Reference)))
            .ToList();
    }

    /// <summary>
    /// Taken before a booking holds, moves to or is restored onto a chef: the chef's schedule lock in
    /// shared mode (bookings on the chef's other days go ahead in parallel, schedule edits wait) and the
    /// chef's day lock exclusively (bookings for that day check the daily cap and overlaps against each
    /// other's results). Both are released on commit. An overlap across midnight (two days, two locks) is
    /// still refused by the database's no-overlap constraint.
    /// </summary>
    public Task LockChefForBookingAsync(Guid chefId, DateTimeOffset startsAt, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock_shared(hashtextextended({$"chef:{chefId}"}, 0)), pg_advisory_xact_lock(hashtextextended({$"chef-day:{chefId}:{AvailabilityEngine.LocalDate(startsAt, zone):yyyy-MM-dd}"}, 0))",
            cancellationToken);

    /// <summary>
    /// Taken by every change to a chef's hours, overrides, time off, buffers or daily cap: the chef's
    /// schedule lock exclusively, so no booking is placed against the schedule being changed.
    /// </summary>
    public Task LockChefScheduleAsync(Guid chefId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"chef:{chefId}"}, 0))", cancellationToken);

    /// <summary>
    /// The chef's live future bookings that <paramref name="chef"/>'s schedule, as it would be after a
    /// change still in memory, could no longer hold (outside the hours, on time off, over the cap,
    /// overlapping with new buffers). Empty when the change strands nobody.
    /// </summary>
    public async Task<IReadOnlyList<string>> StrandedBookingsAsync(Chef chef, Station station, CancellationToken cancellationToken)
    {
        var zone = Zone(station);
        var now = clock.Now();
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.ChefId == chef.Id && HoldingStatuses.Contains(b.Status) && b.EndsAt > now)
            .Select(b => new { b.Reference, b.StartsAt, b.DurationMinutes, b.ChefBusyFrom, b.ChefBusyTo })
            .ToListAsync(cancellationToken);
        var blocks = held.Select(b => new BusyBlock(b.ChefBusyFrom!.Value, b.ChefBusyTo!.Value, AvailabilityEngine.LocalDate(b.StartsAt, zone), b.Reference)).ToList();
        // Rows the change removes are still in the navigations (marked deleted) until it is saved.
        List<T> Kept<T>(IEnumerable<T> rows) where T : class => rows.Where(r => db.Entry(r).State != EntityState.Deleted).ToList();
        var schedule = new ChefSchedule(chef.Id, chef.BufferBeforeMinutes, chef.BufferAfterMinutes, chef.MaxEventsPerDay,
            Kept(chef.WorkingHours), Kept(chef.DateOverrides), Kept(chef.TimeOff), blocks);
        return held
            .Where(b => AvailabilityEngine.WhyUnavailable(schedule with { Bookings = blocks.Where(x => x.Reference != b.Reference).ToList() },
                zone, b.StartsAt, b.DurationMinutes, DateTimeOffset.MinValue) is not null)
            .OrderBy(b => b.StartsAt)
            .Select(b => b.Reference)
            .ToList();
    }
}
