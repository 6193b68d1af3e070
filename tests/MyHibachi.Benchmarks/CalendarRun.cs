using System.Net;
using System.Net.Http.Json;

namespace MyHibachi.Benchmarks;

/// <summary>
/// The site's month calendar and change preview: a month of a 40-chef station's open times, a month
/// of one booking's own chef's times, and a change priced before it is saved, mixed as a customer
/// choosing a date does (mostly looking, then a preview).
/// </summary>
public static class CalendarRun
{
    public static IReadOnlyList<Operation> Mix(BenchSystem system)
    {
        var ids = system.BookingIds;
        var token = system.AdminToken;
        return
        [
            new("station month", 50, async (http, random) =>
            {
                var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(3, 300));
                using var response = await http.GetAsync($"/api/stations/{system.StationId}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}&guests=12");
                return Expect(response);
            }),
            new("booking month", 35, async (http, random) =>
            {
                var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(3, 300));
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/bookings/{ids[random.Next(ids.Count)]}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}");
                request.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(request);
                return Expect(response);
            }),
            new("change preview", 15, async (http, random) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/bookings/{ids[random.Next(ids.Count)]}/preview")
                {
                    Content = JsonContent.Create(new { adults = random.Next(8, 30) }),
                };
                request.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(request);
                // 409 (the chef cannot take the longer party) is a business answer.
                return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict ? (int)response.StatusCode : -(int)response.StatusCode;
            }),
        ];
    }

    public static void Print(IReadOnlyList<LoadResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("## Month calendar and change preview");
        LoadRunner.PrintTable("Virtual users", results);
    }

    private static int Expect(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.OK ? 200 : -(int)response.StatusCode;
}
