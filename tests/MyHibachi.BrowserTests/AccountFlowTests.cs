using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MyHibachi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class AccountFlowTests(BrowserAppHost host)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task A_customer_signs_up_forgets_the_password_and_sets_a_new_one_from_the_e_mail(int width)
    {
        var email = $"forgetful-{width}-{Guid.NewGuid():N}@example.com";
        var page = await host.NewPageAsync(width: width, height: width < 600 ? 844 : 900);

        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("First name").FillAsync("Fran");
        await page.GetByLabel("Last name").FillAsync("Forgetful");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(new Regex("^Password")).FillAsync("My first long passphrase 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        Assert.EndsWith("/Account/Bookings", page.Url);
        Assert.Contains("We sent a confirmation link", await page.Locator(".flash").InnerTextAsync());

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        Assert.Contains("reset link is on its way", await page.Locator("main").InnerTextAsync());
        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-forgot-password-sent");

        var mail = await host.WaitForMailAsync(email, "Choose a new MyHibachi password");
        var link = ResetLink().Match(mail);
        Assert.True(link.Success, "The e-mail holds no reset link.");
        await page.GotoAsync(link.Value.Replace("&amp;", "&", StringComparison.Ordinal));
        await page.GetByLabel(new Regex("^New password")).FillAsync("My second long passphrase 2");
        await BrowserAppHost.ScreenshotAsync(page, (width < 600 ? "phone" : "desktop") + "-reset-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my new password" }).ClickAsync();
        Assert.Contains("Your password is changed", await page.Locator(".flash").InnerTextAsync());

        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password").FillAsync("My second long passphrase 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/Account/Bookings", page.Url);
    }

    [GeneratedRegex(@"/Account/ResetPassword\?email=[^""\s<>]+&(amp;)?token=[A-Za-z0-9_\-%]+")]
    private static partial Regex ResetLink();
}
