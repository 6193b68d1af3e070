using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
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
    public async Task A_visitor_asks_the_assistant_for_a_price_then_for_a_person_and_staff_see_it_in_the_queue()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Menu");
        await page.Locator("#chat summary").ClickAsync();
        await page.GetByLabel("Your message").FillAsync("How much for 20 adults in 30305?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        // The number in the widget is the quote engine's own.
        using var api = host.App.CreateHttpClient(ResourceNames.Api);
        var quote = await api.PostAsJsonAsync("/api/quote/calculate", new { zip = "30305", adults = 20, children = 0 });
        var total = JsonDocument.Parse(await quote.Content.ReadAsStringAsync()).RootElement.GetProperty("pricing").GetProperty("totalCents").GetInt64();
        var totalText = (total / 100m).ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture);
        var answer = page.Locator(".chat-widget .chat-assistant").Last;
        await Assertions.Expect(answer).ToContainTextAsync($"total {totalText}");
        Assert.EndsWith("/Menu", page.Url);
        await BrowserAppHost.ScreenshotAsync(page, "chat-price");

        // The conversation follows the visitor to another page.
        await page.GotoAsync("/Quote");
        await page.Locator("#chat summary").ClickAsync();
        await Assertions.Expect(page.Locator(".chat-widget .chat-assistant").Last).ToContainTextAsync($"total {totalText}");

        await page.GetByLabel("Your message").FillAsync("I'd like to talk to a real person please");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".chat-widget .chat-assistant").Last).ToContainTextAsync("passing you to a person");
        // The hand-over reached Tag Manager's dataLayer.
        Assert.True(await page.EvaluateAsync<bool>("() => (window.dataLayer || []).some(e => e.event === 'ai_escalated')"));
        await BrowserAppHost.ScreenshotAsync(page, "chat-handover");

        var staff = await host.NewPageAsync();
        await host.SignInAsync(staff, "admin@myhibachi.local");
        await staff.GotoAsync("/Admin/Conversations");
        var queue = staff.GetByRole(AriaRole.Table, new() { Name = "Escalation queue" });
        await Assertions.Expect(queue).ToContainTextAsync("talk to a real person");
        await BrowserAppHost.ScreenshotAsync(staff, "admin-conversations");
        await queue.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(staff.Locator("[aria-label=Transcript]")).ToContainTextAsync("How much for 20 adults in 30305?");
        await staff.GetByLabel("Reply as a person").FillAsync("Hi, this is Sam from MyHibachi. How can I help?");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".flash")).ToContainTextAsync("Reply sent.");
        await BrowserAppHost.ScreenshotAsync(staff, "admin-conversation");

        // The visitor sees the person's reply in the widget without reloading.
        await Assertions.Expect(page.Locator(".chat-widget .chat-staff").Last).ToContainTextAsync("this is Sam", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task The_assistant_works_without_JavaScript_on_the_chat_page()
    {
        var page = await host.NewPageAsync(javaScript: false);
        await page.GotoAsync("/Chat");
        await page.GetByLabel("Your message").FillAsync("What's on the menu?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".chat-assistant").Last).ToContainTextAsync("two proteins");
    }
}
