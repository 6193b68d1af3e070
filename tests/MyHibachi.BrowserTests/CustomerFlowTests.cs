using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CustomerFlowTests(BrowserAppHost host)
{
    [Fact]
    public async Task A_customer_gets_a_quote_and_books_without_javascript()
    {
        var page = await host.NewPageAsync(javaScript: false);

        await page.GotoAsync("/Quote");
        await page.GetByLabel("ZIP code of the event").FillAsync("30305");
        await page.GetByLabel("Adults").FillAsync("12");
        await page.GetByLabel("Children").FillAsync("2");
        await page.GetByLabel(new Regex("^Filet mignon upgrade")).FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();

        var total = page.Locator("tr.total td").Last;
        Assert.Matches(@"^\$[\d,]+\.\d\d$", (await total.InnerTextAsync()).Trim());
        await BrowserAppHost.ScreenshotAsync(page, "quote");

        await page.GetByRole(AriaRole.Link, new() { Name = "Book this party" }).ClickAsync();
        Assert.Contains("Choose a date and time", await page.Locator("h2").First.InnerTextAsync());
        var firstSlot = page.Locator(".slot input").First;
        await firstSlot.CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: address and contact" }).ClickAsync();

        var email = $"browser-{Guid.NewGuid():N}@example.com";
        await page.GetByLabel("First name").FillAsync("Robin");
        await page.GetByLabel("Last name").FillAsync("Browser");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Street address").FillAsync("42 Peachtree Battle Ave");
        await page.GetByLabel("City").FillAsync("Atlanta");
        await page.GetByLabel("State (two letters)").FillAsync("GA");
        await page.GetByLabel("Allergies and dietary needs").FillAsync("One guest is allergic to shellfish <b>really</b>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: review" }).ClickAsync();

        Assert.Contains("Review and book", await page.Locator("h2").First.InnerTextAsync());
        // Text typed by the customer is shown as text, never as markup.
        Assert.Contains("<b>really</b>", await page.Locator("dl.definition").First.InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Book my party" }).ClickAsync();

        var heading = await page.Locator("h1").InnerTextAsync();
        // Pending until the deposit is paid: the page says the date is held, not booked.
        Assert.Matches(@"Your date is held — reference MH-[A-Z0-9]{6}", heading);
        Assert.Contains("Not confirmed yet", await page.Locator("#booking-state").InnerTextAsync());
        Assert.Contains(email, await page.Locator("main").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, "booked");
    }

    [Fact]
    public async Task A_quote_that_expired_during_checkout_sends_the_customer_back_to_the_party_step()
    {
        // The wizard reads the Api's problem code (quote.expired), not its wording, to choose the step.
        var page = await host.NewPageAsync(javaScript: false);
        await page.GotoAsync("/Book");
        await page.GetByLabel("ZIP code of the event").FillAsync("30305");
        await page.GetByLabel("Adults").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: choose a time" }).ClickAsync();
        await page.Locator(".slot input").First.CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: address and contact" }).ClickAsync();
        var email = $"expired-{Guid.NewGuid():N}@example.com";
        await page.GetByLabel("First name").FillAsync("Ellis");
        await page.GetByLabel("Last name").FillAsync("Late");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Street address").FillAsync("9 Piedmont Ave");
        await page.GetByLabel("City").FillAsync("Atlanta");
        await page.GetByLabel("State (two letters)").FillAsync("GA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: review" }).ClickAsync();
        Assert.Contains("Review and book", await page.Locator("h2").First.InnerTextAsync());

        await host.ExecuteAsync("UPDATE quotes SET expires_at = now() - interval '1 minute' WHERE contact_email = @email", ("email", email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Book my party" }).ClickAsync();

        Assert.Contains("This quote has expired", await page.Locator("main").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Next: choose a time" }).IsVisibleAsync());
        Assert.Equal(0, await host.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE contact_email = @email", ("email", email)));
    }

    [Fact]
    public async Task A_bad_zip_code_is_explained_next_to_the_field()
    {
        var page = await host.NewPageAsync(javaScript: false);

        await page.GotoAsync("/Book");
        await page.GetByLabel("ZIP code of the event").FillAsync("99999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: choose a time" }).ClickAsync();

        Assert.Contains("We don't recognise this ZIP code", await page.Locator("#Wizard_Party_Zip_error").InnerTextAsync());
        Assert.Contains("input-validation-error", await page.Locator("#Wizard_Party_Zip").GetAttributeAsync("class") ?? "");
        await BrowserAppHost.ScreenshotAsync(page, "book-invalid-zip");
    }

    [Fact]
    public async Task The_live_quote_updates_as_guests_change()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/Quote");
        await page.GetByLabel("ZIP code of the event").FillAsync("30305");
        await page.GetByLabel("Adults").FillAsync("20");
        var total = page.Locator("[data-quote-result] tr.total td").Last;
        await total.WaitForAsync();
        var first = await total.InnerTextAsync();
        await page.GetByLabel("Adults").FillAsync("30");
        await Assertions.Expect(total).Not.ToHaveTextAsync(first);
    }
}
