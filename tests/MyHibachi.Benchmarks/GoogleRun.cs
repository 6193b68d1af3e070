using System.Diagnostics;
using System.Text.Json;

namespace MyHibachi.Benchmarks;

/// <summary>
/// Google calendars: what busy times from chefs' own calendars cost the booking wizard (a month of a 40-chef
/// station's open times, before and after every chef has 100 busy times ahead), and a chef's private ICS feed.
/// </summary>
public sealed class GoogleRun(BenchSystem system)
{
    public IReadOnlyList<Operation> StationMonth() =>
    [
        new("station month", 1, async (http, random) =>
        {
            var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(3, 300));
            using var response = await http.GetAsync($"/api/stations/{system.StationId}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}&guests=12");
            return response.IsSuccessStatusCode ? (int)response.StatusCode : -(int)response.StatusCode;
        }),
    ];

    /// <summary>Every chef of the benchmark station gets <paramref name="perChef"/> two-hour busy times spread over the next 300 days.</summary>
    public Task<int> AddBusyTimesAsync(int perChef) => system.ExecuteAsync(
        """
        INSERT INTO chef_external_busy (id, chef_id, source, external_id, starts_at, ends_at, synced_at)
        SELECT gen_random_uuid(), c.id, 'Google', 'bench-' || n, now() + make_interval(days => 3 + n * 3, hours => (n % 10)), now() + make_interval(days => 3 + n * 3, hours => (n % 10) + 2), now()
        FROM chefs c CROSS JOIN generate_series(1, @perChef) AS n
        WHERE c.station_id = @station
        """, ("perChef", perChef), ("station", system.StationId));

    public sealed record FeedResult(int Requests, int Events, double P50, double P95, long Bytes);

    /// <summary>Sequential reads of the busiest chef's private feed, as calendar apps poll it.</summary>
    public async Task<FeedResult> FeedAsync(int requests)
    {
        var chefId = await system.ScalarAsync<Guid>(
            "SELECT chef_id FROM bookings WHERE chef_id IS NOT NULL AND status IN ('Pending', 'Confirmed') GROUP BY chef_id ORDER BY count(*) DESC LIMIT 1");
        using var admin = system.Client(system.AdminToken);
        var calendar = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/chefs/{chefId}/calendar")).RootElement;
        var feedUrl = new Uri(calendar.GetProperty("feedUrl").GetString()!);
        var token = feedUrl.Segments[^1][..^4];
        using var http = system.Client();
        var times = new List<double>();
        var bytes = 0L;
        var events = 0;
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var text = await http.GetStringAsync($"/api/v1/chefs/{chefId}/calendar.ics?token={token}");
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            bytes = text.Length;
            events = text.Split("BEGIN:VEVENT").Length - 1;
        }

        times.Sort();
        return new FeedResult(requests, events, times[times.Count / 2], times[(int)(times.Count * 0.95)], bytes);
    }
}
