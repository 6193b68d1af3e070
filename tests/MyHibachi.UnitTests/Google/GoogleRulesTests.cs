using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Features.Google;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Contracts;
using MyHibachi.Workers.Google;

namespace MyHibachi.UnitTests.Google;

public sealed class GoogleBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(429, null, true)]
    [InlineData(500, null, true)]
    [InlineData(503, null, true)]
    [InlineData(403, "rateLimitExceeded", true)]
    [InlineData(403, "userRateLimitExceeded", true)]
    [InlineData(403, "forbiddenForNonOrganizer", false)]
    [InlineData(400, null, false)]
    [InlineData(401, "authError", false)]
    [InlineData(404, "notFound", false)]
    [InlineData(410, "fullSyncRequired", false)]
    public void Only_rate_limits_and_server_trouble_are_tried_again(int status, string? reason, bool retry) =>
        Assert.Equal(retry, GoogleBackoff.IsRetryable(status, reason));

    [Fact]
    public void Without_a_word_from_the_server_the_wait_doubles_with_jitter_and_is_capped()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(800), GoogleBackoff.Delay(1, null, null, First, Max, jitter: 0));
        Assert.Equal(TimeSpan.FromMilliseconds(1200), GoogleBackoff.Delay(1, null, null, First, Max, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(4), GoogleBackoff.Delay(3, null, null, First, Max, jitter: 0.5));
        Assert.Equal(Max, GoogleBackoff.Delay(12, null, null, First, Max, jitter: 0.5));
    }

    [Fact]
    public void The_servers_delay_wins_header_first_then_body_and_is_capped_too()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), GoogleBackoff.Delay(1, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30), First, Max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(30), GoogleBackoff.Delay(4, null, TimeSpan.FromSeconds(30), First, Max, 0.5));
        Assert.Equal(Max, GoogleBackoff.Delay(1, TimeSpan.FromHours(2), null, First, Max, 0.5));
    }

    [Fact]
    public void Delays_and_reasons_are_read_from_each_error_envelope()
    {
        var rpc = Parse(LocalRateLimit("2.5s"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), GoogleBackoff.BodyDelay(rpc));
        Assert.Equal("RATE_LIMIT_EXCEEDED", GoogleBackoff.Reason(rpc));

        var ads = Parse("""{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure","errors":[{"errorCode":{"quotaError":"RESOURCE_EXHAUSTED"},"details":{"quotaErrorDetails":{"rateScope":"ACCOUNT","retryDelay":"30s"}}}]}]}}""");
        Assert.Equal(TimeSpan.FromSeconds(30), GoogleBackoff.BodyDelay(ads));

        var legacy = Parse("""{"error":{"errors":[{"domain":"calendar","reason":"fullSyncRequired","message":"Sync token is no longer valid, a full sync is required."}],"code":410,"message":"Sync token is no longer valid, a full sync is required."}}""");
        Assert.Equal("fullSyncRequired", GoogleBackoff.Reason(legacy));
        Assert.Null(GoogleBackoff.BodyDelay(legacy));

        var token = Parse("""{"error":"invalid_grant","error_description":"Token has been expired or revoked."}""");
        Assert.Equal("invalid_grant", GoogleBackoff.Reason(token));
        Assert.Equal("invalid_grant: Token has been expired or revoked.", GoogleBackoff.Message(token));

        Assert.Null(GoogleBackoff.Duration("soon"));
        Assert.Null(GoogleBackoff.Duration("-1s"));
        Assert.Equal(TimeSpan.FromSeconds(30), GoogleBackoff.Duration("30s"));
    }

    private static string LocalRateLimit(string delay) => MyHibachi.TestSupport.LocalGoogleServer.RateLimitBody(delay);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

