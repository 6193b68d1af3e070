using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PaymentFlowTests(BrowserAppHost host)
{
    [Fact]
    public async Task A_customer_pays_the_deposit_on_Stripe_sees_it_in_My_bookings_and_staff_refund_part_of_it()
    {
        // Olivia (a demo customer) books a party while signed in.
        var page = await host.NewPageAsync(javaScript: false);
        await host.SignInAsync(page, "olivia.bennett@example.com");
        await page.GotoAsync("/Book");
        await page.GetByLabel("ZIP code of the event").FillAsync("30305");
        await page.GetByLabel("Adults").FillAsync("11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: choose a time" }).ClickAsync();
        // A day next month, well before the customers' change cut-off, so My bookings offers cancelling.
        await page.Locator(".calendar-head button[aria-label='Next month']").ClickAsync();
        await page.Locator(".month-grid .day-open button").Nth(4).ClickAsync();
        await page.Locator(".day-times .slot input").Last.CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: address and contact" }).ClickAsync();
        await page.GetByLabel("Street address").FillAsync("77 Habersham Rd");
        await page.GetByLabel("City").FillAsync("Atlanta");
        await page.GetByLabel("State (two letters)").FillAsync("GA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: review" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book my party" }).ClickAsync();
        var reference = Regex.Match(await page.Locator("h1").InnerTextAsync(), "MH-[A-Z0-9]{6}").Value;
        Assert.NotEmpty(reference);
        Assert.Contains("Your chef is held until", await page.Locator("main").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "booked-pay-deposit");

        // The deposit, paid on Stripe's Checkout page; back on the site, "processing" until Stripe's webhook lands.
        var pay = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Pay \$[\d,.]+ by card$") });
        var amount = Regex.Match(await pay.InnerTextAsync(), @"\$[\d,.]+").Value;
        await pay.ClickAsync();
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(host.Stripe.Address.ToString()) + "pay/"));
        await page.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await BrowserAppHost.ScreenshotAsync(page, "stripe-checkout-local");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Pay {amount}" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Book/Paid\\?payment="));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you! Payment received", new() { Timeout = 30_000 });
        Assert.Contains("Your date is confirmed.", await page.Locator("main").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "payment-received");

        // My bookings shows the booking confirmed, the deposit paid and its invoice.
        await page.GetByRole(AriaRole.Link, new() { Name = "View my booking" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Bookings/"));
        Assert.Contains("Confirmed", await page.Locator("dl.definition .badge").First.InnerTextAsync());
        var ledger = page.Locator("table.ledger");
        Assert.Contains(amount, await ledger.InnerTextAsync());
        // The invoice is drawn by the Workers a moment later.
        var invoiceLink = ledger.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^\d{4}-\d{6}$") });
        for (var i = 0; i < 60 && await invoiceLink.CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        Assert.Equal(1, await invoiceLink.CountAsync());
        Assert.Contains("If you cancel now, you get back", await page.Locator("#refund-quote").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "my-booking-paid");
        var bookingUrl = page.Url;
        var invoice = await page.Context.APIRequest.GetAsync(await invoiceLink.GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", invoice.Headers["content-type"]);
        var bookingId = bookingUrl.Split('/').Last();

        // Staff refund part of it to the card.
        var staff = await host.NewPageAsync(javaScript: false);
        await host.SignInAsync(staff, "admin@myhibachi.local");
        await staff.GotoAsync($"/Admin/Bookings/{bookingId}");
        await staff.Locator("#refundAmount").FillAsync("40");
        await staff.GetByLabel("How").SelectOptionAsync("Card");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        Assert.Contains("$40.00 refunded.", await staff.Locator(".flash").InnerTextAsync());
        var staffLedger = await staff.Locator("table.ledger").InnerTextAsync();
        Assert.Contains("Refund · Card", staffLedger);
        Assert.Contains("−$40.00", staffLedger);
        await BrowserAppHost.ScreenshotAsync(staff, "admin-booking-refunded");

        // More than the policy allows needs an override with a reason.
        await staff.Locator("#refundAmount").FillAsync("10000");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        Assert.Contains("At most $", await staff.Locator(".problems").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_day_s_payments_beside_Stripe_and_change_a_price_with_a_reason()
    {
        var page = await host.NewPageAsync(javaScript: false);
        await host.SignInAsync(page, "admin@myhibachi.local");

        await page.GotoAsync("/Admin/Payments");
        Assert.Contains("What Stripe reports", await page.Locator(".stats").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "admin-payments");

        await page.GotoAsync("/Admin/Pricing");
        var original = await host.ScalarAsync<long>("SELECT price_cents FROM menu_items WHERE code = 'edamame'");
        try
        {
            var row = page.Locator("#price-edamame");
            await row.GetByLabel("New value for Edamame").FillAsync("-3");
            await row.GetByLabel("Reason").FillAsync("Trying a negative price");
            await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            Assert.Contains("dollars and cents", await page.Locator(".problems").InnerTextAsync());

            row = page.Locator("#price-edamame");
            await row.GetByLabel("New value for Edamame").FillAsync("9.50");
            await row.GetByLabel("Reason").FillAsync("Supplier raised soybean prices");
            await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            Assert.Contains("is now $9.50", await page.Locator(".flash").InnerTextAsync());
            Assert.Contains("Supplier raised soybean prices", await page.Locator("#history ~ .table-wrap").InnerTextAsync());
            Assert.Equal(950, await host.ScalarAsync<long>("SELECT price_cents FROM menu_items WHERE code = 'edamame'"));
            await BrowserAppHost.ScreenshotAsync(page, "admin-pricing");
        }
        finally
        {
            await host.ExecuteAsync("UPDATE menu_items SET price_cents = @v WHERE code = 'edamame'", ("v", original));
        }
    }
}
