using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>Google: connections (staff), chefs' calendar links and feeds, and the Workers' sync endpoints.</summary>
public sealed class GoogleClient(HttpClient http, ILogger<GoogleClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<IReadOnlyList<GoogleConnectionDto>>> ConnectionsAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<GoogleConnectionDto>>("/api/v1/google/connections", ct);

    public Task<ApiResult<GoogleConnectionDto>> ConnectionAsync(Guid id, CancellationToken ct) => GetAsync<GoogleConnectionDto>($"/api/v1/google/connections/{id}", ct);

    public Task<ApiResult<GoogleConnectionDto>> SaveConnectionAsync(Guid? id, GoogleConnectionRequest request, CancellationToken ct) =>
        id is null
            ? PostAsync<GoogleConnectionDto>("/api/v1/google/connections", request, ct)
            : PutAsync<GoogleConnectionDto>($"/api/v1/google/connections/{id}", request, ct);

    public Task<ApiResult<Done>> DeleteConnectionAsync(Guid id, CancellationToken ct) => DeleteAsync($"/api/v1/google/connections/{id}", null, ct);

    public Task<ApiResult<ChefCalendarDto>> ChefCalendarAsync(Guid chefId, CancellationToken ct) => GetAsync<ChefCalendarDto>($"/api/v1/chefs/{chefId}/calendar", ct);

    public Task<ApiResult<ChefCalendarDto>> LinkChefCalendarAsync(Guid chefId, ChefCalendarRequest request, CancellationToken ct) =>
        PutAsync<ChefCalendarDto>($"/api/v1/chefs/{chefId}/calendar", request, ct);

    public Task<ApiResult<ChefCalendarDto>> SyncChefCalendarAsync(Guid chefId, CancellationToken ct) =>
        PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chefId}/calendar/sync", null, ct);

    public Task<ApiResult<ChefCalendarDto>> ResetFeedAsync(Guid chefId, CancellationToken ct) =>
        PostAsync<ChefCalendarDto>($"/api/v1/chefs/{chefId}/calendar/feed/reset", null, ct);

    public Task<ApiResult<FileDownload>> FeedAsync(Guid chefId, string token, CancellationToken ct) =>
        DownloadAsync($"/api/v1/chefs/{chefId}/calendar.ics?token={Uri.EscapeDataString(token)}", ct);

    // ---- The Workers ----

    public Task<ApiResult<GoogleCredentialDto>> CredentialAsync(Guid connectionId, CancellationToken ct) =>
        GetAsync<GoogleCredentialDto>($"/api/internal/google/connections/{connectionId}/credential", ct);

    public Task<ApiResult<GoogleConnectionDto>> ReportTokenAsync(Guid connectionId, GoogleTokenReport report, CancellationToken ct) =>
        PutAsync<GoogleConnectionDto>($"/api/internal/google/connections/{connectionId}/token", report, ct);

    public Task<ApiResult<IReadOnlyList<CalendarSyncTargetDto>>> CalendarTargetsAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<CalendarSyncTargetDto>>("/api/internal/google/calendar/targets", ct);

    public Task<ApiResult<CalendarSyncTargetDto>> StartCalendarSyncAsync(Guid chefId, CancellationToken ct) =>
        PostAsync<CalendarSyncTargetDto>($"/api/internal/google/calendar/chefs/{chefId}/start", null, ct);

    public Task<ApiResult<CalendarBusyResult>> ReportBusyAsync(Guid chefId, CalendarBusyReport report, CancellationToken ct) =>
        PutAsync<CalendarBusyResult>($"/api/internal/google/calendar/chefs/{chefId}/busy", report, ct);

    public Task<ApiResult<Done>> ReportWatchAsync(Guid chefId, CalendarWatchReport report, CancellationToken ct) =>
        PutAsync<Done>($"/api/internal/google/calendar/chefs/{chefId}/watch", report, ct);

    public Task<ApiResult<BookingCalendarPlanDto>> BookingPlanAsync(Guid bookingId, CancellationToken ct) =>
        GetAsync<BookingCalendarPlanDto>($"/api/internal/google/calendar/bookings/{bookingId}", ct);

    public Task<ApiResult<Done>> ReportBookingEventsAsync(Guid bookingId, BookingCalendarReport report, CancellationToken ct) =>
        PutAsync<Done>($"/api/internal/google/calendar/bookings/{bookingId}", report, ct);
}
