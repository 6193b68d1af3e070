using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Features.Quotes;

public sealed record QuoteContact(string? Name, string? Email, string? Phone);

public sealed record QuoteRequest(
    Guid? StationId, string? Zip, int? Adults, int? Children, DateOnly? EventDate,
    IReadOnlyList<MenuSelection?>? Selections, QuoteContact? Contact, LeadSource? Source);

public sealed record QuoteDto(
    Guid Id, Guid StationId, string StationName, string Zip, int Adults, int Children, DateOnly? EventDate,
    IReadOnlyList<MenuSelection> Selections, PriceBreakdown Pricing, string DistanceMethod, DateTimeOffset ExpiresAt,
    Guid? BookingId, DateTimeOffset CreatedAt);
