using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class InboxFlowTests(BrowserAppHost host)
{
    [Fact]
    public async Task Staff_see_a_new_sms_arrive_without_reloading_take_over_reply_and_hand_back_to_the_assistant()
    {
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, "admin@myhibachi.local");
        await page.GotoAsync("/Admin/Inbox");
        await Assertions.Expect(page.Locator("[data-inbox][data-live=connected]")).ToHaveCountAsync(1, new() { Timeout = 15000 });

        // A text arrives through RingCentral's webhook while the page is open.
        var caller = "+1404555" + Random.Shared.Next(1000, 9999);
        var name = "Jordan Live" + Random.Shared.Next(100, 999);
        var rc = host.RingCentral;
        Assert.Equal(System.Net.HttpStatusCode.OK, await rc.NotifyAsync(host.RingCentralWebhook, rc.InboundSms(caller, "What proteins can we choose for the party?", name: name)));
        var item = page.Locator(".inbox-item", new() { HasText = name });
        await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = 20000 });
        await BrowserAppHost.ScreenshotAsync(page, "admin-inbox-new-sms");

        // Open it: the assistant's answer appears in the thread as it is sent.
        await item.ClickAsync();
        await Assertions.Expect(page.Locator(".msg-ours")).Not.ToHaveCountAsync(0, new() { Timeout = 20000 });
        await Assertions.Expect(page.Locator(".msg-customer")).ToContainTextAsync("What proteins");

        // Take over, reply, and the reply goes out by SMS.
        await page.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("You have this conversation");
        await page.GetByLabel($"Reply to {name} by SMS").FillAsync("Hi, this is the MyHibachi team: chicken, steak, shrimp, salmon and tofu.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Reply queued");
        await Assertions.Expect(page.Locator(".msg-ours", new() { HasText = "this is the MyHibachi team" })).ToContainTextAsync("Sent", new() { Timeout = 20000 });
        Assert.Contains(rc.Sent, s => s.To == caller && s.Text.StartsWith("Hi, this is the MyHibachi team", StringComparison.Ordinal));
        await BrowserAppHost.ScreenshotAsync(page, "admin-inbox-thread");

        // Hand back: the assistant answers the customer's next text, live on the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand back to the assistant" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("The assistant answers this conversation again");
        await Assertions.Expect(page.Locator("[data-inbox][data-live=connected]")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        var before = await page.Locator(".msg-ours").CountAsync();
        await rc.NotifyAsync(host.RingCentralWebhook, rc.InboundSms(caller, "Do you bring the grill?"));
        await Assertions.Expect(page.Locator(".msg-customer", new() { HasText = "Do you bring the grill?" })).ToHaveCountAsync(1, new() { Timeout = 20000 });
        await Assertions.Expect(page.Locator(".msg-ours")).ToHaveCountAsync(before + 1, new() { Timeout = 20000 });

        var phone = await host.NewPageAsync(width: 390, height: 844);
        await host.SignInAsync(phone, "admin@myhibachi.local");
        await phone.GotoAsync(page.Url);
        await Assertions.Expect(phone.Locator(".inbox-back")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".inbox-list")).ToBeHiddenAsync();
        await BrowserAppHost.ScreenshotAsync(phone, "admin-inbox-thread-phone");
    }
}
