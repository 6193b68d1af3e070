using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>Reviews: the public feed and summary, writing and changing one's review, photos, moderation, chefs' profiles.</summary>
public sealed class ReviewsClient(HttpClient http, ILogger<ReviewsClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<PagedList<ReviewDto>>> ListAsync(ReviewListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<ReviewDto>>($"/api/v1/reviews{Query(query)}", ct);

    public Task<ApiResult<RatingSummaryDto>> SummaryAsync(CancellationToken ct, Guid? chefId = null) =>
        GetAsync<RatingSummaryDto>($"/api/v1/reviews/summary{(chefId is null ? "" : $"?chefId={chefId}")}", ct);

    public Task<ApiResult<ReviewDto>> GetAsync(Guid id, CancellationToken ct, string? token = null) =>
        GetAsync<ReviewDto>($"/api/v1/reviews/{id}{TokenQuery(token)}", ct);

    public Task<ApiResult<IReadOnlyList<ReviewableBookingDto>>> ReviewableAsync(Guid? bookingId, string? token, CancellationToken ct) =>
        GetAsync<IReadOnlyList<ReviewableBookingDto>>(bookingId is null ? "/api/v1/reviews/mine" : $"/api/v1/reviews/mine?bookingId={bookingId}{TokenQuery(token, "&")}", ct);

    public Task<ApiResult<ReviewDto>> CreateAsync(CreateReviewRequest request, CancellationToken ct) => PostAsync<ReviewDto>("/api/v1/reviews", request, ct);

    public Task<ApiResult<ReviewDto>> UpdateAsync(Guid id, UpdateReviewRequest request, CancellationToken ct) => PutAsync<ReviewDto>($"/api/v1/reviews/{id}", request, ct);

    public Task<ApiResult<Done>> DeleteAsync(Guid id, string? reason, CancellationToken ct, string? token = null) =>
        DeleteAsync($"/api/v1/reviews/{id}{TokenQuery(token)}", new DeleteRequest(reason), ct);

    public Task<ApiResult<ReviewLikeDto>> LikeAsync(Guid id, CancellationToken ct) => PostAsync<ReviewLikeDto>($"/api/v1/reviews/{id}/like", null, ct);

    public Task<ApiResult<ReviewPhotoDto>> UploadPhotoAsync(Guid bookingId, string? token, byte[] content, string fileName, CancellationToken ct)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(bookingId.ToString()), "bookingId" },
            { new ByteArrayContent(content), "file", fileName },
        };
        if (!string.IsNullOrEmpty(token))
        {
            form.Add(new StringContent(token), "token");
        }

        return PostFormAsync<ReviewPhotoDto>("/api/v1/reviews/photos", form, ct);
    }

    public Task<ApiResult<FileDownload>> PhotoAsync(Guid photoId, int width, CancellationToken ct, string? token = null) =>
        DownloadAsync($"/api/v1/reviews/photos/{photoId}/{width}{TokenQuery(token)}", ct);

    public Task<ApiResult<ChefProfileDto>> ChefProfileAsync(Guid chefId, int page, CancellationToken ct) =>
        GetAsync<ChefProfileDto>($"/api/v1/chefs/{chefId}/profile?page={page}", ct);

    public Task<ApiResult<IReadOnlyList<ChefCardDto>>> ChefCardsAsync(CancellationToken ct) => GetAsync<IReadOnlyList<ChefCardDto>>("/api/v1/chefs/public", ct);

    public Task<ApiResult<PagedList<ReviewDto>>> ModerationQueueAsync(ReviewModerationQuery query, CancellationToken ct) =>
        GetAsync<PagedList<ReviewDto>>($"/api/v1/reviews/moderation{Query(query)}", ct);

    public Task<ApiResult<ReviewDto>> ApproveAsync(Guid id, CancellationToken ct) => PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{id}/approve", null, ct);

    public Task<ApiResult<ReviewDto>> RejectAsync(Guid id, string? reason, CancellationToken ct) =>
        PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{id}/reject", new ModerationReasonRequest(reason), ct);

    public Task<ApiResult<ReviewDto>> FlagAsync(Guid id, string? reason, CancellationToken ct) =>
        PostAsync<ReviewDto>($"/api/v1/reviews/moderation/{id}/flag", new ModerationReasonRequest(reason), ct);

    public Task<ApiResult<ReviewDto>> EditAsync(Guid id, StaffReviewEditRequest request, CancellationToken ct) =>
        PutAsync<ReviewDto>($"/api/v1/reviews/moderation/{id}", request, ct);

    public Task<ApiResult<IReadOnlyList<ReviewRequestDue>>> RequestsDueAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<ReviewRequestDue>>("/api/internal/reviews/requests-due", ct);

    public Task<ApiResult<Done>> RequestSentAsync(Guid bookingId, CancellationToken ct) => PostAsync<Done>($"/api/internal/reviews/requests/{bookingId}/sent", null, ct);

    private static string TokenQuery(string? token, string separator = "?") =>
        string.IsNullOrEmpty(token) ? "" : $"{separator}token={Uri.EscapeDataString(token)}";
}
