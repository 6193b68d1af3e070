using Microsoft.AspNetCore.Builder;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Google;

/// <summary>
/// An AppHost of its own for the Google integrations, with Google's token endpoint and APIs answered by a local
/// server that speaks their wire formats (and pushes calendar notifications to this host's Api).
/// </summary>
public sealed class GoogleAppHost : ApiAppHost
{
    public LocalGoogleServer Google { get; private set; } = null!;

    /// <summary>Serves ICS files the chefs' calendars are imported from.</summary>
    public LocalProviderServer IcsHost { get; private set; } = null!;

    public Dictionary<string, string> IcsFiles { get; } = new(StringComparer.Ordinal);

    protected override bool WithStripe => false;

    protected override IEnumerable<string> ExtraArguments =>
    [
        $"--Google:TokenEndpoint={Google.TokenEndpoint}",
        $"--Google:CalendarBaseUrl={Google.CalendarBaseUrl}",
        "--Google:CalendarPushToLocalApi=true",
        // Back-off short enough for tests; the scheduled sync out of the way (the tests sync on demand and by push).
        "--Google:FirstDelay=00:00:00.200",
        "--Google:MaxDelay=00:00:02",
        "--Google:CalendarSyncEvery=1.00:00:00",
        $"--Google:BusinessProfileBaseUrl={Google.RootUrl}",
        $"--Google:BusinessInformationBaseUrl={Google.RootUrl}",
        "--Google:BusinessProfileSyncEvery=1.00:00:00",
        $"--Google:SearchConsoleBaseUrl={Google.RootUrl}webmasters/v3/",
        $"--Google:UrlInspectionBaseUrl={Google.RootUrl}v1/",
        $"--Google:AdsBaseUrl={Google.RootUrl}",
        $"--Google:AnalyticsBaseUrl={Google.RootUrl}",
        "--Google:MarketingSyncEvery=1.00:00:00",
        // Small parts: every sync goes to the Api in several requests of whole days.
        "--Google:MarketingPartBytes=4000",
        // Review replies can be drafted by an LLM: a local chat-completions server stands in for it.
        $"--Api:Assistant:Llm:Endpoint={Llm.Endpoint}",
        "--Api:Assistant:Llm:Model=local-test-model",
        "--Api:Assistant:Llm:ApiKey=sk-local",
        "--Api:Assistant:Llm:TimeoutSeconds=3",
    ];

    public LocalChatServer Llm { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Google = await LocalGoogleServer.StartAsync();
        Llm = await LocalChatServer.StartAsync();
        IcsHost = await LocalProviderServer.StartAsync(app => app.MapGet("/ics/{name}", (string name) =>
            IcsFiles.TryGetValue(name, out var text) ? Microsoft.AspNetCore.Http.Results.Text(text, "text/calendar") : Microsoft.AspNetCore.Http.Results.NotFound()));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Google.DisposeAsync();
        await Llm.DisposeAsync();
        await IcsHost.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GoogleCollection : ICollectionFixture<GoogleAppHost>
{
    public const string Name = "Google integrations against their own AppHost and a local Google";
}

[Collection(GoogleCollection.Name)]
public abstract class GoogleTest(GoogleAppHost host) : ApiTest(host)
{
    protected new GoogleAppHost Host => host;

    protected LocalGoogleServer Google => host.Google;

    protected async Task<GoogleConnectionDto> ServiceAccountAsync(string name = "Calendars") =>
        (await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections", new GoogleConnectionRequest(name, "service_account", null, null, null,
            Google.ServiceAccountKeyFile, null, ["https://www.googleapis.com/auth/calendar.events"]))).Ok();

    protected async Task<GoogleConnectionDto> RefreshTokenConnectionAsync(string name = "Owner's Google") =>
        (await Api.PostAsync<GoogleConnectionDto>("/api/v1/google/connections", new GoogleConnectionRequest(name, "refresh_token", Google.ClientId, Google.ClientSecret,
            Google.RefreshToken, null, null, ["https://www.googleapis.com/auth/calendar.events"]))).Ok();

    protected async Task<ChefCalendarDto> LinkAsync(Guid chefId, Guid? connectionId, string? calendarId, string? icsUrl = null) =>
        (await Api.PutAsync<ChefCalendarDto>($"/api/v1/chefs/{chefId}/calendar", new ChefCalendarRequest(connectionId, calendarId, icsUrl))).Ok();

    protected Task<ChefCalendarDto> CalendarAsync(Guid chefId) => Api.GetAsync<ChefCalendarDto>($"/api/v1/chefs/{chefId}/calendar").ContinueWith(t => t.Result.Ok());

    /// <summary>Waits for a sync that finished after <paramref name="after"/> (ok or failed).</summary>
    protected Task<ChefCalendarDto> SyncedAsync(Guid chefId, DateTimeOffset after, string what = "the calendar sync") =>
        EventuallyAsync(() => CalendarAsync(chefId), c => c.SyncStatus is "ok" or "failed" && (c.LastSyncedAt > after || c.SyncStatus == "failed"), what: what);

    /// <summary>A local instant in New York on a date.</summary>
    protected static DateTimeOffset At(DateOnly date, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
