using System.Diagnostics;

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
