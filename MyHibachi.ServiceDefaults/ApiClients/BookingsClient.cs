using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

public sealed class BookingsClient(HttpClient http, ILogger<BookingsClient> logger) : ApiClient(http, logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public Task<ApiResult<PagedList<BookingSummaryDto>>> ListAsync(BookingListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<BookingSummaryDto>>($"/api/bookings{Query(query)}", ct);

    public Task<ApiResult<BookingDto>> GetAsync(Guid id, CancellationToken ct) => GetAsync<BookingDto>($"/api/bookings/{id}", ct);

    public Task<ApiResult<BookingDto>> CreateAsync(CreateBookingRequest request, string idempotencyKey, CancellationToken ct) =>
        PostAsync<BookingDto>("/api/bookings", request, ct, new Dictionary<string, string> { [IdempotencyHeader] = idempotencyKey });

    public Task<ApiResult<BookingDto>> ConvertQuoteAsync(Guid quoteId, ConvertQuoteRequest request, CancellationToken ct) =>
        PostAsync<BookingDto>($"/api/quote/{quoteId}/convert", request, ct);

    public Task<ApiResult<BookingDto>> UpdateAsync(Guid id, UpdateBookingRequest request, string etag, CancellationToken ct) =>
        PutAsync<BookingDto>($"/api/bookings/{id}", request, ct, etag);

    public Task<ApiResult<BookingChangePreviewDto>> PreviewChangeAsync(Guid id, UpdateBookingRequest request, CancellationToken ct) =>
        PostAsync<BookingChangePreviewDto>($"/api/bookings/{id}/preview", request, ct);

    /// <summary>Where a booking can move: its chef's open times (any chef's when none is assigned).</summary>
    public Task<ApiResult<StationSlotsDto>> SlotsAsync(Guid id, SlotsQuery query, CancellationToken ct) =>
        GetAsync<StationSlotsDto>($"/api/bookings/{id}/slots{Query(query)}", ct);

    public Task<ApiResult<BookingDto>> AssignChefAsync(Guid id, Guid? chefId, CancellationToken ct) =>
        PostAsync<BookingDto>($"/api/bookings/{id}/{BookingActions.AssignChef}", new AssignChefRequest(chefId), ct);

    public Task<ApiResult<BookingDto>> CancelAsync(Guid id, string? reason, CancellationToken ct) =>
        PostAsync<BookingDto>($"/api/bookings/{id}/{BookingActions.Cancel}", new CancelBookingRequest(reason), ct);

    /// <summary>A move that needs no body: <see cref="BookingActions.Confirm"/>, <see cref="BookingActions.Complete"/> or <see cref="BookingActions.NoShow"/>.</summary>
    public Task<ApiResult<BookingDto>> MoveAsync(Guid id, string action, CancellationToken ct) =>
        action is BookingActions.Confirm or BookingActions.Complete or BookingActions.NoShow
            ? PostAsync<BookingDto>($"/api/bookings/{id}/{action}", null, ct)
            : throw new ArgumentOutOfRangeException(nameof(action), action, "Not a booking move without a body.");

    public Task<ApiResult<IReadOnlyList<AvailableChefDto>>> AvailableChefsAsync(Guid id, CancellationToken ct) =>
        GetAsync<IReadOnlyList<AvailableChefDto>>($"/api/bookings/{id}/available-chefs", ct);

    public Task<ApiResult<Done>> DeleteAsync(Guid id, string reason, CancellationToken ct) =>
        DeleteAsync($"/api/bookings/{id}", new DeleteRequest(reason), ct);
}
