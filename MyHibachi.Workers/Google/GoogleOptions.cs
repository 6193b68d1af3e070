namespace MyHibachi.Workers.Google;

/// <summary>
/// Where Google's APIs are (production by default; a local stand-in in tests) and how the Workers use them.
/// The credentials themselves are not settings: staff add them as connections and the Api keeps them encrypted.
/// </summary>
public sealed class GoogleOptions
{
    public const string Section = "Google";

    public string TokenEndpoint { get; set; } = "https://oauth2.googleapis.com/token";

    public string CalendarBaseUrl { get; set; } = "https://www.googleapis.com/calendar/v3/";

    /// <summary>Business Profile reviews (API v4).</summary>
    public string BusinessProfileBaseUrl { get; set; } = "https://mybusiness.googleapis.com/";

    /// <summary>Business Information API v1 (location hours).</summary>
    public string BusinessInformationBaseUrl { get; set; } = "https://mybusinessbusinessinformation.googleapis.com/";

    /// <summary>Search Console's Search Analytics API (the webmasters/v3 host).</summary>
    public string SearchConsoleBaseUrl { get; set; } = "https://www.googleapis.com/webmasters/v3/";

    /// <summary>Search Console's URL Inspection API.</summary>
    public string UrlInspectionBaseUrl { get; set; } = "https://searchconsole.googleapis.com/v1/";

    public string AdsBaseUrl { get; set; } = "https://googleads.googleapis.com/";

    /// <summary>The Google Ads API version in the path (each is served for about a year).</summary>
    public string AdsApiVersion { get; set; } = "v25";

    /// <summary>Sent as developer-token only when set (Google stopped requiring it in September 2026).</summary>
    public string? AdsDeveloperToken { get; set; }

    /// <summary>The Google Analytics Data API (GA4).</summary>
    public string AnalyticsBaseUrl { get; set; } = "https://analyticsdata.googleapis.com/";

    /// <summary>How often every connected marketing source is read.</summary>
    public TimeSpan MarketingSyncEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The most rows one report reads in one sync (paged); a report with more fails the sync rather than store a part of it.</summary>
    public int MaxRowsPerReport { get; set; } = 500_000;

    /// <summary>The largest part of a sync sent to the Api in one request (whole days each; the Api takes up to 16 MB there).</summary>
    public long MarketingPartBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How often every linked Business Profile location's reviews are read.</summary>
    public TimeSpan BusinessProfileSyncEvery { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The public address of the Api's <c>/api/v1/webhooks/google/calendar</c> (https, reachable by Google). Empty:
    /// no push channels, changes are read by the scheduled incremental sync.
    /// </summary>
    public string? CalendarPushAddress { get; set; }

    /// <summary>How long a push channel is asked to live (Google may shorten it); it is renewed a day before it ends.</summary>
    public TimeSpan CalendarPushLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often every linked calendar is read (incremental with a sync token after the first read).</summary>
    public TimeSpan CalendarSyncEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Tries for one request that Google answers with 429, 5xx or a rate-limit 403 (with back-off between them).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first back-off; each further try waits about twice as long (with jitter), capped by <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
