namespace MyHibachi.Contracts;

public sealed record QuoteContact(string? Name, string? Email, string? Phone);

public sealed record QuoteRequest(
    Guid? StationId, string? Zip, int? Adults, int? Children, DateOnly? EventDate,
    IReadOnlyList<SelectionDto?>? Selections, QuoteContact? Contact, LeadSource? Source);

public sealed record QuoteDto(
    Guid Id, Guid StationId, string StationName, string Zip, int Adults, int Children, DateOnly? EventDate,
    IReadOnlyList<SelectionDto> Selections, PricingDto Pricing, string DistanceMethod, DateTimeOffset ExpiresAt,
    Guid? BookingId, DateTimeOffset CreatedAt);
