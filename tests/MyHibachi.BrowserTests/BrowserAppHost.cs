using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using MyHibachi.AppHost.Infrastructure;
using MyHibachi.TestSupport;

namespace MyHibachi.BrowserTests;

/// <summary>The running system plus Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class BrowserAppHost : HibachiAppHost
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Every demo account's password (Development seed).</summary>
    public const string DemoPassword = "HibachiDemo!2026";

    // All browser traffic comes from one address; give it room for several full booking flows.
    protected override IEnumerable<string> AppHostArguments =>
    [
        "--Api:RateLimiting:PermitPerMinute=2000", "--Api:RateLimiting:AuthPermitPerMinute=500",
        // Card payments go to a local server that speaks Stripe's API and serves its Checkout page.
        $"--Api:Stripe:SecretKey={Stripe.SecretKey}", "--Api:Stripe:PublishableKey=pk_test_local", $"--Api:Stripe:WebhookSecret={Stripe.WebhookSecret}",
        $"--Api:Stripe:ApiBase={Stripe.Address.ToString().TrimEnd('/')}",
        $"--Web:Payments:CheckoutOrigin={Stripe.Address.ToString().TrimEnd('/')}",
        // Texts come and go through a local server that speaks RingCentral's API and sends its webhooks.
        $"--Channels:RingCentral:ServerUrl={RingCentral.Address}", $"--Channels:RingCentral:ClientId={RingCentral.ClientId}",
        $"--Channels:RingCentral:ClientSecret={RingCentral.ClientSecret}", $"--Channels:RingCentral:Jwt={RingCentral.Jwt}",
        $"--Channels:RingCentral:WebhookSecret={RingCentral.WebhookSecret}", $"--Channels:RingCentral:FromNumber={RingCentral.OurNumber}",
        // The demo customers' past parties earn their points within seconds of start.
        "--Workers:Jobs:LoyaltySettleEvery=00:00:05",
        // Google answers from a local server that speaks its token endpoint and Calendar API (and pushes changes).
        $"--Google:TokenEndpoint={Google.TokenEndpoint}", $"--Google:CalendarBaseUrl={Google.CalendarBaseUrl}", "--Google:CalendarPushToLocalApi=true",
        "--Google:FirstDelay=00:00:00.200", "--Google:MaxDelay=00:00:02",
        $"--Google:BusinessProfileBaseUrl={Google.RootUrl}", $"--Google:BusinessInformationBaseUrl={Google.RootUrl}",
    ];

    public LocalGoogleServer Google { get; private set; } = null!;

    public LocalRingCentralServer RingCentral { get; private set; } = null!;

    public Uri RingCentralWebhook { get; private set; } = null!;

    public LocalStripeServer Stripe { get; private set; } = null!;

    public Uri WebAddress { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "tests", "MyHibachi.BrowserTests", "screenshots");

    public override async Task InitializeAsync()
    {
        DebianPackages.EnsureInstalled([new RequiredPackage("chromium", () => File.Exists(ChromiumPath))], Console.Out);
        Stripe = await LocalStripeServer.StartAsync();
        RingCentral = await LocalRingCentralServer.StartAsync();
        Google = await LocalGoogleServer.StartAsync();
        await base.InitializeAsync();
        RingCentralWebhook = new Uri(App.GetEndpoint(ResourceNames.Api, "http"), "/api/v1/webhooks/ringcentral");
        WebAddress = App.GetEndpoint(ResourceNames.Web, "http");
        Stripe.WebhookUrl = new Uri(App.GetEndpoint(ResourceNames.Api, "http"), "/api/v1/stripe/webhook");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A desktop page by default; <paramref name="width"/> 390 is a phone.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = WebAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }

        if (RingCentral is not null)
        {
            await RingCentral.DisposeAsync();
        }

        if (Google is not null)
        {
            await Google.DisposeAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MyHibachi.sln")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppHost>
{
    public const string Name = "Browser";
}
