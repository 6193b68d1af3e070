using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyHibachi.Web.Api;

/// <summary>
/// The Api as the site uses it. Calls go out with the signed-in user's access token (added by
/// <see cref="AccessTokenHandler"/>); every answer comes back as an <see cref="ApiResult{T}"/>.
/// </summary>
public sealed class HibachiApi(HttpClient http, ILogger<HibachiApi> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    // Public site
    public Task<ApiResult<Menu>> MenuAsync(CancellationToken ct) => GetAsync<Menu>("/api/menu", ct);

    public Task<ApiResult<IReadOnlyList<Station>>> StationsAsync(CancellationToken ct, bool includeInactive = false) =>
        GetAsync<IReadOnlyList<Station>>($"/api/stations{(includeInactive ? "?includeInactive=true" : "")}", ct);

    public Task<ApiResult<Station>> StationAsync(Guid id, CancellationToken ct) => GetAsync<Station>($"/api/stations/{id}", ct);

    public Task<ApiResult<ServiceArea>> ServiceAreaAsync(string zip, CancellationToken ct) => GetAsync<ServiceArea>($"/api/service-area?zip={Uri.EscapeDataString(zip)}", ct);

    public Task<ApiResult<StationSlots>> SlotsAsync(Guid stationId, DateOnly from, DateOnly to, int guests, CancellationToken ct) =>
        GetAsync<StationSlots>($"/api/stations/{stationId}/slots?from={Date(from)}&to={Date(to)}&guests={guests}", ct);

    public Task<ApiResult<Quote>> QuoteAsync(QuoteRequest request, CancellationToken ct) => SendAsync<Quote>(HttpMethod.Post, "/api/quote/calculate", request, ct);

    public Task<ApiResult<Booking>> CreateBookingAsync(CreateBookingRequest request, string idempotencyKey, CancellationToken ct) =>
        SendAsync<Booking>(HttpMethod.Post, "/api/bookings", request, ct, headers: new() { ["Idempotency-Key"] = idempotencyKey });

    public Task<ApiResult<LeadReceipt>> InquireAsync(InquiryRequest request, CancellationToken ct) => SendAsync<LeadReceipt>(HttpMethod.Post, "/api/leads", request, ct);

    // Accounts
    public Task<ApiResult<Tokens>> LoginAsync(string email, string password, CancellationToken ct) =>
        SendAsync<Tokens>(HttpMethod.Post, "/api/auth/login", new { email, password }, ct);

    public Task<ApiResult<Tokens>> RegisterAsync(object request, CancellationToken ct) => SendAsync<Tokens>(HttpMethod.Post, "/api/auth/register", request, ct);

    public Task<ApiResult<Tokens>> RefreshAsync(string refreshToken, CancellationToken ct) =>
        SendAsync<Tokens>(HttpMethod.Post, "/api/auth/refresh", new { refreshToken }, ct);

    public Task<ApiResult<JsonElement>> LogoutAsync(string refreshToken, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Post, "/api/auth/logout", new { refreshToken }, ct);

    public Task<ApiResult<JsonElement>> ConfirmEmailAsync(string email, string token, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Post, "/api/auth/confirm-email", new { email, token }, ct);

    // Bookings
    public Task<ApiResult<Paged<BookingSummary>>> BookingsAsync(string query, CancellationToken ct) => GetAsync<Paged<BookingSummary>>($"/api/bookings?{query}", ct);

    public Task<ApiResult<Booking>> BookingAsync(Guid id, CancellationToken ct) => GetAsync<Booking>($"/api/bookings/{id}", ct);

    public Task<ApiResult<Booking>> UpdateBookingAsync(Guid id, UpdateBookingRequest request, string etag, CancellationToken ct) =>
        SendAsync<Booking>(HttpMethod.Put, $"/api/bookings/{id}", request, ct, etag);

    public Task<ApiResult<Booking>> BookingActionAsync(Guid id, string action, object? body, CancellationToken ct) =>
        SendAsync<Booking>(HttpMethod.Post, $"/api/bookings/{id}/{action}", body ?? new { }, ct);

    public Task<ApiResult<IReadOnlyList<AvailableChef>>> AvailableChefsAsync(Guid id, CancellationToken ct) =>
        GetAsync<IReadOnlyList<AvailableChef>>($"/api/bookings/{id}/available-chefs", ct);

    public Task<ApiResult<Dashboard>> DashboardAsync(Guid? stationId, CancellationToken ct) =>
        GetAsync<Dashboard>($"/api/admin/dashboard{(stationId is { } id ? $"?stationId={id}" : "")}", ct);

    // Staff
    public Task<ApiResult<Paged<Customer>>> CustomersAsync(string query, CancellationToken ct) => GetAsync<Paged<Customer>>($"/api/customers?{query}", ct);

    public Task<ApiResult<Customer>> CustomerAsync(Guid id, CancellationToken ct) => GetAsync<Customer>($"/api/customers/{id}", ct);

    public Task<ApiResult<Customer>> SaveCustomerAsync(Guid? id, CustomerRequest request, string? etag, CancellationToken ct) =>
        id is { } existing ? SendAsync<Customer>(HttpMethod.Put, $"/api/customers/{existing}", request, ct, etag) : SendAsync<Customer>(HttpMethod.Post, "/api/customers", request, ct);

    public Task<ApiResult<Paged<Chef>>> ChefsAsync(string query, CancellationToken ct) => GetAsync<Paged<Chef>>($"/api/chefs?{query}", ct);

    public Task<ApiResult<ChefDetail>> ChefAsync(Guid id, CancellationToken ct) => GetAsync<ChefDetail>($"/api/chefs/{id}", ct);

    public Task<ApiResult<ChefDetail>> SaveChefAsync(Guid? id, ChefRequest request, string? etag, CancellationToken ct) =>
        id is { } existing ? SendAsync<ChefDetail>(HttpMethod.Put, $"/api/chefs/{existing}", request, ct, etag) : SendAsync<ChefDetail>(HttpMethod.Post, "/api/chefs", request, ct);

    public Task<ApiResult<ChefDetail>> SetDateOverrideAsync(Guid chefId, DateOnly date, object request, CancellationToken ct) =>
        SendAsync<ChefDetail>(HttpMethod.Put, $"/api/chefs/{chefId}/date-overrides/{Date(date)}", request, ct);

    public Task<ApiResult<JsonElement>> RemoveDateOverrideAsync(Guid chefId, DateOnly date, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"/api/chefs/{chefId}/date-overrides/{Date(date)}", null, ct);

    public Task<ApiResult<TimeOff>> AddTimeOffAsync(Guid chefId, object request, CancellationToken ct) =>
        SendAsync<TimeOff>(HttpMethod.Post, $"/api/chefs/{chefId}/time-off", request, ct);

    public Task<ApiResult<JsonElement>> RemoveTimeOffAsync(Guid chefId, Guid timeOffId, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"/api/chefs/{chefId}/time-off/{timeOffId}", null, ct);

    public Task<ApiResult<Station>> SaveStationAsync(Guid? id, StationRequest request, string? etag, CancellationToken ct) =>
        id is { } existing ? SendAsync<Station>(HttpMethod.Put, $"/api/stations/{existing}", request, ct, etag) : SendAsync<Station>(HttpMethod.Post, "/api/stations", request, ct);

    public Task<ApiResult<Paged<Lead>>> LeadsAsync(string query, CancellationToken ct) => GetAsync<Paged<Lead>>($"/api/admin/leads?{query}", ct);

    public Task<ApiResult<Lead>> LeadAsync(Guid id, CancellationToken ct) => GetAsync<Lead>($"/api/admin/leads/{id}", ct);

    public Task<ApiResult<Lead>> LeadActionAsync(Guid id, string action, object? body, CancellationToken ct) =>
        SendAsync<Lead>(HttpMethod.Post, $"/api/admin/leads/{id}/{action}", body ?? new { }, ct);

    public Task<ApiResult<Paged<AuditEntry>>> AuditAsync(string query, CancellationToken ct) => GetAsync<Paged<AuditEntry>>($"/api/admin/audit?{query}", ct);

    public Task<ApiResult<Paged<DeletedItem>>> DeletedAsync(string query, CancellationToken ct) => GetAsync<Paged<DeletedItem>>($"/api/admin/deleted?{query}", ct);

    public Task<ApiResult<JsonElement>> DeleteAsync(string path, string reason, CancellationToken ct) => SendAsync<JsonElement>(HttpMethod.Delete, path, new { reason }, ct);

    public Task<ApiResult<JsonElement>> PostAsync(string path, CancellationToken ct) => SendAsync<JsonElement>(HttpMethod.Post, path, new { }, ct);

    public Task<ApiResult<Paged<User>>> UsersAsync(string query, CancellationToken ct) => GetAsync<Paged<User>>($"/api/admin/users?{query}", ct);

    public Task<ApiResult<User>> UserAsync(Guid id, CancellationToken ct) => GetAsync<User>($"/api/admin/users/{id}", ct);

    public Task<ApiResult<User>> CreateUserAsync(CreateUserRequest request, CancellationToken ct) => SendAsync<User>(HttpMethod.Post, "/api/admin/users", request, ct);

    public Task<ApiResult<User>> UpdateUserAsync(Guid id, UpdateUserRequest request, CancellationToken ct) => SendAsync<User>(HttpMethod.Put, $"/api/admin/users/{id}", request, ct);

    public Task<ApiResult<RolesOverview>> RolesAsync(CancellationToken ct) => GetAsync<RolesOverview>("/api/admin/roles", ct);

    public Task<ApiResult<RolesOverview>> SetRolePermissionsAsync(string role, IReadOnlyList<string> permissions, CancellationToken ct) =>
        SendAsync<RolesOverview>(HttpMethod.Put, $"/api/admin/roles/{Uri.EscapeDataString(role)}", new { permissions }, ct);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, string? ifMatch = null, Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            var etag = response.Headers.ETag?.Tag;
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json, ct);
                return new ApiResult<T>(response.StatusCode, default, problem);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(response.StatusCode, default, new ApiProblem(Describe(response.StatusCode), (int)response.StatusCode, null, null));
            }

            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new ApiResult<T>(response.StatusCode, value, null, etag);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The Api did not answer {Method} {Path}.", method, path);
            return ApiResult<T>.Unreachable(exception.Message);
        }
    }

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Please sign in again.",
        HttpStatusCode.Forbidden => "You don't have access to this.",
        HttpStatusCode.NotFound => "We couldn't find that.",
        HttpStatusCode.TooManyRequests => "Too many requests; wait a minute and try again.",
        _ => "Something went wrong; please try again.",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Tells the Api who the visitor is (X-Forwarded-For), so its rate limits count per visitor, not
/// per site server. The Api believes it only from the site's address (Security:TrustedProxies).
/// </summary>
public sealed class VisitorAddressHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } visitor)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", (visitor.IsIPv4MappedToIPv6 ? visitor.MapToIPv4() : visitor).ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Adds the signed-in user's access token (refreshed when it is about to expire) to calls to the Api.</summary>
public sealed class AccessTokenHandler(Auth.SessionService session) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && await session.AccessTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
