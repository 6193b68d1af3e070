using System.Globalization;
using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LoyaltyFlowTests(BrowserAppHost host)
{
    [Fact]
    public async Task A_customer_sees_their_points_and_tier_and_spends_points_on_an_upcoming_party()
    {
        var page = await host.NewPageAsync(width: 390, height: 844);
        await host.SignInAsync(page, "olivia.bennett@example.com");

        // Olivia's past party (paid, a month ago) has earned its points: the Workers settle every few seconds here.
        await page.GotoAsync("/Account/Loyalty");
        var available = page.Locator("#points-available .loyalty-number");
        for (var i = 0; i < 30 && (await available.TextContentAsync())?.Trim() == "0"; i++)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        var points = int.Parse((await available.TextContentAsync())!.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(points >= 100, $"Olivia has {points} points.");
        var tier = (await page.Locator("#loyalty-tier .loyalty-number").TextContentAsync())!.Trim();
        Assert.Equal(points >= 500 ? "Silver" : "Bronze", tier);
        await Assertions.Expect(page.Locator("#points-history")).ToContainTextAsync("paid ×");
        await Assertions.Expect(page.Locator(".badge-list")).ToContainTextAsync("First party");
        await Assertions.Expect(page.Locator("#referral .referral-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^OLIVIA-"));
        await BrowserAppHost.ScreenshotAsync(page, "account-loyalty-phone");

        // Spend them on her upcoming party: a line in its payments.
        await page.GotoAsync("/Account/Bookings");
        var upcoming = page.Locator("tr", new() { HasText = "Pending" }).Or(page.Locator("tr", new() { HasText = "Confirmed" })).First;
        await upcoming.GetByRole(AriaRole.Link, new() { Name = "View" }).ClickAsync();
        await Assertions.Expect(page.Locator("#redeem-points")).ToBeVisibleAsync();
        await page.GetByLabel("Points to use").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Use points" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("100 points took $10.00 off this party.");
        await Assertions.Expect(page.Locator("table.ledger")).ToContainTextAsync("Loyalty points");
        await BrowserAppHost.ScreenshotAsync(page, "account-booking-points-phone");

        await page.GotoAsync("/Account/Loyalty");
        Assert.Equal(points - 100, int.Parse((await available.TextContentAsync())!.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

        var desktop = await host.NewPageAsync();
        await host.SignInAsync(desktop, "olivia.bennett@example.com");
        await desktop.GotoAsync("/Account/Loyalty");
        await BrowserAppHost.ScreenshotAsync(desktop, "account-loyalty");
    }
}
