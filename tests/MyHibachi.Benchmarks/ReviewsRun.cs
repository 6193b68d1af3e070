using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using MyHibachi.TestSupport;

namespace MyHibachi.Benchmarks;

/// <summary>
/// Reviews and loyalty: photo uploads (checked, decoded, cut to three widths, re-encoded; the CPU-heavy
/// path), the public pages' reads (the feed, the rating summary, a chef's profile, a photo), and a
/// customer reading their rewards.
/// </summary>
public sealed class ReviewsRun(BenchSystem system)
{
    public sealed record Uploads(int Count, double P50, double P95, double Max, long Bytes);

    /// <summary>Sequential uploads of a 2000 × 1500 phone JPEG for the demo customer's completed party.</summary>
    public async Task<(Uploads Result, string Token, Guid? PhotoId)> UploadAsync(int count)
    {
        using var login = system.Client();
        var token = await BenchSystem.LoginAsync(login, "olivia.bennett@example.com", BenchSystem.DemoPassword);
        using var http = system.Client(token);
        var bookingId = await system.ScalarAsync<Guid>(
            "SELECT b.id FROM bookings b JOIN customers c ON c.id = b.customer_id WHERE c.email = 'olivia.bennett@example.com' AND b.status = 'Completed' LIMIT 1");
        var photo = TestImages.JpegWithGps(2000, 1500);
        var times = new List<double>();
        Guid? last = null;
        for (var i = 0; i < count; i++)
        {
            using var form = new MultipartFormDataContent { { new StringContent(bookingId.ToString()), "bookingId" } };
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "party.jpg");
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync("/api/v1/reviews/photos", form);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            last = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }

        times.Sort();
        return (new Uploads(count, times[times.Count / 2], times[(int)(times.Count * 0.95)], times[^1], photo.LongLength), token, last);
    }

    /// <summary>What visitors read: the feed (two orders), the rating, a chef's profile, one photo size (the author's, so private).</summary>
    public IReadOnlyList<Operation> VisitorMix(IReadOnlyList<Guid> chefs) =>
    [
        new("reviews feed", 40, (http, random) => GetAsync(http, random.Next(2) == 0 ? "/api/v1/reviews" : "/api/v1/reviews?sort=highest&pageSize=12")),
        new("rating summary", 30, (http, _) => GetAsync(http, "/api/v1/reviews/summary")),
        new("chef profile", 20, (http, random) => GetAsync(http, $"/api/v1/chefs/{chefs[random.Next(chefs.Count)]}/profile")),
        new("chefs", 10, (http, _) => GetAsync(http, "/api/v1/chefs/public")),
    ];

    /// <summary>A signed-in customer reading their rewards and history.</summary>
    public static IReadOnlyList<Operation> CustomerMix(string token) =>
    [
        new("my rewards", 60, (http, _) => GetAsync(http, "/api/v1/loyalty/me", token)),
        new("points history", 40, (http, _) => GetAsync(http, "/api/v1/loyalty/me/history", token)),
    ];

    private static async Task<int> GetAsync(HttpClient http, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? (int)response.StatusCode : -(int)response.StatusCode;
    }
}