public sealed class GoogleJwtTests
{
    [Fact]
    public void A_service_account_assertion_is_RS256_signed_for_the_token_endpoint_and_lives_an_hour()
    {
        using var key = RSA.Create(2048);
        var now = new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
        var jwt = GoogleJwt.Assertion("sync@p.iam.gserviceaccount.com", ["https://www.googleapis.com/auth/calendar.events", "https://www.googleapis.com/auth/adwords"],
            "https://oauth2.googleapis.com/token", "owner@example.com", key.ExportPkcs8PrivateKeyPem(), "k1", now);
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), WebEncoders.Base64UrlDecode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var header = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[0])).RootElement;
        Assert.Equal(("RS256", "JWT", "k1"), (header.GetProperty("alg").GetString(), header.GetProperty("typ").GetString(), header.GetProperty("kid").GetString()));
        var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1])).RootElement;
        Assert.Equal("sync@p.iam.gserviceaccount.com", claims.GetProperty("iss").GetString());
        Assert.Equal("https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/adwords", claims.GetProperty("scope").GetString());
        Assert.Equal("https://oauth2.googleapis.com/token", claims.GetProperty("aud").GetString());
        Assert.Equal("owner@example.com", claims.GetProperty("sub").GetString());
        Assert.Equal(now.ToUnixTimeSeconds(), claims.GetProperty("iat").GetInt64());
        Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
    }

    [Fact]
    public void Without_a_subject_the_claim_is_left_out()
    {
        using var key = RSA.Create(2048);
        var jwt = GoogleJwt.Assertion("a@b", ["s"], "aud", null, key.ExportPkcs8PrivateKeyPem(), null, DateTimeOffset.UnixEpoch.AddYears(60));
        var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[1])).RootElement;
        Assert.False(claims.TryGetProperty("sub", out _));
        Assert.False(JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[0])).RootElement.TryGetProperty("kid", out _));
    }
}

public sealed class ChefCalendarRulesTests
{
    [Fact]
    public void Booking_event_ids_are_base32hex_stable_and_distinct()
    {
        var id = Guid.Parse("01a2378b-9e63-7aa7-b923-352935cf4d87");
        var eventId = ChefCalendars.EventId(id);
        Assert.Equal(eventId, ChefCalendars.EventId(id));
        Assert.Equal(28, eventId.Length); // "mh" and 26 characters for 128 bits
        Assert.All(eventId, c => Assert.True(c is >= 'a' and <= 'v' or >= '0' and <= '9', $"{c} is not base32hex"));
        Assert.NotEqual(eventId, ChefCalendars.EventId(Guid.Parse("01a2378b-9e63-7aa7-b923-352935cf4d88")));
    }

    [Fact]
    public void An_all_day_event_blocks_its_local_days_from_midnight_to_midnight()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var allDay = new CalendarEventItem("trip", null, null, false, false, null, new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26));
        var read = ChefCalendars.AllDayToInstants(allDay, zone);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 5, 0, 0, TimeSpan.Zero), read.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 26, 5, 0, 0, TimeSpan.Zero), read.EndsAt);
        // Across the clock change: 8 March 2026 starts at 05:00 UTC and the next day at 04:00 UTC.
        var spring = ChefCalendars.AllDayToInstants(allDay with { StartDate = new DateOnly(2026, 3, 8), EndDate = null }, zone);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), spring.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero), spring.EndsAt);
        var timed = new CalendarEventItem("x", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), false, false, null);
        Assert.Same(timed, ChefCalendars.AllDayToInstants(timed, zone));
    }

    [Fact]
    public void The_feed_is_an_iCalendar_with_each_booking_as_an_event()
    {
        var start = new DateTimeOffset(2026, 12, 12, 23, 0, 0, TimeSpan.Zero);
        var ics = CalendarFeed.Write("Ken Sato", [new CalendarFeedEvent("b1@myhibachi", "Hibachi party, 12 guests (MH-1)", "Line one\nLine two", "12 Peachtree St, Atlanta", start, start.AddHours(2), true)],
            start.AddDays(-1));
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:MyHibachi: Ken Sato", ics, StringComparison.Ordinal);
        Assert.Contains("UID:b1@myhibachi", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261212T230000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261213T010000Z", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CONFIRMED", ics, StringComparison.Ordinal);
        var back = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal("Line one\nLine two", back.Events.Single().Description);
    }

    [Fact]
    public void An_ICS_import_expands_repeats_and_marks_free_and_cancelled_events()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var items = IcsImporter.Parse(string.Join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x",
            "BEGIN:VEVENT", "UID:w", "DTSTART:20261207T150000Z", "DURATION:PT2H", "RRULE:FREQ=WEEKLY;COUNT=3", "END:VEVENT",
            "BEGIN:VEVENT", "UID:f", "DTSTART:20261208T150000Z", "DTEND:20261208T160000Z", "TRANSP:TRANSPARENT", "END:VEVENT",
            "BEGIN:VEVENT", "UID:c", "DTSTART:20261209T150000Z", "DTEND:20261209T160000Z", "STATUS:CANCELLED", "END:VEVENT",
            "BEGIN:VEVENT", "UID:old", "DTSTART:20261101T150000Z", "DTEND:20261101T160000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:mine@myhibachi", "DTSTART:20261210T150000Z", "DTEND:20261210T160000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:d", "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261226", "END:VEVENT",
            "END:VCALENDAR", ""), now);
        Assert.Equal(3, items.Count(i => i.Id.StartsWith("w#", StringComparison.Ordinal)));
        Assert.Equal(3, items.Select(i => i.Id).Where(i => i.StartsWith("w#", StringComparison.Ordinal)).Distinct().Count());
        Assert.Contains(items, i => i.Id.StartsWith("w#", StringComparison.Ordinal) && i.StartsAt == new DateTimeOffset(2026, 12, 21, 15, 0, 0, TimeSpan.Zero)
                                                                                     && i.EndsAt == new DateTimeOffset(2026, 12, 21, 17, 0, 0, TimeSpan.Zero));
        Assert.True(items.Single(i => i.Id.StartsWith("f#", StringComparison.Ordinal)).Transparent);
        Assert.True(items.Single(i => i.Id.StartsWith("c#", StringComparison.Ordinal)).Cancelled);
        Assert.DoesNotContain(items, i => i.Id.StartsWith("old#", StringComparison.Ordinal) || i.Id.StartsWith("mine", StringComparison.Ordinal));
        var allDay = items.Single(i => i.Id.StartsWith("d#", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26)), (allDay.StartDate, allDay.EndDate));
        Assert.Throws<GoogleException>(() => IcsImporter.Parse("not a calendar", now));
    }
}

