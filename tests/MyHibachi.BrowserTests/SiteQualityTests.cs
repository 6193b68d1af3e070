using System.Net;
using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SiteQualityTests(BrowserAppHost host)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Quote")]
    [InlineData("/Book")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    public async Task Every_form_field_has_a_label(string path)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(path);

        // Inputs a person fills in: each needs a <label for>, an enclosing label or an aria-label.
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]):not([type=submit]), select, textarea')]
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
                .map(el => el.name || el.id)
            """);

        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task Pages_send_a_strict_content_security_policy()
    {
        using var web = new HttpClient { BaseAddress = host.WebAddress };

        using var response = await web.GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        using var web = new HttpClient { BaseAddress = host.WebAddress };

        using var response = await web.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@myhibachi.local",
            ["Password"] = BrowserAppHost.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // No session was started (the friendly 400 page may still set its own anti-forgery cookie).
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("myhibachi.session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_not_found_page()
    {
        var page = await host.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Contains("We couldn't find that page", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Back to the home page" }).CountAsync());
    }

    [Fact]
    public async Task The_chat_widget_takes_a_message_without_leaving_the_page()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Menu");

        await page.Locator("#chat summary").ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Pat Chatter");
        await page.GetByLabel("E-mail or phone").FillAsync("pat.chatter@example.com");
        await page.GetByLabel("Message").FillAsync("Do you bring the grill to apartments?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-chat-status]")).ToContainTextAsync("Got it!");
        Assert.EndsWith("/Menu", page.Url);
    }
}
