using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>The public storefront: menu and prices, stations, the service area, open slots and quotes.</summary>
public sealed class CatalogClient(HttpClient http, ILogger<CatalogClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<MenuDto>> MenuAsync(CancellationToken ct) => GetAsync<MenuDto>("/api/menu", ct);

    public Task<ApiResult<IReadOnlyList<StationDto>>> StationsAsync(CancellationToken ct, bool includeInactive = false) =>
        GetAsync<IReadOnlyList<StationDto>>($"/api/stations{(includeInactive ? "?includeInactive=true" : "")}", ct);

    public Task<ApiResult<StationDto>> StationAsync(Guid id, CancellationToken ct) => GetAsync<StationDto>($"/api/stations/{id}", ct);

    public Task<ApiResult<ServiceAreaDto>> ServiceAreaAsync(string zip, CancellationToken ct) =>
        GetAsync<ServiceAreaDto>($"/api/service-area?zip={Uri.EscapeDataString(zip)}", ct);

    public Task<ApiResult<StationSlotsDto>> SlotsAsync(Guid stationId, SlotsQuery query, CancellationToken ct) =>
        GetAsync<StationSlotsDto>($"/api/stations/{stationId}/slots{Query(query)}", ct);

    public Task<ApiResult<QuoteDto>> CalculateQuoteAsync(QuoteRequest request, CancellationToken ct) => PostAsync<QuoteDto>("/api/quote/calculate", request, ct);

    public Task<ApiResult<QuoteDto>> QuoteAsync(Guid id, CancellationToken ct) => GetAsync<QuoteDto>($"/api/quote/{id}", ct);

    public Task<ApiResult<LeadReceipt>> InquireAsync(InquiryRequest request, CancellationToken ct) => PostAsync<LeadReceipt>("/api/leads", request, ct);
}
