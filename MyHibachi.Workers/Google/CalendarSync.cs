using System.Globalization;
using Microsoft.Extensions.Options;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Notifications.Templates;
using MyHibachi.Workers.Payments;

namespace MyHibachi.Workers.Google;

/// <summary>
/// One chef's calendar sync: Google (incremental with the stored sync token, full when there is none or it expired),
/// then the ICS address if any; each result goes to the Api, which stores it under the chef's schedule lock and says
/// which bookings now clash (staff are e-mailed). A push channel is opened, or renewed a day before it ends, when the
/// Api's webhook address is configured. A failure is reported (staff see it) and, when it may pass, thrown to retry.
/// </summary>
public sealed class CalendarSync(
    GoogleClient api, GoogleApi google, GoogleCalendar calendar, IcsImporter ics, EmailSender email, EmailTemplates templates,
    IOptions<GoogleOptions> options, IOptions<BusinessOptions> business, IOptions<SiteOptions> site, TimeProvider clock, ILogger<CalendarSync> logger)
{
    public async Task SyncAsync(Guid chefId, CancellationToken cancellationToken)
    {
        var started = await api.StartCalendarSyncAsync(chefId, cancellationToken);
        if (started.Status == System.Net.HttpStatusCode.NotFound)
        {
            return; // unlinked since
        }

        var target = started.OrThrow("the chef's calendar");
        Exception? transient = null;
        if (target is { ConnectionId: { } connectionId, CalendarId: { } calendarId })
        {
            try
            {
                var access = await google.AccessAsync(connectionId, cancellationToken);
                var read = await calendar.ReadAsync(access, calendarId, target.SyncToken, cancellationToken);
                await ReportAsync(chefId, new CalendarBusyReport("google", read.Full, read.Events, read.NextSyncToken, null), cancellationToken);
                await KeepWatchingAsync(access, target, cancellationToken);
                await RepairEventsAsync(chefId, cancellationToken);
            }
            catch (GoogleException exception)
            {
                logger.LogWarning("Google calendar sync for chef {Chef} failed: {Error}", chefId, exception.Message);
                await api.ReportBusyAsync(chefId, new CalendarBusyReport("google", false, null, null, TextLimits.Clip(exception.Message, 500)), cancellationToken);
                transient ??= exception.Transient ? exception : null;
            }
        }

        if (target.IcsImportUrl is { } url)
        {
            try
            {
                var events = await ics.ReadAsync(url, cancellationToken);
                await ReportAsync(chefId, new CalendarBusyReport("ics", true, events, null, null), cancellationToken);
            }
            catch (Exception exception) when (exception is GoogleException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("ICS import for chef {Chef} failed: {Error}", chefId, exception.Message);
                await api.ReportBusyAsync(chefId, new CalendarBusyReport("ics", false, null, null, TextLimits.Clip(exception.Message, 500)), cancellationToken);
            }
        }

        if (transient is not null)
        {
            throw transient;
        }
    }

    private async Task ReportAsync(Guid chefId, CalendarBusyReport report, CancellationToken cancellationToken)
    {
        var result = (await api.ReportBusyAsync(chefId, report, cancellationToken)).OrThrow("storing the busy times");
        if (result.NewConflicts.Count > 0)
        {
            await AlertAsync(chefId, result.NewConflicts, cancellationToken);
        }
    }

    /// <summary>A busy time arrived on a slot a booking already holds: the booking stands, and staff are told to settle it.</summary>
    private async Task AlertAsync(Guid chefId, IReadOnlyList<CalendarConflictDto> conflicts, CancellationToken cancellationToken)
    {
        logger.LogWarning("Chef {Chef}'s calendar now clashes with {Count} booking(s): {References}", chefId, conflicts.Count,
            string.Join(", ", conflicts.Select(c => c.Reference)));
        var link = $"{site.Value.BaseUrl.TrimEnd('/')}/Admin/Chefs/Calendar/{chefId}";
        var model = new MessageEmailModel("Hello team", $"Calendar clash: {string.Join(", ", conflicts.Select(c => c.Reference).Distinct())}",
            [
                "A chef's own calendar now shows them busy during a booking they hold. The booking stands; please check with the chef and move or reassign it if needed.",
            ],
            conflicts.Select(c => (c.Reference, $"{c.StartsAt.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC; busy {c.BusyFrom.UtcDateTime:HH:mm}–{c.BusyTo.UtcDateTime:HH:mm} UTC ({c.Source})")).ToList(),
            link, "Open the chef's calendar");
        var html = await templates.RenderMessageAsync(model);
        var key = string.Join('-', conflicts.Select(c => $"{c.BookingId:N}{c.BusyFrom.ToUnixTimeSeconds()}").Order());
        await email.SendAsync(email.Compose($"calendar-clash-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..24]}",
            business.Value.Name, business.Value.Email, model.Subject, model.Text, html), cancellationToken);
    }

    /// <summary>Push channels: opened when the webhook address is set, renewed a day before they end (the old one stopped).</summary>
    private async Task KeepWatchingAsync(GoogleAccess access, CalendarSyncTargetDto target, CancellationToken cancellationToken)
    {
        var address = options.Value.CalendarPushAddress;
        if (string.IsNullOrWhiteSpace(address) || target.WatchExpiresAt > clock.GetUtcNow().AddDays(1))
        {
            return;
        }

        var opened = await calendar.WatchAsync(access, target.CalendarId!, address, options.Value.CalendarPushLifetime, cancellationToken);
        (await api.ReportWatchAsync(target.ChefId, opened, cancellationToken)).OrThrow("storing the push channel");
        if (target is { WatchChannelId: { } oldChannel, WatchResourceId: { } oldResource })
        {
            try
            {
                await calendar.StopAsync(access, oldChannel, oldResource, cancellationToken);
            }
            catch (GoogleException exception)
            {
                logger.LogInformation("The old push channel {Channel} could not be stopped ({Error}); it ends by itself.", oldChannel, exception.Message);
            }
        }
    }

    /// <summary>
    /// Writes the events the chef's calendar is missing or has out of date (bookings made before the calendar was
    /// linked, details changed since), and deletes the ones it should no longer have. A refusal for one booking is
    /// logged and the others go on.
    /// </summary>
    private async Task RepairEventsAsync(Guid chefId, CancellationToken cancellationToken)
    {
        var stale = (await api.StaleBookingsAsync(chefId, cancellationToken)).OrThrow("the bookings to write");
        foreach (var bookingId in stale)
        {
            try
            {
                await PlaceBookingAsync(bookingId, cancellationToken);
            }
            catch (GoogleException exception) when (!exception.Transient)
            {
                logger.LogWarning("Booking {Booking}'s calendar event could not be written: {Error}", bookingId, exception.Message);
            }
        }
    }

    /// <summary>Puts a booking's event where it belongs now (its chef's calendar) and removes it from calendars it left.</summary>
    public async Task PlaceBookingAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var plan = await api.BookingPlanAsync(bookingId, cancellationToken);
        if (plan.Status == System.Net.HttpStatusCode.NotFound)
        {
            return;
        }

        var value = plan.OrThrow("the booking's calendar plan");
        var removed = new List<Guid>();
        foreach (var removal in value.Remove)
        {
            var access = await google.AccessAsync(removal.ConnectionId, cancellationToken);
            await calendar.DeleteAsync(access, removal.CalendarId, removal.EventId, cancellationToken);
            removed.Add(removal.ChefId);
        }

        Guid? upserted = null;
        if (value.Upsert is { } upsert)
        {
            var access = await google.AccessAsync(upsert.ConnectionId, cancellationToken);
            await calendar.UpsertAsync(access, bookingId, upsert, cancellationToken);
            upserted = upsert.ChefId;
        }

        if (upserted is not null || removed.Count > 0)
        {
            (await api.ReportBookingEventsAsync(bookingId, new BookingCalendarReport(upserted, removed), cancellationToken)).OrThrow("recording the booking's events");
        }
    }
}
