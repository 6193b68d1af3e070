using System.Net;
using System.Net.Http.Json;

namespace MyHibachi.Benchmarks;

/// <summary>The realistic mix: mostly pricing and browsing, some bookings, a few sign-ins.</summary>
public static class Mix
{
    private static readonly string[] Zips = ["30303", "30305", "30308", "30062", "30097", "30601", "30309", "30318"];

    public static IReadOnlyList<Operation> For(BenchSystem system)
    {
        var ids = system.BookingIds;
        var station = system.StationId;
        var token = system.AdminToken;
        return
        [
            new("quote", 30, async (http, random) =>
            {
                using var response = await http.PostAsJsonAsync("/api/quote/calculate", new
                {
                    zip = Zips[random.Next(Zips.Length)], adults = random.Next(5, 40), children = random.Next(0, 6),
                    selections = new[] { new { code = "lobster_tail", quantity = random.Next(1, 5) }, new { code = "gyoza", quantity = random.Next(1, 3) } },
                });
                return Expect(response, HttpStatusCode.Created);
            }),
            new("availability", 20, async (http, random) =>
            {
                var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(3, 300));
                using var response = await http.GetAsync($"/api/stations/{station}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(2):yyyy-MM-dd}&guests=12");
                return Expect(response, HttpStatusCode.OK);
            }),
            new("booking list", 15, async (http, random) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/bookings?stationId={station}&page={random.Next(1, 6)}&pageSize=20&sort=-startsAt");
                request.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(request);
                return Expect(response, HttpStatusCode.OK);
            }),
            new("booking detail", 15, async (http, random) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{ids[random.Next(ids.Count)]}");
                request.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(request);
                return Expect(response, HttpStatusCode.OK);
            }),
            new("booking create", 10, async (http, random) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(system.BookingBody(random)) };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await http.SendAsync(request);
                // 409 "no chef free" at that random time is a business answer, not a failure; 409 after
                // losing every retry to concurrent writers ("at the same moment") is counted as an error.
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    return (await response.Content.ReadAsStringAsync()).Contains("same moment", StringComparison.Ordinal) ? -409 : 201;
                }

                return Expect(response, HttpStatusCode.Created);
            }),
            // Sign-in checks the password with PBKDF2 (100,000 rounds, ~40 ms of CPU by design); a session
            // then lives on its tokens, so one request in a hundred is a sign-in.
            new("sign-in", 1, async (http, random) =>
            {
                var email = system.StaffEmails[random.Next(system.StaffEmails.Count)];
                using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = BenchSystem.DemoPassword });
                return Expect(response, HttpStatusCode.OK);
            }),
        ];
    }

    /// <summary>The status, or its negative when it is not the one this operation must answer (an error either way).</summary>
    private static int Expect(HttpResponseMessage response, HttpStatusCode expected) =>
        response.StatusCode == expected ? (int)response.StatusCode : -(int)response.StatusCode;
}
