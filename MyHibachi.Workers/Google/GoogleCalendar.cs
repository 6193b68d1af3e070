using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.Contracts;

namespace MyHibachi.Workers.Google;

/// <summary>What one read of a calendar gave: the events, the token for the next incremental read, and whether it was a full read.</summary>
public sealed record CalendarRead(IReadOnlyList<CalendarEventItem> Events, string? NextSyncToken, bool Full);

/// <summary>
/// Google Calendar v3 over REST (no client package here): events.list with sync tokens (a 410 fullSyncRequired
/// starts a full read again), insert/patch/delete of booking events with ids we choose (so a repeat finds the first),
/// and push channels (events.watch, channels.stop).
/// </summary>
public sealed class GoogleCalendar(GoogleApi google, IOptions<GoogleOptions> options, TimeProvider clock)
{
    public const string BookingProperty = "myhibachiBookingId";

    private string Base => options.Value.CalendarBaseUrl.TrimEnd('/') + "/";

    private string Events(string calendarId) => $"{Base}calendars/{Uri.EscapeDataString(calendarId)}/events";

    /// <summary>Reads the calendar: the changes since <paramref name="syncToken"/>, or everything from yesterday on when there is none (or it expired).</summary>
    public async Task<CalendarRead> ReadAsync(GoogleAccess access, string calendarId, string? syncToken, CancellationToken cancellationToken)
    {
        var full = syncToken is null;
        var events = new List<CalendarEventItem>();
        string? pageToken = null;
        while (true)
        {
            // The same parameters on every read (Google requires it with a sync token); timeMin only on full reads.
            var url = $"{Events(calendarId)}?singleEvents=true&showDeleted=true&maxResults=2500"
                      + (full ? "&timeMin=" + Uri.EscapeDataString(Rfc3339(clock.GetUtcNow().AddDays(-1))) : "&syncToken=" + Uri.EscapeDataString(syncToken!))
                      + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
            var response = await google.SendAsync(access, HttpMethod.Get, url, null, "Reading the calendar", cancellationToken);
            if (response.Status == 410 && !full)
            {
                // The sync token expired (fullSyncRequired): read everything again; what is not there any more goes.
                full = true;
                syncToken = null;
                pageToken = null;
                events.Clear();
                continue;
            }

            var body = response.EnsureOk("Reading the calendar").Body!.Value;
            if (body.TryGetProperty("items", out var items))
            {
                events.AddRange(items.EnumerateArray().Select(Read));
            }

            if (body.TryGetProperty("nextPageToken", out var next) && next.GetString() is { Length: > 0 } nextPage)
            {
                pageToken = nextPage;
                continue;
            }

            var nextSync = body.TryGetProperty("nextSyncToken", out var sync) ? sync.GetString() : null;
            return new CalendarRead(events, nextSync, full);
        }
    }

    private static CalendarEventItem Read(JsonElement item)
    {
        var id = item.GetProperty("id").GetString()!;
        var cancelled = item.TryGetProperty("status", out var status) && status.GetString() == "cancelled";
        var transparent = item.TryGetProperty("transparency", out var transparency) && transparency.GetString() == "transparent";
        string? bookingId = null;
        if (item.TryGetProperty("extendedProperties", out var extended) && extended.TryGetProperty("private", out var own)
            && own.TryGetProperty(BookingProperty, out var booking))
        {
            bookingId = booking.GetString();
        }

        return new CalendarEventItem(id, Instant(item, "start"), Instant(item, "end"), cancelled, transparent, bookingId, Date(item, "start"), Date(item, "end"));
    }

