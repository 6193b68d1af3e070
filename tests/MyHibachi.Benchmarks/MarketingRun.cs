using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MyHibachi.Contracts;

namespace MyHibachi.Benchmarks;

/// <summary>
/// The marketing dashboards: every number is added up in PostgreSQL from the synced rows, so this measures those
/// reads over the Development demo set (90 days of Search Console, Google Ads and GA4 rows) as staff open the pages.
/// </summary>
public sealed class MarketingRun(BenchSystem system)
{
    /// <summary>Loads the demo set; returns the time it took and the rows stored.</summary>
    public async Task<(double Seconds, long Rows)> LoadDemoAsync()
    {
        using var admin = system.Client(system.AdminToken);
        var started = Stopwatch.GetTimestamp();
        using var response = await admin.PostAsync("/api/v1/marketing/demo", null);
        response.EnsureSuccessStatusCode();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (seconds, await system.ScalarAsync<long>("SELECT count(*) FROM marketing_facts"));
    }

    /// <summary>
    /// The sync's write path: a 90-day Google Ads read (5 campaigns; device, hour, keyword, search term and location rows
    /// each day) sent as the Workers send it, in parts of whole days, to the internal endpoint, which replaces each part's
    /// days, fires the CPA alerts and, after the last part, refreshes the recommendations. Returns the rows, the parts and
    /// the seconds of each part.
    /// </summary>
    public async Task<(int Rows, int Parts, long Bytes, double Seconds, double SlowestPart)> IngestAdsAsync(int daysPerPart = 15)
    {
        var secret = await system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
            .Single(p => p.Name == "workers-client-secret").GetValueAsync(CancellationToken.None);
        using var anonymous = system.Client();
        using var tokenResponse = await anonymous.PostAsJsonAsync("/api/auth/service-token", new ServiceTokenRequest("workers", secret));
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<ServiceTokenResponse>())!.AccessToken;
        using var workers = system.Client(token);

        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var from = to.AddDays(-89);
        var random = new Random(18);
        var facts = new List<MarketingFact>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            for (var c = 1; c <= 5; c++)
            {
                var campaign = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
                MarketingFact Row(string report, string? key2) =>
                    new(report, day, campaign, key2, random.Next(0, 60), random.Next(100, 2000), random.Next(0, 40_000_000), random.Next(0, 4), 0, 0, 0, 0);
                facts.Add(Row("ads.campaign", "Campaign " + campaign));
                facts.AddRange(new[] { "MOBILE", "DESKTOP", "TABLET" }.Select(d => Row("ads.device", d)));
                facts.AddRange(Enumerable.Range(8, 14).Select(h => Row("ads.hour", h.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                facts.AddRange(Enumerable.Range(0, 20).Select(k => Row("ads.keyword", $"[hibachi keyword {k}]")));
                facts.AddRange(Enumerable.Range(0, 30).Select(t => Row("ads.search_term", $"hibachi search term number {t} near me")));
                facts.AddRange(Enumerable.Range(0, 10).Select(l => Row("ads.location", $"City {l}, Georgia")));
            }
        }

        var campaigns = Enumerable.Range(1, 5).Select(c => new AdsCampaignInfo(c.ToString(System.Globalization.CultureInfo.InvariantCulture), "Campaign " + c, "ENABLED", 50_000_000))
            .ToList();
        var parts = new List<MarketingDataReport>();
        for (var start = from; start <= to; start = start.AddDays(daysPerPart))
        {
            var end = start.AddDays(daysPerPart - 1) < to ? start.AddDays(daysPerPart - 1) : to;
            var first = parts.Count == 0;
            parts.Add(new MarketingDataReport(start, end, facts.Where(f => f.Date >= start && f.Date <= end).ToList(), first ? campaigns : null, first ? [] : null, null, null,
                More: end < to));
        }

        long bytes = 0;
        var slowest = 0d;
        var started = Stopwatch.GetTimestamp();
        foreach (var part in parts)
        {
            using var content = JsonContent.Create(part);
            await content.LoadIntoBufferAsync();
            bytes += content.Headers.ContentLength ?? 0;
            var partStarted = Stopwatch.GetTimestamp();
            using var response = await workers.PutAsync("/api/internal/marketing/ads/data", content);
            response.EnsureSuccessStatusCode();
            slowest = Math.Max(slowest, Stopwatch.GetElapsedTime(partStarted).TotalSeconds);
        }

        return (facts.Count, parts.Count, bytes, Stopwatch.GetElapsedTime(started).TotalSeconds, slowest);
    }

    private static Operation Get(string name, int weight, string path) => new(name, weight, async (http, _) =>
    {
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? (int)response.StatusCode : -(int)response.StatusCode;
    });

    public static IReadOnlyList<Operation> StaffMix()
    {
        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var quarter = $"from={to.AddDays(-89):yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        return
        [
            Get("overview (28 days)", 3, "/api/v1/marketing/overview"),
            Get("ads (90 days)", 2, "/api/v1/marketing/ads?" + quarter),
            Get("search (28 days)", 2, "/api/v1/marketing/search"),
            Get("analytics (28 days)", 2, "/api/v1/marketing/analytics"),
            Get("search terms CSV (90 days)", 1, "/api/v1/marketing/export/ads-search-terms.csv?" + quarter),
        ];
    }
}
