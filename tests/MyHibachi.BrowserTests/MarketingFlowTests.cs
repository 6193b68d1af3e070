using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MarketingFlowTests(BrowserAppHost host)
{
    /// <summary>Every chart on the page was drawn by Chart.js (the script and the library came from the site's own files under the CSP).</summary>
    private static async Task ChartsDrawnAsync(IPage page, int atLeast)
    {
        var drawn = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('canvas[data-chart]')].filter(c => window.Chart && window.Chart.getChart(c)).length");
        Assert.True(drawn >= atLeast, $"{drawn} charts drawn");
    }

    [Fact]
    public async Task Staff_see_the_steps_to_connect_load_the_demo_set_read_every_dashboard_set_a_cpa_alert_and_export_csv()
    {
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "admin@myhibachi.local");
        await page.GotoAsync("/Admin/Marketing");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Marketing");
        if (await page.Locator(".demo-banner").CountAsync() == 0)
        {
            // Nothing connected: each card says so, with the steps.
            await Assertions.Expect(page.Locator("#source-ads")).ToContainTextAsync("Not connected");
            await Assertions.Expect(page.Locator("#source-ads")).ToContainTextAsync("10-digit customer id");
            await Assertions.Expect(page.Locator("#source-analytics")).ToContainTextAsync("GA4 property id");
            await BrowserAppHost.ScreenshotAsync(page, "admin-marketing-not-connected");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Load demo data" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Demo data loaded");
        await Assertions.Expect(page.Locator(".demo-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#marketing-kpis .stat").First).Not.ToContainTextAsync("$0");
        await Assertions.Expect(page.Locator("#recommendations .recommendation").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#recommendations")).ToContainTextAsync("\"Performance Max – Backyard parties\" pays");
        await Assertions.Expect(page.Locator("#pacing svg.pacing-bar")).ToBeVisibleAsync();
        await BrowserAppHost.ScreenshotAsync(page, "admin-marketing-overview");

        // Google Ads: charts, campaigns, experiments.
        await page.Locator(".subnav").GetByRole(AriaRole.Link, new() { Name = "Google Ads" }).ClickAsync();
        await Assertions.Expect(page.Locator("#campaigns")).ToContainTextAsync("Hibachi catering – Search");
        await ChartsDrawnAsync(page, 3);
        await Assertions.Expect(page.Locator(".experiment")).ToContainTextAsync("Birthday parties: new ad copy");
        await Assertions.Expect(page.Locator("#search-terms")).ToContainTextAsync("hibachi grill for sale");

        // A CPA threshold the demo's Performance Max campaign breaks: checked against the stored days at once.
        await page.GetByLabel("Campaign", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Performance Max – Backyard parties" });
        await page.GetByLabel("Max cost per conversion ($)").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add alert" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problems")).ToContainTextAsync("Enter an amount in dollars");
        await page.GetByLabel("Max cost per conversion ($)").FillAsync("40");
        await page.GetByLabel("Window (days)").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add alert" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("CPA alert added");
        await Assertions.Expect(page.Locator("#cpa-rule-list")).ToContainTextAsync("$40.00");
        await Assertions.Expect(page.Locator("#cpa-alerts")).ToContainTextAsync("Performance Max – Backyard parties");
        await BrowserAppHost.ScreenshotAsync(page, "admin-marketing-ads");

        // The last 7 days, then the campaigns as CSV for that range.
        await page.GetByRole(AriaRole.Link, new() { Name = "Last 7 days" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("from=\\d{4}-\\d{2}-\\d{2}&to="));
        var from = await page.Locator("#from").InputValueAsync();
        var to = await page.Locator("#to").InputValueAsync();
        Assert.Equal(6, DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture).DayNumber - DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture).DayNumber);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#campaigns-title").Locator("xpath=..").GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal($"myhibachi-ads-campaigns-{from}-to-{to}.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // a UTF-8 mark, so spreadsheets read the dashes and accents right
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("campaign,cost,clicks,impressions,ctr,conversions,cost_per_conversion,bookings,cost_per_booking\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Hibachi catering – Search,", csv, StringComparison.Ordinal);

        // A backwards range is a field error beside the picker, not an error page.
        await page.Locator("#from").FillAsync(to);
        await page.Locator("#to").FillAsync(from);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problems")).ToContainTextAsync("The first day must not be after the last day.");

        // Search Console and Analytics.
        await page.GotoAsync("/Admin/Marketing/Search");
        await Assertions.Expect(page.Locator("#top-queries")).ToContainTextAsync("hibachi catering atlanta");
        await Assertions.Expect(page.Locator("#index-status")).ToContainTextAsync("Server error (5xx)");
        await ChartsDrawnAsync(page, 1);
        await BrowserAppHost.ScreenshotAsync(page, "admin-marketing-search");
        await page.GotoAsync("/Admin/Marketing/Analytics");
        await Assertions.Expect(page.Locator("#funnel tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#funnel")).ToContainTextAsync("Our bookings");
        await ChartsDrawnAsync(page, 3);
        await BrowserAppHost.ScreenshotAsync(page, "admin-marketing-analytics");

        // Linking a source needs a connection: the form says so.
        await page.GotoAsync("/Admin/Marketing/Sources");
        await page.Locator("#edit-ads").GetByRole(AriaRole.Button, new() { Name = "Save and sync" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problems")).ToContainTextAsync("Pick a Google connection");
        await BrowserAppHost.ScreenshotAsync(page, "admin-marketing-sources");

        var phone = await host.NewPageAsync(width: 390, height: 844);
        await host.SignInAsync(phone, "admin@myhibachi.local");
        foreach (var (path, shot) in new[] { ("/Admin/Marketing", "admin-marketing-overview-phone"), ("/Admin/Marketing/Ads", "admin-marketing-ads-phone") })
        {
            await phone.GotoAsync(path);
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{path} is wider than the phone");
            await BrowserAppHost.ScreenshotAsync(phone, shot);
        }
    }
}
