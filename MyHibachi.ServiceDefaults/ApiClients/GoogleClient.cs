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

    public Task<ApiResult<IReadOnlyList<Guid>>> StaleBookingsAsync(Guid chefId, CancellationToken ct) =>
        GetAsync<IReadOnlyList<Guid>>($"/api/internal/google/calendar/stale-bookings?chefId={chefId}", ct);

    public Task<ApiResult<BookingCalendarPlanDto>> BookingPlanAsync(Guid bookingId, CancellationToken ct) =>
        GetAsync<BookingCalendarPlanDto>($"/api/internal/google/calendar/bookings/{bookingId}", ct);

    public Task<ApiResult<Done>> ReportBookingEventsAsync(Guid bookingId, BookingCalendarReport report, CancellationToken ct) =>
        PutAsync<Done>($"/api/internal/google/calendar/bookings/{bookingId}", report, ct);

    public Task<ApiResult<IReadOnlyList<BusinessSyncTargetDto>>> BusinessTargetsAsync(Guid? stationId, CancellationToken ct) =>
        GetAsync<IReadOnlyList<BusinessSyncTargetDto>>($"/api/internal/google/business/targets{(stationId is null ? "" : $"?stationId={stationId}")}", ct);

    public Task<ApiResult<GoogleReviewsResult>> ReportReviewsAsync(Guid stationId, GoogleReviewsReport report, CancellationToken ct) =>
        PutAsync<GoogleReviewsResult>($"/api/internal/google/business/{stationId}/reviews", report, ct);

    public Task<ApiResult<Done>> ReportHoursAsync(Guid stationId, BusinessHoursReport report, CancellationToken ct) =>
        PutAsync<Done>($"/api/internal/google/business/{stationId}/hours", report, ct);

    public Task<ApiResult<ReviewReplyPostDto>> ReplyToPostAsync(Guid reviewId, CancellationToken ct) =>
        GetAsync<ReviewReplyPostDto>($"/api/internal/google/reviews/{reviewId}/reply", ct);

    public Task<ApiResult<Done>> ReportReplyAsync(Guid reviewId, ReviewReplyReport report, CancellationToken ct) =>
        PutAsync<Done>($"/api/internal/google/reviews/{reviewId}/reply", report, ct);

    // ---- Business Profile (staff) ----

    public Task<ApiResult<IReadOnlyList<BusinessLocationDto>>> BusinessLocationsAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<BusinessLocationDto>>("/api/v1/google/business/locations", ct);

    public Task<ApiResult<BusinessLocationDto>> SaveBusinessLocationAsync(Guid stationId, BusinessLocationRequest request, CancellationToken ct) =>
        PutAsync<BusinessLocationDto>($"/api/v1/google/business/locations/{stationId}", request, ct);

    public Task<ApiResult<Done>> SyncBusinessProfileAsync(Guid? stationId, CancellationToken ct) =>
        PostAsync<Done>($"/api/v1/google/business/sync{(stationId is null ? "" : $"?stationId={stationId}")}", null, ct);

    public Task<ApiResult<PagedList<GoogleReviewDto>>> GoogleReviewsAsync(GoogleReviewQuery query, CancellationToken ct) =>
        GetAsync<PagedList<GoogleReviewDto>>($"/api/v1/google/reviews{Query(query)}", ct);

    public Task<ApiResult<RatingOverviewDto>> RatingOverviewAsync(CancellationToken ct) => GetAsync<RatingOverviewDto>("/api/v1/google/reviews/overview", ct);

    /// <summary>The public ratings: this site's, Google's and both together (anonymous).</summary>
    public Task<ApiResult<RatingOverviewDto>> PublicRatingsAsync(CancellationToken ct) => GetAsync<RatingOverviewDto>("/api/v1/ratings", ct);

    public Task<ApiResult<GoogleReviewDto>> SaveReplyAsync(Guid id, string? text, CancellationToken ct) =>
        PutAsync<GoogleReviewDto>($"/api/v1/google/reviews/{id}/draft", new ReviewReplyRequest(text), ct);

    public Task<ApiResult<GoogleReviewDto>> DraftReplyAsync(Guid id, string kind, CancellationToken ct) =>
        PostAsync<GoogleReviewDto>($"/api/v1/google/reviews/{id}/draft?kind={kind}", null, ct);

    public Task<ApiResult<GoogleReviewDto>> ApproveReplyAsync(Guid id, CancellationToken ct) => PostAsync<GoogleReviewDto>($"/api/v1/google/reviews/{id}/approve", null, ct);
}
