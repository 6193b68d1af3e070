using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class GoogleFlowTests(BrowserAppHost host)
{
    [Fact]
    public async Task Staff_connect_Google_link_a_chefs_calendar_and_see_the_busy_times_it_brings()
    {
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "admin@myhibachi.local");
        await page.GotoAsync("/Admin/Google");
        var empty = await page.Locator("#not-connected").CountAsync() > 0;
        if (empty)
        {
            await BrowserAppHost.ScreenshotAsync(page, "admin-google-not-connected");
        }

        // A service account for the chefs' calendars.
        var name = "Chef calendars " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Kind").SelectOptionAsync("service_account");
        await page.GetByLabel("Chef calendars (Calendar)").CheckAsync();
        await page.GetByLabel("Service account key (the whole JSON file)").FillAsync(host.Google.ServiceAccountKeyFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"{name} is saved");
        var row = page.Locator("#connections tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("Saved, not used yet");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("PRIVATE KEY");

        // Chef Kenji's calendar: a trip far ahead on his Google calendar.
        var calendarId = $"kenji-{Guid.NewGuid():N}@example.com";
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(300);
        host.Google.AddEvent(calendarId, new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero), new DateTimeOffset(day.ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero),
            "Flight to Osaka");
        await page.GotoAsync("/Admin/Chefs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kenji", Exact = false }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar sync" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("calendar");
        await Assertions.Expect(page.Locator("#feed-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/calendars/[0-9a-f-]+/[A-Za-z0-9_-]+\.ics$"));
        await page.GetByLabel("Google connection").SelectOptionAsync(new SelectOptionValue { Label = name });
        await page.GetByLabel("Calendar id").FillAsync(calendarId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and sync" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("being read now");
        for (var i = 0; i < 30 && !(await page.Locator("#sync-badge").TextContentAsync())!.Contains("Up to date", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator("#sync-badge")).ToHaveTextAsync("Up to date");
        await Assertions.Expect(page.Locator("#sync-status")).ToContainTextAsync("changes pushed by Google");
        await Assertions.Expect(page.Locator("#busy")).ToContainTextAsync("(Google)");
        await BrowserAppHost.ScreenshotAsync(page, "admin-chef-calendar");
        var calendarPage = new Uri(page.Url).PathAndQuery;

        // The feed link works for a calendar app (no sign-in), and the connection now shows it works.
        var feed = await page.Locator("#feed-url").InputValueAsync();
        var response = await page.APIRequest.GetAsync(new Uri(feed).PathAndQuery);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("BEGIN:VCALENDAR", await response.TextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/Admin/Google");
        await Assertions.Expect(page.Locator("#connections tr", new() { HasText = name })).ToContainTextAsync("Connected");
        await BrowserAppHost.ScreenshotAsync(page, "admin-google");

        var phone = await host.NewPageAsync(width: 390, height: 844);
        await host.SignInAsync(phone, "admin@myhibachi.local");
        await phone.GotoAsync("/Admin/Google");
        await BrowserAppHost.ScreenshotAsync(phone, "admin-google-phone");
        await phone.GotoAsync(calendarPage);
        await Assertions.Expect(phone.Locator("#sync-badge")).ToHaveTextAsync("Up to date");
        // A long calendar id (an e-mail address) wraps instead of widening the page past the phone's screen.
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the calendar page is wider than the phone");
        await BrowserAppHost.ScreenshotAsync(phone, "admin-chef-calendar-phone");
    }

    [Fact]
    public async Task Staff_link_a_station_to_its_Business_Profile_set_holiday_hours_and_answer_a_negative_Google_review()
    {
        const string account = "4455667788";
        const string location = "1122334455";
        host.Google.AddReview(account, location, 5, "Chef Kenji was hilarious and the fried rice was perfect.", "Priya Shah");
        var angry = host.Google.AddReview(account, location, 1, "They showed up 45 minutes late and the chicken was cold.", "Tom Becker");

        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "admin@myhibachi.local");
        await page.GotoAsync("/Admin/Google");
        var name = "Business " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Kind").SelectOptionAsync("refresh_token");
        await page.GetByLabel("Business Profile (reviews and hours)").CheckAsync();
        await page.GetByLabel("OAuth client id").FillAsync(host.Google.ClientId);
        await page.GetByLabel("OAuth client secret").FillAsync(host.Google.ClientSecret);
        await page.GetByLabel("Refresh token").FillAsync(host.Google.RefreshToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"{name} is saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "Business Profile" }).ClickAsync();
        var card = page.Locator("form.card", new() { HasText = "Atlanta" }).First;
        await card.GetByLabel("Google connection").SelectOptionAsync(new SelectOptionValue { Label = name });
        await card.GetByLabel("Account id").FillAsync(account);
        await card.GetByLabel("Location id").FillAsync(location);
        await card.GetByLabel("Monday").FillAsync("11:00-22:00");
        await card.GetByLabel("Saturday").FillAsync("10:00-14:00, 16:00-23:00");
        var christmas = new DateOnly(DateTime.UtcNow.Year + 1, 12, 25);
        await card.GetByLabel("Holidays and special days", new() { Exact = false }).FillAsync($"{christmas:yyyy-MM-dd} closed");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = false }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Google is being updated now");
        card = page.Locator("form.card", new() { HasText = "Atlanta" }).First;
        for (var i = 0; i < 30 && !(await card.InnerTextAsync()).Contains("Hours written", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            card = page.Locator("form.card", new() { HasText = "Atlanta" }).First;
        }

        await Assertions.Expect(card).ToContainTextAsync("Up to date");
        await Assertions.Expect(card).ToContainTextAsync("on Google from 2 reviews");
        await Assertions.Expect(card.GetByLabel("Saturday")).ToHaveValueAsync("10:00-14:00, 16:00-23:00");
        Assert.Contains(host.Google.LocationPatches, p => p.LocationId == location && p.UpdateMask == "regularHours,specialHours");
        await BrowserAppHost.ScreenshotAsync(page, "admin-google-business");

        // The negative review waits for a reply; the AI drafts one from what it says; staff approve and it is posted.
        await page.GotoAsync("/Admin/Reviews/Google?needsAttention=true");
        await Assertions.Expect(page.Locator("#rating-overview")).ToContainTextAsync("Need a reply");
        var review = page.Locator("article.google-review", new() { HasText = "Tom Becker" });
        await Assertions.Expect(review).ToContainTextAsync("Needs a reply");
        await review.GetByRole(AriaRole.Button, new() { Name = "AI draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("drafted");
        review = page.Locator("article.google-review", new() { HasText = "Tom Becker" });
        var draft = await review.Locator("textarea").InputValueAsync();
        Assert.Contains("timing", draft, StringComparison.Ordinal);
        await BrowserAppHost.ScreenshotAsync(page, "admin-google-reviews");
        await review.GetByRole(AriaRole.Button, new() { Name = "Approve and post" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("being posted");
        for (var i = 0; i < 30 && angry.Reply is null; i++)
        {
            await Task.Delay(300);
        }

        Assert.Equal(draft.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), angry.Reply?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());

        // Visitors see Google's rating beside the site's own on the home page.
        await page.GotoAsync("/#reviews");
        await Assertions.Expect(page.Locator("#google-rating")).ToContainTextAsync("on Google from");
        await page.Locator("#reviews").ScreenshotAsync(new() { Path = Path.Combine(BrowserAppHost.ScreenshotFolder, "home-ratings-with-google.png") });

        var phone = await host.NewPageAsync(width: 390, height: 844);
        await host.SignInAsync(phone, "admin@myhibachi.local");
        await phone.GotoAsync("/Admin/Reviews/Google");
        await Assertions.Expect(phone.Locator("article.google-review", new() { HasText = "Tom Becker" })).ToContainTextAsync("Our reply");
        await BrowserAppHost.ScreenshotAsync(phone, "admin-google-reviews-phone");
        await phone.GotoAsync("/Admin/Google/Business");
        await BrowserAppHost.ScreenshotAsync(phone, "admin-google-business-phone");
    }
}
