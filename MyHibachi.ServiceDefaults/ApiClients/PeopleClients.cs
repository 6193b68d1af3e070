using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

public sealed class CustomersClient(HttpClient http, ILogger<CustomersClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<PagedList<CustomerDto>>> ListAsync(CustomerListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<CustomerDto>>($"/api/customers{Query(query)}", ct);

    public Task<ApiResult<CustomerDto>> GetAsync(Guid id, CancellationToken ct) => GetAsync<CustomerDto>($"/api/customers/{id}", ct);

    public Task<ApiResult<CustomerDto>> SaveAsync(Guid? id, CustomerRequest request, string? etag, CancellationToken ct) =>
        SaveAsync<CustomerDto>("/api/customers", id, request, etag, ct);

    public Task<ApiResult<Done>> DeleteAsync(Guid id, string reason, CancellationToken ct) =>
        DeleteAsync($"/api/customers/{id}", new DeleteRequest(reason), ct);
}

public sealed class ChefsClient(HttpClient http, ILogger<ChefsClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<PagedList<ChefDto>>> ListAsync(ChefListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<ChefDto>>($"/api/chefs{Query(query)}", ct);

    public Task<ApiResult<ChefDetailDto>> GetAsync(Guid id, CancellationToken ct) => GetAsync<ChefDetailDto>($"/api/chefs/{id}", ct);

    public Task<ApiResult<ChefDetailDto>> SaveAsync(Guid? id, ChefRequest request, string? etag, CancellationToken ct) =>
        SaveAsync<ChefDetailDto>("/api/chefs", id, request, etag, ct);

    public Task<ApiResult<Done>> DeleteAsync(Guid id, string reason, CancellationToken ct) =>
        DeleteAsync($"/api/chefs/{id}", new DeleteRequest(reason), ct);

    public Task<ApiResult<ChefAvailabilityDto>> AvailabilityAsync(Guid id, ChefAvailabilityQuery query, CancellationToken ct) =>
        GetAsync<ChefAvailabilityDto>($"/api/chefs/{id}/availability{Query(query)}", ct);

    public Task<ApiResult<ChefDetailDto>> SetDateOverrideAsync(Guid chefId, DateOnly date, DateOverrideRequest request, CancellationToken ct) =>
        PutAsync<ChefDetailDto>($"/api/chefs/{chefId}/date-overrides/{Date(date)}", request, ct);

    public Task<ApiResult<Done>> RemoveDateOverrideAsync(Guid chefId, DateOnly date, CancellationToken ct) =>
        DeleteAsync($"/api/chefs/{chefId}/date-overrides/{Date(date)}", null, ct);

    public Task<ApiResult<TimeOffDto>> AddTimeOffAsync(Guid chefId, TimeOffRequest request, CancellationToken ct) =>
        PostAsync<TimeOffDto>($"/api/chefs/{chefId}/time-off", request, ct);

    public Task<ApiResult<Done>> RemoveTimeOffAsync(Guid chefId, Guid timeOffId, CancellationToken ct) =>
        DeleteAsync($"/api/chefs/{chefId}/time-off/{timeOffId}", null, ct);
}

public sealed class StationsClient(HttpClient http, ILogger<StationsClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<StationDto>> SaveAsync(Guid? id, StationRequest request, string? etag, CancellationToken ct) =>
        SaveAsync<StationDto>("/api/stations", id, request, etag, ct);
}

public sealed class LeadsClient(HttpClient http, ILogger<LeadsClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<PagedList<LeadDto>>> ListAsync(LeadListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<LeadDto>>($"/api/admin/leads{Query(query)}", ct);

    public Task<ApiResult<LeadDto>> GetAsync(Guid id, CancellationToken ct) => GetAsync<LeadDto>($"/api/admin/leads/{id}", ct);

    public Task<ApiResult<LeadDto>> ClaimAsync(Guid id, bool force, CancellationToken ct) =>
        PostAsync<LeadDto>($"/api/admin/leads/{id}/claim{(force ? "?force=true" : "")}", null, ct);

    public Task<ApiResult<LeadDto>> SetStatusAsync(Guid id, LeadStatusRequest request, CancellationToken ct) =>
        PostAsync<LeadDto>($"/api/admin/leads/{id}/status", request, ct);

    public Task<ApiResult<LeadDto>> AddNoteAsync(Guid id, LeadNoteRequest request, CancellationToken ct) =>
        PostAsync<LeadDto>($"/api/admin/leads/{id}/notes", request, ct);
}