    /// <summary>A timed start or end (dateTime with its offset).</summary>
    private static DateTimeOffset? Instant(JsonElement item, string name) =>
        item.TryGetProperty(name, out var when) && when.TryGetProperty("dateTime", out var dateTime)
        && DateTimeOffset.TryParse(dateTime.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;

    /// <summary>An all-day start or end (date; the end is exclusive).</summary>
    private static DateOnly? Date(JsonElement item, string name) =>
        item.TryGetProperty(name, out var when) && when.TryGetProperty("date", out var date)
        && DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    public static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static object EventBody(CalendarEventUpsert e, Guid bookingId, bool withId) => new Dictionary<string, object?>
    {
        ["id"] = withId ? e.EventId : null,
        ["status"] = "confirmed",
        ["summary"] = e.Summary,
        ["description"] = e.Description,
        ["location"] = e.Location,
        ["start"] = new { dateTime = Rfc3339(e.StartsAt), timeZone = e.TimeZone },
        ["end"] = new { dateTime = Rfc3339(e.EndsAt), timeZone = e.TimeZone },
        ["transparency"] = "opaque",
        ["extendedProperties"] = new { @private = new Dictionary<string, string> { [BookingProperty] = bookingId.ToString() } },
    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Creates the booking's event, or (if it exists already, even deleted) brings it up to date.</summary>
    public async Task UpsertAsync(GoogleAccess access, Guid bookingId, CalendarEventUpsert e, CancellationToken cancellationToken)
    {
        var created = await google.SendAsync(access, HttpMethod.Post, Events(e.CalendarId) + "?sendUpdates=none", EventBody(e, bookingId, withId: true),
            "Writing the booking's event", cancellationToken);
        if (created.Status == 409)
        {
            var updated = await google.SendAsync(access, HttpMethod.Patch, $"{Events(e.CalendarId)}/{Uri.EscapeDataString(e.EventId)}?sendUpdates=none",
                EventBody(e, bookingId, withId: false), "Updating the booking's event", cancellationToken);
            updated.EnsureOk("Updating the booking's event");
            return;
        }

        created.EnsureOk("Writing the booking's event");
    }

    /// <summary>Deletes an event; one already gone (404, or 410 deleted) counts as deleted.</summary>
    public async Task DeleteAsync(GoogleAccess access, string calendarId, string eventId, CancellationToken cancellationToken)
    {
        var response = await google.SendAsync(access, HttpMethod.Delete, $"{Events(calendarId)}/{Uri.EscapeDataString(eventId)}?sendUpdates=none", null,
            "Deleting the booking's event", cancellationToken);
        if (response.Status is not (404 or 410))
        {
            response.EnsureOk("Deleting the booking's event");
        }
    }

    /// <summary>Opens a push channel on the calendar's events; Google answers with the resource id and the expiry it chose.</summary>
    public async Task<CalendarWatchReport> WatchAsync(GoogleAccess access, string calendarId, string address, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var channelId = Guid.NewGuid().ToString("N");
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var body = new
        {
            id = channelId,
            type = "web_hook",
            address,
            token,
            expiration = clock.GetUtcNow().Add(lifetime).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        var response = (await google.SendAsync(access, HttpMethod.Post, Events(calendarId) + "/watch?singleEvents=true&showDeleted=true", body,
            "Opening a push channel", cancellationToken)).EnsureOk("Opening a push channel");
        var json = response.Body!.Value;
        var resourceId = json.GetProperty("resourceId").GetString();
        DateTimeOffset? expires = json.TryGetProperty("expiration", out var expiration)
                                  && long.TryParse(expiration.ValueKind == JsonValueKind.String ? expiration.GetString() : expiration.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : clock.GetUtcNow().Add(lifetime);
        return new CalendarWatchReport(channelId, resourceId, token, expires);
    }

    public async Task StopAsync(GoogleAccess access, string channelId, string resourceId, CancellationToken cancellationToken)
    {
        var response = await google.SendAsync(access, HttpMethod.Post, Base + "channels/stop", new { id = channelId, resourceId }, "Stopping a push channel", cancellationToken);
        if (response.Status is not 404)
        {
            response.EnsureOk("Stopping a push channel");
        }
    }
}
