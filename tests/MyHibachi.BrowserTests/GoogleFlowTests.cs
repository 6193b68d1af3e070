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
        await BrowserAppHost.ScreenshotAsync(phone, "admin-chef-calendar-phone");
    }
}
