using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyHibachi.IntegrationTests.Support;

public sealed record ProblemBody(string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors, string? Code = null);

public sealed record ApiResponse<T>(HttpStatusCode Status, T? Body, ProblemBody? Problem, HttpResponseHeaders Headers, string Raw)
{
    public string? ETag => Headers.ETag?.Tag;

    public T Ok(HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(Status == expected, $"expected {(int)expected}, got {(int)Status}: {Raw}");
        return Body!;
    }

    public ProblemBody Refused(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"expected {(int)expected}, got {(int)Status}: {Raw}");
        Assert.NotNull(Problem);
        return Problem!;
    }

    /// <summary>A 400 whose errors name <paramref name="field"/>.</summary>
    public ProblemBody InvalidField(string field)
    {
        var problem = Refused(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors?.ContainsKey(field) == true, $"no error for '{field}': {Raw}");
        return problem;
    }
}

/// <summary>
/// A thin HTTP client for the Api plus helpers that build a small business to test against. Each
/// client is its own "visitor": it sends a made-up CF-Connecting-IP, which the test Api trusts from
/// loopback, so rate limits count per client as they would per visitor.
/// </summary>
public sealed class HibachiApiClient : IDisposable
{
    private static int _clients = Random.Shared.Next(0, 1000);

    private readonly HttpClient http;

    public HibachiApiClient(HttpClient http)
    {
        this.http = http;
        // Each client its own address, never shared within a test run (a random one could meet another
        // client's rate-limit count in the same minute).
        var n = Interlocked.Increment(ref _clients);
        ClientIp = $"198.{18 + (n / (254 * 256) % 2)}.{n / 254 % 256}.{n % 254 + 1}";
        http.DefaultRequestHeaders.Add("CF-Connecting-IP", ClientIp);
    }

    public string ClientIp { get; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private int _sequence;

    public HttpClient Http => http;

    public async Task<ApiResponse<T>> SendAsync<T>(HttpMethod method, string path, object? body = null, string? ifMatch = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is HttpContent content)
        {
            request.Content = content;
        }
        else if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        var result = !isProblem && response.IsSuccessStatusCode && text.Length > 0 && typeof(T) != typeof(string)
            ? JsonSerializer.Deserialize<T>(text, Json)
            : typeof(T) == typeof(string) ? (T)(object)text : default;
        var problem = isProblem ? JsonSerializer.Deserialize<ProblemBody>(text, Json) : null;
        return new ApiResponse<T>(response.StatusCode, result, problem, response.Headers, text);
    }

    public Task<ApiResponse<T>> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path);

    /// <summary>Signs in and sends the access token with every later request.</summary>
    public async Task<TokenResponse> SignInAsync(string email, string password)
    {
        var response = await PostAsync<TokenResponse>("/api/auth/login", new { email, password });
        var tokens = response.Ok();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return tokens;
    }

    public void UseAccessToken(string? token) =>
        http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    public Task<ApiResponse<T>> PostAsync<T>(string path, object? body = null, string? ifMatch = null, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync<T>(HttpMethod.Post, path, body ?? "{}", ifMatch, headers);

    public Task<ApiResponse<T>> PutAsync<T>(string path, object body, string? ifMatch = null) => SendAsync<T>(HttpMethod.Put, path, body, ifMatch);

    public Task<ApiResponse<string>> DeleteAsync(string path, string? reason) =>
        SendAsync<string>(HttpMethod.Delete, path, reason is null ? null : new { reason });

    /// <summary>A local date in New York, comfortably past the default 48-hour notice.</summary>
    public static DateOnly FutureDate(int daysAhead = 10) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NewYork).DateTime).AddDays(daysAhead);

    public async Task<StationDto> CreateStationAsync(string zip = "30303", int radius = 120, string timeZone = "America/New_York", int notice = 48)
    {
        var code = $"t{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid().ToString("N")[..6]}";
        var response = await PostAsync<StationDto>("/api/stations", new StationRequest(code, $"Station {code}", timeZone, zip, radius, notice, 72, true));
        return response.Ok(HttpStatusCode.Created);
    }

    /// <summary>A chef who works every day 09:00–23:00 local time.</summary>
    public async Task<ChefDetailDto> CreateChefAsync(Guid stationId, int maxPerDay = 3, string start = "09:00", string end = "23:00", int bufferBefore = 60, int bufferAfter = 45)
    {
        var n = Interlocked.Increment(ref _sequence);
        var hours = Enum.GetValues<DayOfWeek>().Select(d => new WorkingHoursDto(d, start, end)).ToList();
        var response = await PostAsync<ChefDetailDto>("/api/chefs", new ChefRequest(
            stationId, "Chef", $"Number{n}", $"chef{n}-{Guid.NewGuid():N}@example.com", "(404) 555-0100", null, true, maxPerDay, bufferBefore, bufferAfter, hours));
        return response.Ok(HttpStatusCode.Created);
    }

    public CreateBookingRequest BookingRequest(Guid stationId, DateOnly date, string time = "18:00", int adults = 10, int children = 0,
        string? email = null, string zip = "30305", IReadOnlyList<SelectionDto>? selections = null, bool? assignChef = null, Guid? chefId = null) =>
        new(stationId, null, new ContactRequest("Pat", "Customer", email ?? $"pat{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}@example.com", "(404) 555-0199"),
            date, time, adults, children, new AddressDto("12 Peachtree St", null, "Atlanta", "GA", zip), selections ?? [], null, null, null, chefId, assignChef);

    public async Task<BookingDto> CreateBookingAsync(Guid stationId, DateOnly date, string time = "18:00", int adults = 10, string? email = null, bool? assignChef = null)
    {
        var response = await PostAsync<BookingDto>("/api/bookings", BookingRequest(stationId, date, time, adults, email: email, assignChef: assignChef));
        return response.Ok(HttpStatusCode.Created);
    }

    public async Task<(BookingDto Booking, string ETag)> GetBookingAsync(Guid id)
    {
        var response = await GetAsync<BookingDto>($"/api/bookings/{id}");
        return (response.Ok(), response.ETag!);
    }

    public void Dispose() => http.Dispose();
}
