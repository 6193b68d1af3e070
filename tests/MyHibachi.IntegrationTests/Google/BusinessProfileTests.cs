using System.Net;
using System.Text.Json.Nodes;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Google;

public sealed class BusinessProfileTests(GoogleAppHost host) : GoogleTest(host)
{
    private async Task<(StationDto Station, GoogleConnectionDto Connection, string Account, string Location)> LinkedStationAsync(
        IReadOnlyList<OpeningPeriodDto>? hours = null, IReadOnlyList<SpecialDayDto>? special = null)
    {
        var station = await Api.CreateStationAsync();
        var connection = (await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections", new GoogleConnectionRequest("Business " + Guid.NewGuid().ToString("N")[..6],
            "refresh_token", Google.ClientId, Google.ClientSecret, Google.RefreshToken, null, null, ["https://www.googleapis.com/auth/business.manage"]))).Ok();
        var account = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var location = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (station, connection, account, location);
    }

    private Task<BusinessLocationDto> LocationAsync(Guid stationId) =>
        Api.GetAsync<IReadOnlyList<BusinessLocationDto>>("/api/v1/google/business/locations").ContinueWith(t => t.Result.Ok().Single(l => l.StationId == stationId));

    [Fact]
    public async Task Reviews_are_read_negative_ones_alert_staff_and_a_reply_is_posted_only_after_approval()
    {
        var (station, connection, account, location) = await LinkedStationAsync();
        Google.AddReview(account, location, 5, "Amazing show, the kids loved the onion volcano!", "Maria Gonzalez", reply: "Thank you Maria!");
        for (var i = 0; i < 50; i++)
        {
            Google.AddReview(account, location, 4, $"Great food {i}", $"Guest {i}");
        }

        var negative = Google.AddReview(account, location, 1, "The chef was an hour late and the food was cold.", "Sam Patel");
        Google.AddReview(account, location, 2, null, reviewer: null!); // anonymous, rating only

        (await Api.PutAsync<BusinessLocationDto>($"/api/v1/google/business/locations/{station.Id}",
            new BusinessLocationRequest(connection.Id, account, location, null, null))).Ok();
        var linked = await EventuallyAsync(() => LocationAsync(station.Id), l => l.SyncStatus is "ok" or "failed", what: "the reviews read");
        Assert.Equal("ok", linked.SyncStatus);
        Assert.Equal(53, linked.TotalReviewCount);
        Assert.Contains(Google.Requests, r => r.Path.EndsWith("/reviews", StringComparison.Ordinal) && r.Query.Contains("pageToken=50", StringComparison.Ordinal));

        var all = (await Api.GetAsync<PagedList<GoogleReviewDto>>($"/api/v1/google/reviews?stationId={station.Id}&pageSize=100")).Ok();
        Assert.Equal(53, all.TotalCount);
        var answered = all.Items.Single(r => r.Reviewer == "Maria Gonzalez");
        Assert.Equal(("posted", "Thank you Maria!"), (answered.ReplyStatus, answered.ReplyText));
        Assert.Contains(all.Items, r => r.Reviewer == "A Google user" && r.Rating == 2 && r.Comment is null);

        // The negative ones need attention; staff got an e-mail; each has a template draft waiting.
        var attention = (await Api.GetAsync<PagedList<GoogleReviewDto>>($"/api/v1/google/reviews?stationId={station.Id}&needsAttention=true")).Ok();
        Assert.Equal(2, attention.TotalCount);
        var sam = attention.Items.Single(r => r.Reviewer == "Sam Patel");
        Assert.Equal(("draft", "template"), (sam.ReplyStatus, sam.DraftSource));
        Assert.StartsWith("Sam, we're sorry", sam.Draft, StringComparison.Ordinal);
        var mail = await EventuallyAsync(() => Task.FromResult(Directory.Exists(Host.MailPickup)
                ? Directory.GetFiles(Host.MailPickup, "*.eml").Select(File.ReadAllText).FirstOrDefault(t => t.Contains("The chef was an hour late", StringComparison.Ordinal))
                : null), t => t is not null, what: "the negative review e-mail");
        Assert.Contains("Answer the reviews", mail, StringComparison.Ordinal);
        var overview = (await Api.GetAsync<RatingOverviewDto>("/api/v1/google/reviews/overview")).Ok();
        Assert.Equal(2, overview.GoogleNeedsAttention);
        // The public ratings (the home page) join Google's with the site's, without what needs staff attention.
        using var visitor = Host.CreateAnonymousClient();
        var ratings = (await visitor.GetAsync<RatingOverviewDto>("/api/v1/ratings")).Ok();
        Assert.Equal((overview.GoogleCount, overview.GoogleAverage, overview.CombinedCount, overview.CombinedAverage, 0),
            (ratings.GoogleCount, ratings.GoogleAverage, ratings.CombinedCount, ratings.CombinedAverage, ratings.GoogleNeedsAttention));
        Assert.Equal(53, overview.GoogleCount);
        Assert.Equal(overview.SiteCount + 53, overview.CombinedCount);

        // Drafts: rules when the LLM is unreachable, the LLM's words when it answers, rules again when it invents a number.
        Host.Llm.Mode = LocalChatServer.Behaviour.Unavailable;
        var rules = (await Api.PostAsync<GoogleReviewDto>($"/api/v1/google/reviews/{sam.Id}/draft?kind=ai")).Ok();
        Assert.Equal("rules", rules.DraftSource);
        Assert.Contains("timing", rules.Draft, StringComparison.Ordinal);
        Assert.Contains("food", rules.Draft, StringComparison.Ordinal);
        Host.Llm.Mode = LocalChatServer.Behaviour.Faithful;
        var ai = (await Api.PostAsync<GoogleReviewDto>($"/api/v1/google/reviews/{sam.Id}/draft?kind=ai")).Ok();
        Assert.Equal("ai", ai.DraftSource);
        Assert.StartsWith(LocalChatServer.Greeting, ai.Draft, StringComparison.Ordinal);
        Assert.Contains(Host.Llm.Requests, r => r.Body.Contains("The chef was an hour late", StringComparison.Ordinal));
        Host.Llm.Mode = LocalChatServer.Behaviour.Inventive;
        Assert.Equal("rules", (await Api.PostAsync<GoogleReviewDto>($"/api/v1/google/reviews/{sam.Id}/draft?kind=ai")).Ok().DraftSource);
        Host.Llm.Mode = LocalChatServer.Behaviour.Unavailable;

        // Nothing reaches Google until staff approve; then the Workers post the reply.
        const string text = "Sam, we're so sorry. Our chef was late and that is on us. Please call us so we can make it right. – The MyHibachi team";
        var saved = (await Api.PutAsync<GoogleReviewDto>($"/api/v1/google/reviews/{sam.Id}/draft", new ReviewReplyRequest(text))).Ok();
        Assert.Equal(("draft", "staff"), (saved.ReplyStatus, saved.DraftSource));
        Assert.Null(negative.Reply);
        Assert.Equal("approved", (await Api.PostAsync<GoogleReviewDto>($"/api/v1/google/reviews/{sam.Id}/approve")).Ok().ReplyStatus);
        await EventuallyAsync(() => Task.FromResult(negative.Reply), r => r == text, what: "the reply on Google");
        var posted = await EventuallyAsync(
            () => Api.GetAsync<PagedList<GoogleReviewDto>>($"/api/v1/google/reviews?stationId={station.Id}&maxRating=1").ContinueWith(t => t.Result.Ok().Items.Single()),
            r => r.ReplyStatus == "posted", what: "the reply recorded");
        Assert.Equal(text, posted.ReplyText);
        Assert.False(posted.NeedsAttention);

        // Bad input: an empty reply, a reply over Google's 4096 bytes, an unknown draft kind.
        Assert.NotNull((await Api.PutAsync<GoogleReviewDto>($"/api/v1/google/reviews/{sam.Id}/draft", new ReviewReplyRequest(" "))).InvalidField("text"));
        Assert.NotNull((await Api.PutAsync<GoogleReviewDto>($"/api/v1/google/reviews/{sam.Id}/draft", new ReviewReplyRequest(new string('é', 2100)))).InvalidField("text"));
        Assert.NotNull((await Api.PostAsync<GoogleReviewDto>($"/api/v1/google/reviews/{sam.Id}/draft?kind=magic")).InvalidField("kind"));
    }

    [Fact]
    public async Task A_stations_hours_and_holidays_are_written_to_its_location_with_an_update_mask()
    {
        var (station, connection, account, location) = await LinkedStationAsync();
        Google.AddReview(account, location, 5, "Great!");
        var christmas = new DateOnly(DateTime.UtcNow.Year + 1, 12, 25);
        var eve = christmas.AddDays(-1);
        var hours = new List<OpeningPeriodDto>
        {
            new("monday", "11:00", "21:30"), new("saturday", "00:00", "24:00"), new("friday", "09:00", "12:00"), new("friday", "13:00", "22:00"),
        };
        var saved = (await Api.PutAsync<BusinessLocationDto>($"/api/v1/google/business/locations/{station.Id}",
            new BusinessLocationRequest(connection.Id, account, location, hours, [new SpecialDayDto(christmas, true, null, null), new SpecialDayDto(eve, false, "10:00", "16:00")]))).Ok();
        Assert.True(saved.HoursPending);
        Assert.Equal(["monday", "friday", "friday", "saturday"], saved.RegularHours.Select(h => h.Day));

        var written = await EventuallyAsync(() => LocationAsync(station.Id), l => !l.HoursPending || l.HoursError is not null, what: "the hours written");
        Assert.Null(written.HoursError);
        Assert.NotNull(written.HoursPushedAt);
        var patch = Google.LocationPatches.Single(p => p.LocationId == location);
        Assert.Equal("regularHours,specialHours", patch.UpdateMask);
        var periods = patch.Body["regularHours"]!["periods"]!.AsArray();
        Assert.Equal(4, periods.Count);
        var monday = periods[0]!;
        Assert.Equal("MONDAY", monday["openDay"]!.GetValue<string>());
        Assert.Equal(11, monday["openTime"]!["hours"]!.GetValue<int>());
        Assert.Equal(30, monday["closeTime"]!["minutes"]!.GetValue<int>());
        var saturday = periods[3]!;
        Assert.Empty(saturday["openTime"]!.AsObject()); // 00:00 is the default TimeOfDay: no fields
        Assert.Equal(24, saturday["closeTime"]!["hours"]!.GetValue<int>());
        var special = patch.Body["specialHours"]!["specialHourPeriods"]!.AsArray();
        Assert.Contains(special, d => d!["closed"]?.GetValue<bool>() == true && d["startDate"]!["day"]!.GetValue<int>() == 25 && d["startDate"]!["month"]!.GetValue<int>() == 12);
        Assert.Contains(special, d => d!["openTime"]?["hours"]?.GetValue<int>() == 10 && d["closeTime"]!["hours"]!.GetValue<int>() == 16);

        // Saving the same hours again writes nothing; wrong hours are refused field by field.
        (await Api.PutAsync<BusinessLocationDto>($"/api/v1/google/business/locations/{station.Id}",
            new BusinessLocationRequest(connection.Id, account, location, hours, null))).Ok();
        Assert.False((await LocationAsync(station.Id)).HoursPending);
        var bad = await Api.PutAsync<BusinessLocationDto>($"/api/v1/google/business/locations/{station.Id}", new BusinessLocationRequest(connection.Id, "acc-1", location,
            [new("funday", "10:00", "12:00"), new("monday", "18:00", "09:00"), new("tuesday", "10:00", "14:00"), new("tuesday", "13:00", "15:00")],
            [new SpecialDayDto(christmas, false, null, null)]));
        foreach (var field in new[] { "accountId", "regularHours[0].day", "regularHours[1].close", "regularHours", "specialHours[0].close" })
        {
            Assert.True(bad.Problem!.Errors!.ContainsKey(field), field);
        }

        var calendarOnly = (await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections", new GoogleConnectionRequest("Calendar only " + Guid.NewGuid().ToString("N")[..4],
            "service_account", null, null, null, Google.ServiceAccountKeyFile, null, ["https://www.googleapis.com/auth/calendar.events"]))).Ok();
        Assert.NotNull((await Api.PutAsync<BusinessLocationDto>($"/api/v1/google/business/locations/{station.Id}",
            new BusinessLocationRequest(calendarOnly.Id, account, location, null, null))).InvalidField("connectionId"));
    }
}