public sealed class SecretBoxTests
{
    private static SecretBox Box(string key) => new(Options.Create(new AuthOptions { SigningKey = key }));

    [Fact]
    public void A_sealed_secret_opens_with_the_same_key_only_and_never_looks_the_same_twice()
    {
        var box = Box(new string('k', 64));
        var a = box.Seal("1//0g-refresh-token");
        var b = box.Seal("1//0g-refresh-token");
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("refresh", Encoding.UTF8.GetString(a), StringComparison.Ordinal);
        Assert.Equal("1//0g-refresh-token", box.Open(a));
        Assert.Null(Box(new string('x', 64)).Open(a));
        a[^1] ^= 1;
        Assert.Null(box.Open(a));
        Assert.Null(box.Open(null));
        Assert.Null(box.Open([1, 2, 3]));
    }
}

public sealed class ReviewReplyWriterTests
{
    [Fact]
    public void Templates_answer_by_stars_and_sign_with_the_station_once()
    {
        Assert.StartsWith("Thank you, Maria!", ReviewReplyWriter.Template("Maria Gonzalez", 5, "MyHibachi Atlanta"), StringComparison.Ordinal);
        Assert.EndsWith("– The MyHibachi Atlanta team", ReviewReplyWriter.Template("Maria Gonzalez", 5, "MyHibachi Atlanta"), StringComparison.Ordinal);
        Assert.EndsWith("– The MyHibachi Houston team", ReviewReplyWriter.Template("Maria", 3, "Houston"), StringComparison.Ordinal);
        Assert.StartsWith("We're sorry your party", ReviewReplyWriter.Template("A Google user", 1, "Houston"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_answer_what_a_review_talks_about()
    {
        var late = ReviewReplyWriter.Rules("Tom Becker", 1, "They showed up 45 minutes late and the chicken was cold.", "Atlanta");
        Assert.Contains("timing", late, StringComparison.Ordinal);
        Assert.Contains("food", late, StringComparison.Ordinal);
        Assert.DoesNotContain("invoice", late, StringComparison.Ordinal);
        Assert.DoesNotContain("45", late, StringComparison.Ordinal);
        var happy = ReviewReplyWriter.Rules("Priya Shah", 5, "Amazing show!", "Atlanta");
        Assert.Contains("kind words", happy, StringComparison.Ordinal);
        Assert.DoesNotContain("sorry", happy, StringComparison.Ordinal);
        var price = ReviewReplyWriter.Rules("Sam", 2, "Way too expensive for what we got", "Atlanta");
        Assert.Contains("invoice", price, StringComparison.Ordinal);
    }

    [Fact]
    public void Google_times_with_nine_fraction_digits_are_read()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 41, 5, 123, TimeSpan.Zero).AddTicks(4567),
            GoogleBusinessProfile.Rfc3339("2026-12-02T16:41:05.123456789Z"));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 41, 5, TimeSpan.Zero), GoogleBusinessProfile.Rfc3339("2026-12-02T16:41:05Z"));
        Assert.Null(GoogleBusinessProfile.Rfc3339("yesterday"));
        Assert.Equal(5, GoogleBusinessProfile.Stars("FIVE"));
        Assert.Equal(0, GoogleBusinessProfile.Stars("STAR_RATING_UNSPECIFIED"));
    }
}
