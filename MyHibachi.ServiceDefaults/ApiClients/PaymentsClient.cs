using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>Paying for bookings, their ledgers, refunds, invoices and the daily report.</summary>
public sealed class PaymentsClient(HttpClient http, ILogger<PaymentsClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<CheckoutSessionDto>> CheckoutAsync(CheckoutSessionRequest request, CancellationToken ct) =>
        PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session", request, ct);

    public Task<ApiResult<PaymentStatusDto>> StatusAsync(Guid paymentId, CancellationToken ct) =>
        GetAsync<PaymentStatusDto>($"/api/v1/stripe/payment/{paymentId}", ct);

    public Task<ApiResult<RefundDto>> RefundAsync(RefundRequest request, CancellationToken ct) => PostAsync<RefundDto>("/api/v1/stripe/refund", request, ct);

    public Task<ApiResult<BookingTermsDto>> TermsAsync(CancellationToken ct) => GetAsync<BookingTermsDto>("/api/v1/payments/terms", ct);

    public Task<ApiResult<BookingPaymentsDto>> ForBookingAsync(Guid bookingId, string? token, CancellationToken ct) =>
        GetAsync<BookingPaymentsDto>($"/api/v1/payments/bookings/{bookingId}{Query(new BookingPaymentsQuery(token))}", ct);

    public Task<ApiResult<LedgerEntryDto>> RecordManualAsync(Guid bookingId, ManualPaymentRequest request, CancellationToken ct) =>
        PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{bookingId}/manual", request, ct);

    public Task<ApiResult<RefundDto>> RecordManualRefundAsync(Guid bookingId, ManualRefundRequest request, CancellationToken ct) =>
        PostAsync<RefundDto>($"/api/v1/payments/bookings/{bookingId}/manual-refund", request, ct);

    public Task<ApiResult<DailyPaymentsDto>> DailyAsync(DailyPaymentsQuery query, CancellationToken ct) =>
        GetAsync<DailyPaymentsDto>($"/api/v1/payments/daily{Query(query)}", ct);

    public Task<ApiResult<PagedList<InvoiceDto>>> InvoicesAsync(InvoiceListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<InvoiceDto>>($"/api/v1/invoices{Query(query)}", ct);

    public Task<ApiResult<FileDownload>> InvoicePdfAsync(Guid invoiceId, string? token, CancellationToken ct) =>
        DownloadAsync($"/api/v1/invoices/{invoiceId}/pdf{(token is null ? "" : $"?token={Uri.EscapeDataString(token)}")}", ct);
}

/// <summary>Prices as staff manage them.</summary>
public sealed class PricingClient(HttpClient http, ILogger<PricingClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<IReadOnlyList<PriceItemDto>>> ListAsync(CancellationToken ct) => GetAsync<IReadOnlyList<PriceItemDto>>("/api/v1/admin/pricing", ct);

    public Task<ApiResult<PriceItemDto>> UpdateAsync(Guid id, PriceUpdateRequest request, CancellationToken ct) =>
        PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{id}", request, ct);

    public Task<ApiResult<PagedList<PriceChangeDto>>> HistoryAsync(PriceHistoryQuery query, CancellationToken ct) =>
        GetAsync<PagedList<PriceChangeDto>>($"/api/v1/admin/pricing/history{Query(query)}", ct);
}
