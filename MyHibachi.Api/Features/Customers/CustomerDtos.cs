namespace MyHibachi.Api.Features.Customers;

public sealed record CustomerDto(
    Guid Id, Guid StationId, string FirstName, string LastName, string Email, string? Phone, string? Notes,
    bool MarketingOptIn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CustomerRequest(
    Guid? StationId, string? FirstName, string? LastName, string? Email, string? Phone, string? Notes, bool? MarketingOptIn);

public sealed record CustomerListQuery(int? Page, int? PageSize, Guid? StationId, string? Q, string? Sort);
