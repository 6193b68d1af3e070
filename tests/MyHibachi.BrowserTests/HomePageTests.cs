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
}
