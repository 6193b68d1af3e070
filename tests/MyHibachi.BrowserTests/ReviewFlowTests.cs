using Microsoft.Playwright;
using MyHibachi.TestSupport;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReviewFlowTests(BrowserAppHost host)
{
    [Fact]
    public async Task A_customer_leaves_a_photo_review_staff_approve_it_and_it_shows_on_the_feed_the_chef_and_the_home_page()
    {
        var photo = Path.Combine(Path.GetTempPath(), $"party-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(photo, TestImages.JpegWithGps(1600, 1200));
        var words = "Kenji had the whole family laughing and the filet was perfect " + Random.Shared.Next(1000, 9999);

        // The customer opens the form from their bookings and goes through its four steps.
        var page = await host.NewPageAsync(width: 390, height: 844);
        await host.SignInAsync(page, "olivia.bennett@example.com");
        await page.GotoAsync("/Reviews/Write");
        await page.GetByRole(AriaRole.Link, new() { Name = "Review this party" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Step 1 of 4");
        await BrowserAppHost.ScreenshotAsync(page, "review-write-stars-phone");
        // Next without stars: the step says what is missing and stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Step 1 of 4");
        await page.Locator("label[for=star-5]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByLabel("A headline").FillAsync("Best birthday ever");
        await page.GetByLabel("Your review").FillAsync(words);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByLabel("Add photos").SetInputFilesAsync(photo);
        await BrowserAppHost.ScreenshotAsync(page, "review-write-photos-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.Locator("fieldset[data-step='4']")).ToContainTextAsync("Chef Kenji T.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my review" }).ClickAsync();
        await Assertions.Expect(page.Locator("#review-thanks")).ToContainTextAsync("Thank you, Olivia!");
        await Assertions.Expect(page.Locator("#review-status")).ToHaveTextAsync("Pending");
        await BrowserAppHost.ScreenshotAsync(page, "review-write-thanks-phone");

        // Not public yet.
        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/Reviews");
        await Assertions.Expect(visitor.Locator(".review-card", new() { HasText = words })).ToHaveCountAsync(0);

        // Staff approve it from the moderation queue.
        var staff = await host.NewPageAsync();
        await host.SignInAsync(staff, "admin@myhibachi.local");
        await staff.GotoAsync("/Admin/Reviews");
        var item = staff.Locator(".moderation-item", new() { HasText = words });
        await Assertions.Expect(item.Locator(".review-photos img")).ToHaveCountAsync(1);
        await BrowserAppHost.ScreenshotAsync(staff, "admin-reviews-queue");
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".flash")).ToContainTextAsync("Published.");

        // On the feed with its photo (served by the site, cached), the verified badge, and a working like.
        await visitor.GotoAsync("/Reviews");
        var card = visitor.Locator(".review-card", new() { HasText = words });
        await Assertions.Expect(card.Locator(".badge-verified")).ToHaveCountAsync(1);
        var image = card.Locator(".review-photos img");
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0);
        var photoResponse = await visitor.APIRequest.GetAsync(await image.GetAttributeAsync("src") ?? "");
        Assert.Equal(200, photoResponse.Status);
        Assert.Equal("public, max-age=31536000, immutable", photoResponse.Headers["cache-control"]);
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Helpful") }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".review-card", new() { HasText = words }).GetByRole(AriaRole.Button)).ToContainTextAsync("Helpful · 1");
        await BrowserAppHost.ScreenshotAsync(visitor, "reviews-feed");

        // Its own page carries Open Graph tags for sharing.
        await card.Locator("h3 a").ClickAsync();
        Assert.Equal("★★★★★ Best birthday ever · MyHibachi", await visitor.Locator("meta[property='og:title']").GetAttributeAsync("content"));
        Assert.EndsWith(".jpg", await visitor.Locator("meta[property='og:image']").GetAttributeAsync("content"));

        // The chef's profile and the home page count it; the home page says so to search engines.
        await visitor.GotoAsync("/Chefs");
        await visitor.Locator(".chef-card", new() { HasText = "Chef Kenji T." }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".review-card", new() { HasText = words })).ToHaveCountAsync(1);
        await BrowserAppHost.ScreenshotAsync(visitor, "chef-profile");
        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.Locator("#home-rating")).ToBeVisibleAsync();
        var jsonLd = await visitor.Locator("script[type='application/ld+json']").TextContentAsync();
        Assert.Contains("\"@type\":\"AggregateRating\"", jsonLd);
        var shown = await visitor.Locator("#home-rating .rating-number").TextContentAsync();
        var value = System.Text.RegularExpressions.Regex.Match(jsonLd!, "\"ratingValue\":([0-9.]+)").Groups[1].Value;
        Assert.Equal(decimal.Parse(shown!, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        await BrowserAppHost.ScreenshotAsync(visitor, "home-reviews");
        File.Delete(photo);
    }
}
