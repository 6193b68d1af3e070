using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(BrowserAppHost host)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/Admin", "admin-dashboard-super" },
        { "/Admin/Bookings", "admin-bookings" },
        { "/Admin/Calendar", "admin-calendar" },
        { "/Admin/Customers", "admin-customers" },
        { "/Admin/Chefs", "admin-chefs" },
        { "/Admin/Stations", "admin-stations" },
        { "/Admin/Leads", "admin-leads" },
        { "/Admin/Inbox", "admin-inbox" },
        { "/Admin/Reviews", "admin-reviews" },
        { "/Admin/Loyalty", "admin-loyalty" },
        { "/Admin/Google", "admin-google-open" },
        { "/Admin/Google/Business", "admin-google-business-open" },
        { "/Admin/Reviews/Google", "admin-google-reviews-open" },
        { "/Admin/Marketing", "admin-marketing-open" },
        { "/Admin/Marketing/Search", "admin-marketing-search-open" },
        { "/Admin/Marketing/Ads", "admin-marketing-ads-open" },
        { "/Admin/Marketing/Analytics", "admin-marketing-analytics-open" },
        { "/Admin/Marketing/Sources", "admin-marketing-sources-open" },
        { "/Admin/Audit", "admin-audit" },
        { "/Admin/Deleted", "admin-deleted" },
        { "/Admin/Users", "admin-users" },
        { "/Admin/Roles", "admin-roles" },
        { "/Admin/Customers/Edit", "admin-customer-new" },
        { "/Admin/Chefs/Edit", "admin-chef-new" },
        { "/Admin/Users/Edit", "admin-user-new" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_admin_page_opens_for_a_super_admin(string path, string screenshot)
    {
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "superadmin@myhibachi.local");

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        Assert.DoesNotContain("Something went wrong", await page.Locator("main").InnerTextAsync());
        Assert.True(await page.Locator("h1").CountAsync() > 0);
        await BrowserAppHost.ScreenshotAsync(page, screenshot);
    }

    [Fact]
    public async Task The_first_chef_and_customer_open_from_their_lists()
    {
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "superadmin@myhibachi.local");

        await page.GotoAsync("/Admin/Chefs");
        await page.Locator("table.data tbody a").First.ClickAsync();
        Assert.Contains("Weekly hours", await page.Locator("main").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "admin-chef");

        await page.GotoAsync("/Admin/Customers");
        await page.Locator("table.data tbody a").First.ClickAsync();
        Assert.Contains("Bookings", await page.Locator("main").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "admin-customer");

        await page.GotoAsync("/Admin/Leads");
        await page.Locator("table.data tbody a").First.ClickAsync();
        Assert.Contains("Notes", await page.Locator("main").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "admin-lead");
    }

    [Fact]
    public async Task A_customer_sees_their_bookings()
    {
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "olivia.bennett@example.com");

        Assert.EndsWith("/Account/Bookings", page.Url);
        Assert.True(await page.Locator("table.data tbody tr").CountAsync() >= 1);
        await page.Locator("table.data tbody a").First.ClickAsync();
        Assert.Contains("Booking MH-", await page.Locator("h1").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "customer-booking");
    }
}
