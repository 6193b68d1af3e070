using System.Net;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Google;

public sealed class CalendarSyncTests(GoogleAppHost host) : GoogleTest(host)
{
    private static string NewCalendarId() => $"chef-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task A_busy_time_on_the_chefs_Google_calendar_blocks_their_slots_and_each_booking_becomes_an_event_that_follows_it()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var connection = await ServiceAccountAsync();
        Assert.Equal("new", connection.Status);
        var calendarId = NewCalendarId();
        var date = HibachiApiClient.FutureDate(12);
        Google.AddEvent(calendarId, At(date, 12), At(date, 14), "Dentist");
        Google.AddEvent(calendarId, At(date, 8), At(date, 9), "Gym (free)", transparent: true);

        var before = DateTimeOffset.UtcNow;
        await LinkAsync(chef.Id, connection.Id, calendarId);
        var synced = await SyncedAsync(chef.Id, before);
        Assert.Equal("ok", synced.SyncStatus);
        var busy = Assert.Single(synced.Busy); // the free event blocks nothing
        Assert.Equal(("google", At(date, 12), At(date, 14)), (busy.Source, busy.StartsAt, busy.EndsAt));

        // The service account's signed JWT got a token, which the Api keeps sealed: no secret is ever shown.
        var stored = await Api.GetAsync<GoogleConnectionDto>($"/api/v1/google/connections/{connection.Id}");
        Assert.Equal("connected", stored.Ok().Status);
        Assert.NotNull(stored.Ok().TokenExpiresAt);
        Assert.DoesNotContain("PRIVATE KEY", stored.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("ya29.", await Host.ScalarAsync<string>("SELECT encode(access_token_cipher, 'escape') FROM google_connections") ?? "", StringComparison.Ordinal);

        // Slots: nothing whose block (60 min before, 2 h event, 45 min after) touches 12:00–14:00; evening still open.
        var availability = (await Api.GetAsync<ChefAvailabilityDto>($"/api/chefs/{chef.Id}/availability?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}&guests=10")).Ok();
        var starts = availability.Days.Single().Slots.Select(s => s.LocalTime).ToList();
        Assert.DoesNotContain("12:00", starts);
        Assert.DoesNotContain("10:00", starts);
        Assert.DoesNotContain("14:30", starts);
        Assert.Contains("18:00", starts);
        Assert.Contains(availability.Busy, b => b.Kind == "calendar" && b.From == At(date, 12));

        // Booking the chef at the busy time is refused; at 18:00 it is taken and lands on the chef's calendar.
        var refused = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, date, "12:00", chefId: chef.Id))).Refused(HttpStatusCode.Conflict);
        Assert.Contains("own calendar", refused.Detail, StringComparison.Ordinal);
        var booking = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, date, "18:00", chefId: chef.Id))).Ok(HttpStatusCode.Created);
        var events = await EventuallyAsync(() => Task.FromResult(Google.Calendar(calendarId).BookingEvents), e => e.Count == 1, what: "the booking's event");
        var written = events.Single();
        Assert.Equal(booking.Id.ToString(), written.Private["myhibachiBookingId"]);
        Assert.Contains(booking.Reference, written.Summary, StringComparison.Ordinal);
        Assert.Contains("Pat Customer", written.Description, StringComparison.Ordinal);
        Assert.Contains($"/Admin/Bookings/Detail/{booking.Id}", written.Description, StringComparison.Ordinal);
        Assert.Equal(At(date, 18), written.Start);

        // Our own event comes back in the next sync and blocks nothing (the booking already does).
        before = DateTimeOffset.UtcNow;
        (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Ok();
        synced = await SyncedAsync(chef.Id, before);
        Assert.Single(synced.Busy);
        Assert.Empty(synced.Conflicts);

        // Moved: the event moves. Cancelled: the event goes.
        var (current, etag) = await Api.GetBookingAsync(booking.Id);
        var moved = (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", new UpdateBookingRequest(date, "19:00", null, null, null, null, null, null, null), etag));
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        await EventuallyAsync(() => Task.FromResult(Google.Calendar(calendarId).BookingEvents), e => e.Count == 1 && e[0].Start == At(date, 19), what: "the moved event");
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/cancel", new CancelBookingRequest("Plans changed"))).Ok();
        await EventuallyAsync(() => Task.FromResult(Google.Calendar(calendarId).BookingEvents), e => e.Count == 0, what: "the cancelled event gone");
        Assert.Equal("cancelled", Google.Calendar(calendarId).Events[written.Id].Status);
    }

    [Fact]
    public async Task Bookings_made_before_the_calendar_was_linked_and_later_changes_reach_the_calendar_at_the_next_sync()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var date = HibachiApiClient.FutureDate(40);
        var booking = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, date, "18:00", chefId: chef.Id))).Ok(HttpStatusCode.Created);

        var connection = await ServiceAccountAsync();
        var calendarId = NewCalendarId();
        var before = DateTimeOffset.UtcNow;
        await LinkAsync(chef.Id, connection.Id, calendarId);
        await SyncedAsync(chef.Id, before);
        var written = (await EventuallyAsync(() => Task.FromResult(Google.Calendar(calendarId).BookingEvents), e => e.Count == 1, what: "the earlier booking's event")).Single();
        Assert.Equal($"Hibachi party, 10 guests ({booking.Reference})", written.Summary);

        // More guests: no new time, so nothing is pushed at once; the next sync brings the event up to date.
        var (_, etag) = await Api.GetBookingAsync(booking.Id);
        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", new UpdateBookingRequest(null, null, 14, null, null, null, null, null, null), etag)).Ok();
        (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Ok();
        await EventuallyAsync(() => Task.FromResult(Google.Calendar(calendarId).BookingEvents), e => e.Count == 1 && e[0].Summary!.Contains("14 guests", StringComparison.Ordinal),
            what: "the event with 14 guests");
        Assert.Single(Google.Calendar(calendarId).Events.Values, e => e.Private.ContainsKey("myhibachiBookingId"));
    }

    [Fact]
    public async Task Later_syncs_read_only_changes_with_the_sync_token_and_an_expired_token_starts_a_full_read()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var connection = await ServiceAccountAsync();
        var calendarId = NewCalendarId();
        var date = HibachiApiClient.FutureDate(15);
        Google.PageSize = 2; // several pages per read
        try
        {
            for (var hour = 9; hour < 14; hour++)
            {
                Google.AddEvent(calendarId, At(date, hour), At(date, hour, 30));
            }

            var before = DateTimeOffset.UtcNow;
            await LinkAsync(chef.Id, connection.Id, calendarId);
            Assert.Equal(5, (await SyncedAsync(chef.Id, before)).Busy.Count);
            var firstReads = Reads(calendarId);
            Assert.Contains(firstReads, r => r.Query.Contains("pageToken=", StringComparison.Ordinal));
            Assert.All(firstReads, r => Assert.Contains("timeMin=", r.Query, StringComparison.Ordinal));

            // A change: only it is read, with the sync token.
            var cancelled = Google.Calendar(calendarId).Events.Values.OrderBy(e => e.Start).First();
            Google.CancelEvent(calendarId, cancelled.Id);
            Google.AddEvent(calendarId, At(date, 20), At(date, 21));
            var count = Reads(calendarId).Count;
            before = DateTimeOffset.UtcNow;
            (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Ok();
            var synced = await EventuallyAsync(() => CalendarAsync(chef.Id), c => c.Busy.Count == 5 && c.Busy.Any(b => b.StartsAt == At(date, 20)), what: "the changes");
            Assert.DoesNotContain(synced.Busy, b => b.StartsAt == cancelled.Start);
            var incremental = Reads(calendarId).Skip(count).ToList();
            Assert.All(incremental, r => Assert.Contains("syncToken=", r.Query, StringComparison.Ordinal));
            Assert.All(incremental, r => Assert.DoesNotContain("timeMin=", r.Query, StringComparison.Ordinal));

            // Google forgets our sync token (410 fullSyncRequired): the whole calendar is read again, and what went is gone.
            Google.ExpireSyncTokens();
            var gone = Google.Calendar(calendarId).Events.Values.Where(e => e.Status != "cancelled").OrderBy(e => e.Start).First();
            Google.Calendar(calendarId).Events.TryRemove(gone.Id, out _); // vanished without a trace, as after a long gap
            count = Reads(calendarId).Count;
            (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Ok();
            synced = await EventuallyAsync(() => CalendarAsync(chef.Id), c => c.Busy.Count == 4, what: "the full read after 410");
            Assert.Equal("ok", synced.SyncStatus);
            var after410 = Reads(calendarId).Skip(count).ToList();
            Assert.Contains(after410, r => r.Query.Contains("syncToken=", StringComparison.Ordinal));
            Assert.Contains(after410, r => r.Query.Contains("timeMin=", StringComparison.Ordinal));
        }
        finally
        {
            Google.PageSize = 2500;
        }
    }

    private List<ReceivedRequest> Reads(string calendarId) =>
        Google.Requests.Where(r => r.Method == "GET" && r.Path.Contains(Uri.EscapeDataString(calendarId), StringComparison.Ordinal) || r.Method == "GET" && r.Path.Contains(calendarId, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_push_notification_from_our_channel_syncs_at_once_and_a_forged_one_is_refused()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var connection = await ServiceAccountAsync();
        var calendarId = NewCalendarId();
        var before = DateTimeOffset.UtcNow;
        var linked = await LinkAsync(chef.Id, connection.Id, calendarId);
        var synced = await SyncedAsync(chef.Id, before);
        Assert.True(synced.PushActive);
        Assert.NotNull(synced.PushExpiresAt);
        var channel = await Host.ScalarAsync<string>("SELECT watch_channel_id FROM chef_calendars WHERE chef_id = @id", ("id", chef.Id));
        Assert.Contains(channel!, Google.OpenChannels);
        // Google's first message on a channel is "sync": acknowledged, nothing else.
        await EventuallyAsync(() => Task.FromResult(Google.Notifications.ToList()), n => n.Any(x => x.ChannelId == channel && x.State == "sync" && x.Status == 200),
            what: "the sync message acknowledged");

        // The chef adds a busy time; Google pushes "exists"; the Workers read the change without anyone asking.
        var date = HibachiApiClient.FutureDate(20);
        Google.AddEvent(calendarId, At(date, 15), At(date, 17));
        var pushed = await EventuallyAsync(() => CalendarAsync(chef.Id), c => c.Busy.Any(b => b.StartsAt == At(date, 15)), what: "the pushed change");
        Assert.Equal("ok", pushed.SyncStatus);

        // A notification with the wrong token, or for a channel we never opened, is refused.
        Assert.Equal(403, await Google.SendAsync(channel!, "exists", tokenOverride: "forged"));
        using var anonymous = Host.CreateAnonymousClient();
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/google/calendar");
        forged.Headers.Add("X-Goog-Channel-ID", Guid.NewGuid().ToString("N"));
        forged.Headers.Add("X-Goog-Channel-Token", "anything");
        forged.Headers.Add("X-Goog-Resource-State", "exists");
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.Http.SendAsync(forged)).StatusCode);
        using var bare = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/google/calendar");
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.Http.SendAsync(bare)).StatusCode);
    }

    [Fact]
    public async Task A_busy_time_that_arrives_after_a_booking_took_the_slot_keeps_the_booking_and_is_reported_to_staff()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var connection = await ServiceAccountAsync();
        var calendarId = NewCalendarId();
        var before = DateTimeOffset.UtcNow;
        await LinkAsync(chef.Id, connection.Id, calendarId);
        await SyncedAsync(chef.Id, before);
        var date = HibachiApiClient.FutureDate(25);

        // Between two syncs the chef puts a private appointment on their phone's calendar, while a customer books.
        Google.AddEvent(calendarId, At(date, 18, 30), At(date, 19, 30), "Parent-teacher meeting");
        var booking = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, date, "18:00", chefId: chef.Id))).Ok(HttpStatusCode.Created);

        // The booking stands (it was valid when made), the clash is shown on the chef's calendar and e-mailed to the business.
        var calendar = await EventuallyAsync(() => CalendarAsync(chef.Id), c => c.Conflicts.Count == 1, what: "the conflict");
        var conflict = calendar.Conflicts.Single();
        Assert.Equal((booking.Id, booking.Reference, "google"), (conflict.BookingId, conflict.Reference, conflict.Source));
        Assert.Equal(At(date, 18, 30), conflict.BusyFrom);
        Assert.Equal(BookingStatus.Pending, (await Api.GetBookingAsync(booking.Id)).Booking.Status);
        var mail = await EventuallyAsync(() => Task.FromResult(Directory.Exists(Host.MailPickup)
                ? Directory.GetFiles(Host.MailPickup, "*.eml").Select(File.ReadAllText).FirstOrDefault(t => t.Contains("Calendar clash", StringComparison.Ordinal))
                : null),
            t => t is not null, what: "the clash e-mail");
        Assert.Contains(booking.Reference, mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_and_a_revoked_refresh_token_asks_for_a_person()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var connection = await RefreshTokenConnectionAsync();
        var calendarId = NewCalendarId();
        var before = DateTimeOffset.UtcNow;
        await LinkAsync(chef.Id, connection.Id, calendarId);
        Assert.Equal("ok", (await SyncedAsync(chef.Id, before)).SyncStatus);
        var issued = Google.TokensIssued;

        // The hour is up early (Google can revoke a token any time): the 401 gets one refresh and the call goes through.
        Google.ExpireAccessTokens();
        var date = HibachiApiClient.FutureDate(30);
        Google.AddEvent(calendarId, At(date, 10), At(date, 11));
        before = DateTimeOffset.UtcNow;
        (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Ok();
        var synced = await SyncedAsync(chef.Id, before);
        Assert.Equal("ok", synced.SyncStatus);
        Assert.Single(synced.Busy);
        Assert.Equal(issued + 1, Google.TokensIssued);
        Assert.Contains(Google.Requests, r => r.Path == "/token" && r.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal));

        // The owner revoked access: invalid_grant. The connection says a person must reconnect; the sync says why.
        Google.RevokeRefreshToken();
        Google.ExpireAccessTokens();
        (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Ok();
        var failed = await EventuallyAsync(() => CalendarAsync(chef.Id), c => c.SyncStatus == "failed", what: "the failed sync");
        Assert.Contains("connect it again", failed.LastError, StringComparison.Ordinal);
        var needs = (await Api.GetAsync<GoogleConnectionDto>($"/api/v1/google/connections/{connection.Id}")).Ok();
        Assert.Equal("needs_reconnect", needs.Status);
        Assert.Contains("invalid_grant", needs.LastError, StringComparison.Ordinal);
        Assert.Null(needs.TokenExpiresAt);

        // Reconnecting with a new refresh token (the other secrets kept) makes it work again.
        (await Api.PutAsync<GoogleConnectionDto>($"/api/v1/google/connections/{connection.Id}",
            new GoogleConnectionRequest(null, null, null, null, Google.RefreshToken, null, null, null))).Ok();
        before = DateTimeOffset.UtcNow;
        (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Ok();
        Assert.Equal("ok", (await EventuallyAsync(() => CalendarAsync(chef.Id), c => c.SyncStatus == "ok" && c.LastSyncedAt > before, what: "the sync after reconnecting")).SyncStatus);
    }

    [Fact]
    public async Task A_429_and_a_500_from_Google_are_waited_out_with_back_off()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var connection = await ServiceAccountAsync();
        var calendarId = NewCalendarId();
        var date = HibachiApiClient.FutureDate(33);
        Google.AddEvent(calendarId, At(date, 10), At(date, 11));
        var encoded = Uri.EscapeDataString(calendarId);
        Google.Fail("/events", 429, LocalGoogleServer.RateLimitBody("1s"));
        Google.Fail("/events", 500, LocalGoogleServer.BackendErrorBody());
        var before = DateTimeOffset.UtcNow;
        await LinkAsync(chef.Id, connection.Id, calendarId);
        var synced = await SyncedAsync(chef.Id, before);
        Assert.Equal("ok", synced.SyncStatus);
        Assert.Single(synced.Busy);
        var reads = Google.Requests.Where(r => r.Method == "GET" && (r.Path.Contains(encoded, StringComparison.Ordinal) || r.Path.Contains(calendarId, StringComparison.Ordinal))).ToList();
        Assert.True(reads.Count >= 3, $"three tries expected, saw {reads.Count}");
    }

    [Fact]
    public async Task Chefs_without_Google_get_a_private_ICS_feed_and_can_import_busy_times_from_an_ICS_address()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var date = HibachiApiClient.FutureDate(14);
        var booking = (await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, date, "18:00", chefId: chef.Id))).Ok(HttpStatusCode.Created);

        // The feed: the chef's bookings as ICS, for whoever holds the link; a reset link makes the old one fail.
        var calendar = await CalendarAsync(chef.Id);
        var feed = new Uri(calendar.FeedUrl);
        var token = feed.Segments.Last()[..^4];
        using var anonymous = Host.CreateAnonymousClient();
        var ics = await anonymous.Http.GetAsync($"/api/v1/chefs/{chef.Id}/calendar.ics?token={token}");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains($"UID:{booking.Id}@myhibachi", text, StringComparison.Ordinal);
        Assert.Contains(booking.Reference, text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{At(date, 18).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/api/v1/chefs/{chef.Id}/calendar.ics?token=wrong")).StatusCode);
        var reset = (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/feed/reset")).Ok();
        Assert.NotEqual(calendar.FeedUrl, reset.FeedUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/api/v1/chefs/{chef.Id}/calendar.ics?token={token}")).StatusCode);

        // Import: a weekly class (recurring) and an all-day trip block the chef; a free event and our own feed's events do not.
        var first = date.AddDays(1);
        var name = Guid.NewGuid().ToString("N") + ".ics";
        Host.IcsFiles[name] = string.Join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
            "BEGIN:VEVENT", "UID:class-1", $"DTSTART;TZID=America/New_York:{first:yyyyMMdd}T170000", $"DTEND;TZID=America/New_York:{first:yyyyMMdd}T190000",
            "RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Cooking class", "END:VEVENT",
            "BEGIN:VEVENT", "UID:trip-1", $"DTSTART;VALUE=DATE:{first.AddDays(3):yyyyMMdd}", $"DTEND;VALUE=DATE:{first.AddDays(5):yyyyMMdd}", "SUMMARY:Trip", "END:VEVENT",
            "BEGIN:VEVENT", "UID:free-1", $"DTSTART:{first.AddDays(2):yyyyMMdd}T150000Z", $"DTEND:{first.AddDays(2):yyyyMMdd}T160000Z", "TRANSP:TRANSPARENT", "END:VEVENT",
            $"BEGIN:VEVENT", $"UID:{booking.Id}@myhibachi", $"DTSTART:{At(date, 18).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", $"DTEND:{At(date, 20).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", "END:VEVENT",
            "END:VCALENDAR", "");
        var before = DateTimeOffset.UtcNow;
        await LinkAsync(chef.Id, null, null, $"{Host.IcsHost.Address}ics/{name}");
        var synced = await EventuallyAsync(() => CalendarAsync(chef.Id), c => c.IcsImportedAt > before, what: "the ICS import");
        Assert.Null(synced.IcsImportError);
        Assert.Equal(4, synced.Busy.Count); // three classes and the trip
        Assert.Contains(synced.Busy, b => b.StartsAt == At(first, 17) && b.EndsAt == At(first, 19) && b.Source == "ics");
        Assert.Contains(synced.Busy, b => b.StartsAt == At(first.AddDays(14), 17));
        Assert.Contains(synced.Busy, b => b.StartsAt == At(first.AddDays(3), 0) && b.EndsAt == At(first.AddDays(5), 0)); // all day, local midnight
        var slots = (await Api.GetAsync<ChefAvailabilityDto>($"/api/chefs/{chef.Id}/availability?from={first.AddDays(3):yyyy-MM-dd}&to={first.AddDays(4):yyyy-MM-dd}&guests=10")).Ok();
        Assert.All(slots.Days, d => Assert.Empty(d.Slots));

        // A broken address is reported, and the busy times already imported stay until a good read replaces them.
        Host.IcsFiles[name] = "this is not a calendar";
        before = DateTimeOffset.UtcNow;
        (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Ok();
        var broken = await EventuallyAsync(() => CalendarAsync(chef.Id), c => c.IcsImportError is not null, what: "the import error");
        Assert.Equal(4, broken.Busy.Count);
    }

    [Fact]
    public async Task Connections_and_links_refuse_bad_input_field_by_field_and_only_services_reach_the_sync_endpoints()
    {
        var invalid = await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections",
            new GoogleConnectionRequest("", "oauth", null, null, null, null, null, ["https://www.googleapis.com/auth/drive"]));
        foreach (var field in new[] { "name", "kind", "scopes" })
        {
            Assert.True(invalid.Problem!.Errors!.ContainsKey(field), field);
        }

        Assert.NotNull((await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections",
            new GoogleConnectionRequest("Broken key", "service_account", null, null, null, "{\"type\":\"service_account\",\"client_email\":\"a@b\",\"private_key\":\"nope\"}", null,
                ["https://www.googleapis.com/auth/calendar.events"]))).InvalidField("serviceAccountKey"));
        Assert.NotNull((await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections",
            new GoogleConnectionRequest("No token", "refresh_token", Google.ClientId, Google.ClientSecret, null, null, null,
                ["https://www.googleapis.com/auth/calendar.events"]))).InvalidField("refreshToken"));

        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id)).Chef;
        var ads = (await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections", new GoogleConnectionRequest("Ads only", "refresh_token", Google.ClientId,
            Google.ClientSecret, Google.RefreshToken, null, null, ["https://www.googleapis.com/auth/adwords"]))).Ok();
        var link = await Api.PutAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar", new ChefCalendarRequest(ads.Id, null, "ftp://example.com/cal.ics"));
        foreach (var field in new[] { "connectionId", "calendarId", "icsImportUrl" })
        {
            Assert.True(link.Problem!.Errors!.ContainsKey(field), field);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chef.Id}/calendar/sync")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync<GoogleCredentialDto>($"/api/internal/google/connections/{ads.Id}/credential")).Status);
        using var anonymous = Host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync<IReadOnlyList<GoogleConnectionDto>>("/api/v1/google/connections")).Status);
    }
}
