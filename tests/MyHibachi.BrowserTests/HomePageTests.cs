using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserAppHost host)
{
    [Fact]
    public async Task Home_page_opens_in_chromium()
    {
        var page = await host.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("MyHibachi", await page.TitleAsync());
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        await BrowserAppHost.ScreenshotAsync(page, "home");
        Assert.True(File.Exists(Path.Combine(BrowserAppHost.ScreenshotFolder, "home.png")));
    }

    [Fact]
    public async Task Every_page_says_how_to_reach_each_kitchen_and_the_contact_form_reaches_a_person()
    {
        var page = await host.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/Menu");
        var contacts = page.GetByRole(AriaRole.List, new() { Name = "Call or write to us" });
        await Assertions.Expect(contacts).ToContainTextAsync("(404) 555-0100");
        Assert.Equal("tel:4045550100", await contacts.GetByRole(AriaRole.Link, new() { Name = "(404) 555-0100" }).GetAttributeAsync("href"));
        await Assertions.Expect(contacts).ToContainTextAsync("houston@myhibachi.local");

        await page.GetByRole(AriaRole.Link, new() { Name = "Contact", Exact = true }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Casey Contact");
        await page.GetByLabel("E-mail or phone").FillAsync("casey.contact@example.com");
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Can you do a party of 80 at a lake house?");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main .flash")).ToContainTextAsync("We'll be in touch");
        await BrowserAppHost.ScreenshotAsync(page, "phone-contact-sent");

        var staff = await host.NewPageAsync();
        await host.SignInAsync(staff, "admin@myhibachi.local");
        await staff.GotoAsync("/Admin/Leads?q=casey.contact");
        await Assertions.Expect(staff.Locator("table.data")).ToContainTextAsync("Casey Contact");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task The_home_page_shows_the_food_and_the_chef_what_is_included_and_a_place_for_reviews(int width)
    {
        var page = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);
        await page.GotoAsync("/");

        var images = page.Locator(".showcase img");
        Assert.Equal(3, await images.CountAsync());
        foreach (var image in await images.AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            Assert.False(string.IsNullOrWhiteSpace(await image.GetAttributeAsync("alt")));
            await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0, "An illustration did not load.");
        }

        var included = await page.Locator("#included-title + .grid-2").InnerTextAsync();
        Assert.Contains("Two proteins per guest (chicken, steak, shrimp", included);
        Assert.Contains("You provide", included);
        Assert.True(await page.Locator("#reviews").IsVisibleAsync());
        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-home-full");
    }
}
