using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Google;

/// <summary>
/// Chefs' calendars in two-way sync. Busy times read from a chef's Google calendar (or an ICS address) are
/// stored under the chef's exclusive schedule lock, the lock every booking of that chef takes shared, so a
/// sync and a booking never decide on the same slot at once: one waits for the other and sees its result.
/// A busy time that arrives after a booking took the slot cannot undo the booking; it is reported as a
/// conflict for staff. Our own booking events come back in the sync marked with the booking id and never
/// block anything.
/// </summary>
public sealed class ChefCalendars(
    HibachiDbContext db, AccessScope scope, AvailabilityService availability, IOptions<AuthOptions> auth, IOptions<PaymentOptions> site, TimeProvider clock)
{
    /// <summary>The private extended property that marks an event as one of our bookings.</summary>
    public const string BookingProperty = "myhibachiBookingId";

    private const int MaxEvents = 5000;

    private BookingTokens FeedTokens(int version) => new(auth.Value.SigningKey, $"chef-calendar-feed:{version}");

    public string FeedUrl(Guid chefId, int version) =>
        $"{site.Value.SiteBaseUrl.TrimEnd('/')}/calendars/{chefId}/{FeedTokens(version).Token(chefId)}.ics";

    /// <summary>Google event ids are base32hex (a–v, 0–9): the booking's id written that way, so creating twice finds the first.</summary>
    public static string EventId(Guid bookingId)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuv";
        var bytes = bookingId.ToByteArray(bigEndian: true);
        var text = new StringBuilder("mh", 30);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    public async Task<Result<ChefCalendarDto>> GetAsync(Guid chefId, CancellationToken cancellationToken)
    {
        var chef = await VisibleChefAsync(chefId, cancellationToken);
        return chef is null ? Failure.NotFound("Chef") : await ToDtoAsync(chef, cancellationToken);
    }

    /// <summary>The chef, if the caller may see them (a chef: themselves; station staff: their station's).</summary>
    private Task<Chef?> VisibleChefAsync(Guid chefId, CancellationToken cancellationToken) =>
        scope.Chefs(db.Chefs).AsNoTracking().FirstOrDefaultAsync(c => c.Id == chefId, cancellationToken);

    /// <summary>The chef's calendar row, tracked for a change; a new one (added) when the chef has none yet.</summary>
    private async Task<ChefCalendar> CalendarForChangeAsync(Guid chefId, CancellationToken cancellationToken)
    {
        if (await db.ChefCalendars.FirstOrDefaultAsync(c => c.ChefId == chefId, cancellationToken) is { } calendar)
        {
            return calendar;
        }

        calendar = new ChefCalendar { ChefId = chefId };
        db.ChefCalendars.Add(calendar);
        return calendar;
    }

    private async Task<ChefCalendarDto> ToDtoAsync(Chef chef, CancellationToken cancellationToken)
    {
        var calendar = await db.ChefCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.ChefId == chef.Id, cancellationToken) ?? new ChefCalendar { ChefId = chef.Id };
        var connectionName = calendar.ConnectionId is { } id
            ? await db.GoogleConnections.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var now = clock.Now();
        var busy = await db.ExternalBusyTimes.AsNoTracking().Where(b => b.ChefId == chef.Id && b.EndsAt > now).OrderBy(b => b.StartsAt).Take(50)
            .Select(b => new ExternalBusyDto(b.Source == ExternalBusySource.Google ? "google" : "ics", b.StartsAt, b.EndsAt)).ToListAsync(cancellationToken);
        return new ChefCalendarDto(chef.Id, $"{chef.FirstName} {chef.LastName}", calendar.ConnectionId, connectionName, calendar.CalendarId,
            calendar.SyncStatus.ToString().ToLowerInvariant(), calendar.LastSyncedAt, calendar.LastError,
            calendar.WatchChannelId is not null && calendar.WatchExpiresAt > now, calendar.WatchExpiresAt, calendar.IcsImportUrl, calendar.IcsImportedAt,
            calendar.IcsImportError, FeedUrl(chef.Id, calendar.FeedVersion), busy, await ConflictsAsync(chef.Id, null, cancellationToken),
            await db.Stations.Where(s => s.Id == chef.StationId).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? "UTC");
    }

    /// <summary>The chef's live bookings that overlap a busy time on their own calendar (only those with the given busy rows, when given).</summary>
    public async Task<IReadOnlyList<CalendarConflictDto>> ConflictsAsync(Guid chefId, IReadOnlyCollection<Guid>? busyIds, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var rows = await (
                from b in db.Bookings
                join x in db.ExternalBusyTimes on b.ChefId equals x.ChefId
                where b.ChefId == chefId && AvailabilityService.HoldingStatuses.Contains(b.Status) && b.EndsAt > now
                      && x.StartsAt < b.ChefBusyTo && b.ChefBusyFrom < x.EndsAt && (busyIds == null || busyIds.Contains(x.Id))
                orderby b.StartsAt
                select new { b.Id, b.Reference, b.StartsAt, x.Source, BusyFrom = x.StartsAt, BusyTo = x.EndsAt })
            .Take(100).ToListAsync(cancellationToken);
        return rows.Select(r => new CalendarConflictDto(r.Id, r.Reference, r.StartsAt, r.Source == ExternalBusySource.Google ? "google" : "ics", r.BusyFrom, r.BusyTo)).ToList();
    }

    public async Task<Result<ChefCalendarDto>> SaveAsync(Guid chefId, ChefCalendarRequest request, CancellationToken cancellationToken)
    {
        var chef = await VisibleChefAsync(chefId, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        var errors = new ValidationErrors();
        var calendarId = Text.Clean(request.CalendarId);
        if (request.ConnectionId is { } connectionId)
        {
            var connection = await db.GoogleConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
            if (connection is null)
            {
                errors.Add("connectionId", "There is no Google connection with this id.");
            }
            else if (!connection.Scopes.Any(s => s is GoogleConnections.ScopePrefix + "calendar.events" or GoogleConnections.ScopePrefix + "calendar"))
            {
                errors.Add("connectionId", "This connection was not given a Calendar scope (calendar.events).");
            }

            if (calendarId is null || calendarId.Length > 320)
            {
                errors.Add("calendarId", "The chef's calendar id: usually their Google e-mail address (or primary for the connection's own calendar).");
            }
        }
        else if (calendarId is not null)
        {
            errors.Add("connectionId", "Which Google connection can reach this calendar.");
        }

        var icsUrl = Text.Clean(request.IcsImportUrl);
        if (icsUrl is not null && (icsUrl.Length > 2000 || !Uri.TryCreate(icsUrl.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase) ? "https://" + icsUrl[9..] : icsUrl,
                UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")))
        {
            errors.Add("icsImportUrl", "An http(s) or webcal address of an ICS calendar (e.g. the chef's secret address in iCal format).");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var calendar = await CalendarForChangeAsync(chefId, cancellationToken);

        var googleChanged = calendar.ConnectionId != request.ConnectionId || calendar.CalendarId != calendarId;
        var icsChanged = calendar.IcsImportUrl != icsUrl;
        calendar.ConnectionId = request.ConnectionId;
        calendar.CalendarId = request.ConnectionId is null ? null : calendarId;
        calendar.IcsImportUrl = icsUrl is not null && icsUrl.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase) ? "https://" + icsUrl[9..] : icsUrl;
        if (googleChanged)
        {
            // Another calendar: its busy times, sync token and push channel start from nothing.
            calendar.SyncToken = null;
            calendar.LastSyncedAt = null;
            calendar.LastError = null;
            calendar.WatchExpiresAt = null;
            await db.ExternalBusyTimes.Where(b => b.ChefId == chefId && b.Source == ExternalBusySource.Google).ExecuteDeleteAsync(cancellationToken);
        }

        if (icsChanged)
        {
            calendar.IcsImportedAt = null;
            calendar.IcsImportError = null;
            await db.ExternalBusyTimes.Where(b => b.ChefId == chefId && b.Source == ExternalBusySource.Ics).ExecuteDeleteAsync(cancellationToken);
        }

        var linked = calendar.ConnectionId is not null || calendar.IcsImportUrl is not null;
        calendar.SyncStatus = linked ? CalendarSyncStatus.Queued : CalendarSyncStatus.Never;
        if (linked)
        {
            db.Publish(new CalendarSyncRequested(chefId, "linked"), clock.Now());
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ToDtoAsync(chef, cancellationToken);
    }

    /// <summary>Staff or the chef ask for a sync now: the Workers read the calendar and report; the status shows progress.</summary>
    public async Task<Result<ChefCalendarDto>> RequestSyncAsync(Guid chefId, CancellationToken cancellationToken)
    {
        var chef = await VisibleChefAsync(chefId, cancellationToken);
        var calendar = chef is null ? null : await db.ChefCalendars.FirstOrDefaultAsync(c => c.ChefId == chefId, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        if (calendar is null || (calendar.ConnectionId is null && calendar.IcsImportUrl is null))
        {
            return Failure.Conflict(ProblemCodes.GoogleNotLinked, "This chef has no calendar to sync.",
                "Link their Google calendar or an ICS address first.");
        }

        calendar.SyncStatus = CalendarSyncStatus.Queued;
        db.Publish(new CalendarSyncRequested(chefId, "staff"), clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        return await ToDtoAsync(chef, cancellationToken);
    }

    /// <summary>A new private feed link: the old one stops working at once.</summary>
    public async Task<Result<ChefCalendarDto>> ResetFeedAsync(Guid chefId, CancellationToken cancellationToken)
    {
        var chef = await VisibleChefAsync(chefId, cancellationToken);
        if (chef is null)
        {
            return Failure.NotFound("Chef");
        }

        var calendar = await CalendarForChangeAsync(chefId, cancellationToken);

        calendar.FeedVersion++;
        await db.SaveChangesAsync(cancellationToken);
        return await ToDtoAsync(chef, cancellationToken);
    }

    /// <summary>The chef's bookings as an ICS calendar, for whoever holds the private link; null when the link is wrong or old.</summary>
    public async Task<string?> FeedAsync(Guid chefId, string? token, CancellationToken cancellationToken)
    {
        var version = await db.ChefCalendars.Where(c => c.ChefId == chefId).Select(c => (int?)c.FeedVersion).FirstOrDefaultAsync(cancellationToken) ?? 1;
        if (!FeedTokens(version).IsValid(chefId, token))
        {
            return null;
        }

        var chef = await db.Chefs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chefId, cancellationToken);
        if (chef is null)
        {
            return null;
        }

        var now = clock.Now();
        var from = now.AddDays(-30);
        var to = now.AddDays(AvailabilityService.MaxDaysAhead);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ChefId == chefId && AvailabilityService.HoldingStatuses.Contains(b.Status) && b.EndsAt > from && b.StartsAt < to)
            .OrderBy(b => b.StartsAt).Take(2000).ToListAsync(cancellationToken);
        return CalendarFeed.Write($"{chef.FirstName} {chef.LastName}", bookings.Select(b => ToFeedEvent(b)).ToList(), now);
    }

    private CalendarFeedEvent ToFeedEvent(Booking b) => new(
        $"{b.Id}@myhibachi", Summary(b), Description(b), Location(b), b.StartsAt, b.EndsAt, b.Status == BookingStatus.Confirmed);

    private static string Summary(Booking b) => $"Hibachi party, {b.Adults + b.Children} guests ({b.Reference})";

    private static string? Location(Booking b) =>
        string.Join(", ", new[] { b.AddressLine1, b.AddressLine2, b.City, $"{b.State} {b.Zip}" }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private string Description(Booking b)
    {
        var lines = new List<string>
        {
            $"Booking {b.Reference} ({b.Status.ToString().ToLowerInvariant()})",
            $"Customer: {b.ContactName}" + (b.ContactPhone is null ? "" : $", {b.ContactPhone}"),
            $"Guests: {b.Adults} adults, {b.Children} children",
        };
        if (!string.IsNullOrWhiteSpace(b.DietaryNotes))
        {
            lines.Add("Dietary notes: " + b.DietaryNotes);
        }

        if (!string.IsNullOrWhiteSpace(b.SpecialRequests))
        {
            lines.Add("Requests: " + b.SpecialRequests);
        }

        lines.Add($"{site.Value.SiteBaseUrl.TrimEnd('/')}/Admin/Bookings/Detail/{b.Id}");
        return string.Join("\n", lines);
    }

    // ---- For the Workers ----

    public static CalendarSyncTargetDto ToTarget(ChefCalendar c) =>
        new(c.ChefId, c.ConnectionId, c.CalendarId, c.SyncToken, c.IcsImportUrl, c.WatchChannelId, c.WatchResourceId, c.WatchExpiresAt);

    public async Task<IReadOnlyList<CalendarSyncTargetDto>> TargetsAsync(CancellationToken cancellationToken) =>
        (await db.ChefCalendars.AsNoTracking()
            .Where(c => (c.ConnectionId != null && c.CalendarId != null) || c.IcsImportUrl != null)
            .Where(c => db.Chefs.Any(x => x.Id == c.ChefId && x.IsActive))
            .ToListAsync(cancellationToken)).Select(ToTarget).ToList();

    public async Task<Result<CalendarSyncTargetDto>> TargetAsync(Guid chefId, bool starting, CancellationToken cancellationToken)
    {
        var calendar = await db.ChefCalendars.FirstOrDefaultAsync(c => c.ChefId == chefId, cancellationToken);
        if (calendar is null)
        {
            return Failure.NotFound("Chef calendar");
        }

        if (starting)
        {
            calendar.SyncStatus = CalendarSyncStatus.Running;
            await db.SaveChangesAsync(cancellationToken);
        }

        return ToTarget(calendar);
    }

    /// <summary>Stores what a sync read, under the chef's exclusive schedule lock; returns the conflicts the new busy times make.</summary>
    public async Task<Result<CalendarBusyResult>> IngestAsync(Guid chefId, CalendarBusyReport report, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var source = report.Source switch
        {
            "google" => ExternalBusySource.Google,
            "ics" => ExternalBusySource.Ics,
            _ => (ExternalBusySource?)null,
        };
        if (source is null)
        {
            errors.Add("source", "google or ics.");
        }

        errors.MaxLength("error", report.Error, 500);
        errors.MaxLength("nextSyncToken", report.NextSyncToken, 2000);
        var events = report.Events ?? [];
        if (events.Count > MaxEvents)
        {
            errors.Add("events", $"At most {MaxEvents} events in one report.");
        }

        for (var i = 0; i < events.Count && !errors.Any; i++)
        {
            var e = events[i];
            if (string.IsNullOrEmpty(e.Id) || e.Id.Length > 1024)
            {
                errors.Add($"events[{i}].id", "Every event has its calendar id (up to 1024 characters).");
            }
            else if (!e.Cancelled && e.StartsAt is { } s && e.EndsAt is { } end && end < s)
            {
                errors.Add($"events[{i}].endsAt", "An event ends after it starts.");
            }
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var calendar = await db.ChefCalendars.FirstOrDefaultAsync(c => c.ChefId == chefId, cancellationToken);
        if (calendar is null)
        {
            return Failure.NotFound("Chef calendar");
        }

        var now = clock.Now();
        if (report.Error is { } failed)
        {
            if (source == ExternalBusySource.Google)
            {
                calendar.SyncStatus = CalendarSyncStatus.Failed;
                calendar.LastError = failed;
            }
            else
            {
                calendar.IcsImportError = failed;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new CalendarBusyResult(await db.ExternalBusyTimes.CountAsync(b => b.ChefId == chefId, cancellationToken), []);
        }

        var changed = new List<Guid>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await availability.LockChefScheduleAsync(chefId, cancellationToken);
            var stored = await db.ExternalBusyTimes.Where(b => b.ChefId == chefId && b.Source == source).ToDictionaryAsync(b => b.ExternalId, cancellationToken);
            var stationId = await db.Chefs.IncludingDeleted().Where(c => c.Id == chefId).Select(c => c.StationId).FirstAsync(cancellationToken);
            var zone = AvailabilityService.Zone(await db.Stations.AsNoTracking().FirstAsync(s => s.Id == stationId, cancellationToken));
            var horizon = now.AddDays(AvailabilityService.MaxDaysAhead + 1);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in events)
            {
                seen.Add(item.Id);
                var e = AllDayToInstants(item, zone);
                // Cancelled, free ("transparent"), our own booking events, past and far-future events block nothing.
                var blocks = !e.Cancelled && !e.Transparent && e.BookingId is null && e.StartsAt is { } s && e.EndsAt is { } end
                             && end > now && s < horizon && end > s;
                stored.TryGetValue(e.Id, out var row);
                if (!blocks)
                {
                    if (row is not null)
                    {
                        db.ExternalBusyTimes.Remove(row);
                    }

                    continue;
                }

                if (row is null)
                {
                    row = new ExternalBusyTime { ChefId = chefId, Source = source!.Value, ExternalId = e.Id };
                    db.ExternalBusyTimes.Add(row);
                    stored[e.Id] = row;
                }
                else if (row.StartsAt == e.StartsAt!.Value.ToUniversalTime() && row.EndsAt == e.EndsAt!.Value.ToUniversalTime())
                {
                    row.SyncedAt = now;
                    continue;
                }

                row.StartsAt = e.StartsAt!.Value.ToUniversalTime();
                row.EndsAt = e.EndsAt!.Value.ToUniversalTime();
                row.SyncedAt = now;
                changed.Add(row.Id);
            }

            if (report.Full)
            {
                // A full read is the whole calendar: what it no longer holds is gone.
                db.ExternalBusyTimes.RemoveRange(stored.Values.Where(r => !seen.Contains(r.ExternalId) && db.Entry(r).State != EntityState.Added));
            }

            if (source == ExternalBusySource.Google)
            {
                calendar.SyncToken = report.NextSyncToken ?? (report.Full ? null : calendar.SyncToken);
                calendar.LastSyncedAt = now;
                calendar.SyncStatus = CalendarSyncStatus.Ok;
                calendar.LastError = null;
            }
            else
            {
                calendar.IcsImportedAt = now;
                calendar.IcsImportError = null;
                if (calendar.ConnectionId is null)
                {
                    calendar.LastSyncedAt = now;
                    calendar.SyncStatus = CalendarSyncStatus.Ok;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var conflicts = changed.Count == 0 ? [] : await ConflictsAsync(chefId, changed, cancellationToken);
        return new CalendarBusyResult(await db.ExternalBusyTimes.CountAsync(b => b.ChefId == chefId, cancellationToken), conflicts);
    }

    /// <summary>An all-day event blocks its local days: midnight to midnight in the chef's station's zone.</summary>
    public static CalendarEventItem AllDayToInstants(CalendarEventItem e, TimeZoneInfo zone) =>
        e is { StartsAt: null, StartDate: { } first }
            ? e with
            {
                StartsAt = AvailabilityEngine.ToInstant(first, TimeOnly.MinValue, zone),
                EndsAt = AvailabilityEngine.ToInstant(e.EndDate ?? first.AddDays(1), TimeOnly.MinValue, zone),
            }
            : e;

    public async Task<Result> ReportWatchAsync(Guid chefId, CalendarWatchReport report, CancellationToken cancellationToken)
    {
        var calendar = await db.ChefCalendars.FirstOrDefaultAsync(c => c.ChefId == chefId, cancellationToken);
        if (calendar is null)
        {
            return Failure.NotFound("Chef calendar");
        }

        var errors = new ValidationErrors();
        errors.MaxLength("channelId", report.ChannelId, 64);
        errors.MaxLength("resourceId", report.ResourceId, 200);
        errors.MaxLength("token", report.Token, 100);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        calendar.WatchChannelId = report.ChannelId;
        calendar.WatchResourceId = report.ResourceId;
        calendar.WatchToken = report.Token;
        calendar.WatchExpiresAt = report.ExpiresAt?.ToUniversalTime();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// A push notification from Google: the channel must be one we opened and carry its token (compared in
    /// constant time). <c>sync</c> (sent as the channel opens) is acknowledged and does nothing; <c>exists</c> asks the Workers for an incremental sync.
    /// </summary>
    public async Task<Result> NotifiedAsync(string? channelId, string? token, string? resourceId, string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId) || channelId.Length > 64)
        {
            return Failure.Forbidden("Not a channel of ours.");
        }

        if (state == "sync")
        {
            // Google's first message on a new channel, sent before the Workers have even stored it: it asks for nothing.
            return Result.Success;
        }

        var calendar = await db.ChefCalendars.FirstOrDefaultAsync(c => c.WatchChannelId == channelId, cancellationToken);
        if (calendar?.WatchToken is null || token is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(calendar.WatchToken), Encoding.UTF8.GetBytes(token))
            || (resourceId is not null && calendar.WatchResourceId is not null && resourceId != calendar.WatchResourceId))
        {
            return new Failure(StatusCodes.Status403Forbidden, ProblemCodes.GoogleChannelUnknown, "This notification is not from a channel we opened.");
        }

        if (state is "exists" or "not_exists")
        {
            calendar.SyncStatus = CalendarSyncStatus.Queued;
            db.Publish(new CalendarSyncRequested(calendar.ChefId, "push"), clock.Now());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success;
    }

    /// <summary>What a booking's calendar events should be now: on its chef's linked calendar while it holds the chef, nowhere else.</summary>
    public async Task<Result<BookingCalendarPlanDto>> PlanAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.IncludingDeleted().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        var existing = await db.BookingCalendarEvents.AsNoTracking().Where(e => e.BookingId == bookingId && !e.Removed).ToListAsync(cancellationToken);
        var calendar = booking.ChefId is { } chefId
            ? await db.ChefCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.ChefId == chefId && c.ConnectionId != null && c.CalendarId != null, cancellationToken)
            : null;
        var live = booking.DeletedAt is null && AvailabilityService.HoldingStatuses.Contains(booking.Status);
        CalendarEventUpsert? upsert = null;
        if (live && calendar is not null)
        {
            var zone = await db.Stations.Where(s => s.Id == booking.StationId).Select(s => s.TimeZone).FirstAsync(cancellationToken);
            upsert = new CalendarEventUpsert(calendar.ChefId, calendar.ConnectionId!.Value, calendar.CalendarId!, EventId(booking.Id), Summary(booking),
                Description(booking), Location(booking), booking.StartsAt, booking.EndsAt, zone);
        }

        var remove = existing
            .Where(e => upsert is null || e.ChefId != upsert.ChefId || e.CalendarId != upsert.CalendarId || e.ConnectionId != upsert.ConnectionId)
            .Select(e => new CalendarEventRemoval(e.ChefId, e.ConnectionId, e.CalendarId, e.EventId)).ToList();
        return new BookingCalendarPlanDto(bookingId, upsert, remove);
    }

    /// <summary>
    /// Bookings whose calendar event is missing or out of date: live bookings of chefs with a linked calendar that
    /// have no event written since their last change (a calendar linked after they were made, details changed,
    /// a lost message), and events still on a calendar for a booking that no longer holds that chef.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> StaleBookingsAsync(Guid? chefId, int limit, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var linked = db.ChefCalendars.Where(c => c.ConnectionId != null && c.CalendarId != null && (chefId == null || c.ChefId == chefId)).Select(c => c.ChefId);
        var missing = await db.Bookings.AsNoTracking()
            .Where(b => b.ChefId != null && linked.Contains(b.ChefId.Value) && AvailabilityService.HoldingStatuses.Contains(b.Status) && b.EndsAt > now)
            .Where(b => !db.BookingCalendarEvents.Any(e => e.BookingId == b.Id && e.ChefId == b.ChefId && !e.Removed && e.SyncedAt >= b.UpdatedAt))
            .OrderBy(b => b.StartsAt).Select(b => b.Id).Take(limit).ToListAsync(cancellationToken);
        var orphaned = await db.BookingCalendarEvents.AsNoTracking()
            .Where(e => !e.Removed && (chefId == null || e.ChefId == chefId))
            .Where(e => !db.Bookings.Any(b => b.Id == e.BookingId && b.ChefId == e.ChefId && AvailabilityService.HoldingStatuses.Contains(b.Status)))
            .Select(e => e.BookingId).Take(limit).ToListAsync(cancellationToken);
        return missing.Concat(orphaned).Distinct().Take(limit).ToList();
    }

    public async Task<Result> ReportBookingEventsAsync(Guid bookingId, BookingCalendarReport report, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(bookingId, cancellationToken);
        if (!plan.Succeeded)
        {
            return plan.Failure!;
        }

        var now = clock.Now();
        var rows = await db.BookingCalendarEvents.Where(e => e.BookingId == bookingId).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => report.RemovedChefIds.Contains(r.ChefId)))
        {
            row.Removed = true;
            row.SyncedAt = now;
        }

        if (report.UpsertedChefId is { } chefId && plan.Value!.Upsert is { } upsert && upsert.ChefId == chefId)
        {
            var row = rows.FirstOrDefault(r => r.ChefId == chefId);
            if (row is null)
            {
                row = new BookingCalendarEvent { BookingId = bookingId, ChefId = chefId };
                db.BookingCalendarEvents.Add(row);
            }

            row.ConnectionId = upsert.ConnectionId;
            row.CalendarId = upsert.CalendarId;
            row.EventId = upsert.EventId;
            row.Removed = false;
            row.SyncedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
