using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StaffFlowTests(BrowserAppHost host)
{
    [Fact]
    public async Task A_staff_member_signs_in_assigns_a_chef_and_confirms()
    {
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "admin@myhibachi.local");
        Assert.EndsWith("/Admin", page.Url);
        await BrowserAppHost.ScreenshotAsync(page, "admin-dashboard");

        await page.GotoAsync("/Admin/Bookings?status=Pending");
        await page.Locator("table.data tbody tr td:nth-child(2) a").First.ClickAsync();
        var chefSelect = page.GetByLabel("Chefs free for the whole event (with travel buffers)");
        var chosen = await chefSelect.Locator("option").First.InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        Assert.Contains("Chef assigned.", await page.Locator(".flash").InnerTextAsync());
        Assert.Contains(chosen.Split(" (")[0], await page.Locator("dl.definition").First.InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        Assert.Contains("Confirmed", await page.Locator("h1 .badge").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "admin-booking-confirmed");
    }

    [Fact]
    public async Task A_chef_cannot_open_another_chef_s_booking_or_the_user_pages()
    {
        var otherChefsBooking = await BookingOfAnotherChefAsync("chef.kenji@myhibachi.local");
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "chef.kenji@myhibachi.local");

        var users = await page.GotoAsync("/Admin/Users");
        Assert.Contains("/Account/Denied", page.Url);
        Assert.Contains("not for your account", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".admin-nav a[href='/Admin/Users']").CountAsync());

        var booking = await page.GotoAsync($"/Admin/Bookings/{otherChefsBooking}");
        Assert.Equal(404, booking!.Status);
        Assert.Contains("We couldn't find that page", await page.Locator("h1").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "chef-denied");
        _ = users;
    }

    /// <summary>A live booking held by some chef other than the given chef's account, found through the Api as an admin.</summary>
    private async Task<Guid> BookingOfAnotherChefAsync(string chefEmail)
    {
        using var api = host.App.CreateHttpClient(ResourceNames.Api);
        var login = await api.PostAsJsonAsync("/api/auth/login", new { email = "superadmin@myhibachi.local", password = BrowserAppHost.DemoPassword });
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var chefs = JsonDocument.Parse(await api.GetStringAsync("/api/admin/users?q=" + Uri.EscapeDataString(chefEmail))).RootElement;
        var chefId = chefs.GetProperty("items")[0].GetProperty("chefId").GetGuid();
        var bookings = JsonDocument.Parse(await api.GetStringAsync("/api/bookings?pageSize=100")).RootElement.GetProperty("items");
        return bookings.EnumerateArray()
            .First(b => b.GetProperty("chefId").ValueKind == JsonValueKind.String && b.GetProperty("chefId").GetGuid() != chefId)
            .GetProperty("id").GetGuid();
    }
}
