namespace MyHibachi.Contracts;

public sealed record AddressDto(string? Line1, string? Line2, string? City, string? State, string? Zip);

public sealed record ContactRequest(string? FirstName, string? LastName, string? Email, string? Phone);

public sealed record ContactDto(string Name, string Email, string? Phone);

public sealed record BookingDto(
    Guid Id, string Reference, Guid StationId, Guid CustomerId, Guid? ChefId, string? ChefName, Guid? QuoteId,
    BookingStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly LocalDate, string LocalStartTime, string TimeZone,
    int DurationMinutes, int Adults, int Children, ContactDto Contact, AddressDto Address, IReadOnlyList<SelectionDto> Selections,
    PricingDto Pricing, string? DietaryNotes, string? SpecialRequests, LeadSource Source, string? CancelReason,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? CancelledAt, DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> AllowedActions)
{
    /// <summary>Only in the answer to the request that made the booking: the token of its pay link (a guest pays with it).</summary>
    public string? PayToken { get; init; }
}

public sealed record BookingSummaryDto(
    Guid Id, string Reference, Guid StationId, Guid? ChefId, string? ChefName, BookingStatus Status, DateTimeOffset StartsAt,
    DateOnly LocalDate, string LocalStartTime, int Guests, string ContactName, string City, long TotalCents, long DepositCents);

public sealed record CreateBookingRequest(
    Guid? StationId,
    Guid? CustomerId,
    ContactRequest? Customer,
    DateOnly? EventDate,
    string? StartTime,
    int? Adults,
    int? Children,
    AddressDto? Address,
    IReadOnlyList<SelectionDto>? Selections,
    string? DietaryNotes,
    string? SpecialRequests,
    LeadSource? Source,
    Guid? ChefId,
    bool? AssignChef,
    AttributionDto? Attribution = null);

public sealed record ConvertQuoteRequest(
    DateOnly? EventDate, string? StartTime, Guid? CustomerId, ContactRequest? Customer, AddressDto? Address,
    string? DietaryNotes, string? SpecialRequests, AttributionDto? Attribution = null);

public sealed record UpdateBookingRequest(
    DateOnly? EventDate, string? StartTime, int? Adults, int? Children, AddressDto? Address,
    IReadOnlyList<SelectionDto>? Selections, string? DietaryNotes, string? SpecialRequests, ContactRequest? Contact);

public sealed record AssignChefRequest(Guid? ChefId);

public sealed record CancelBookingRequest(string? Reason);

public sealed record BookingListQuery(
    int? Page = null, int? PageSize = null, BookingStatus? Status = null, Guid? StationId = null, Guid? ChefId = null,
    Guid? CustomerId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Q = null, string? Sort = null);

public sealed record AvailableChefDto(Guid Id, string Name, int EventsThatDay);

/// <summary>The actions a booking's <see cref="BookingDto.AllowedActions"/> can list, as clients send them.</summary>
public static class BookingActions
{
    public const string Update = "update";
    public const string AssignChef = "assign-chef";
    public const string Confirm = "confirm";
    public const string Cancel = "cancel";
    public const string Complete = "complete";
    public const string NoShow = "no-show";
}

/// <summary>
/// What an edit would do before it is saved: the new time (in the station's zone), the party, the
/// price now and after, and the difference the customer would pay (positive) or get back (negative).
/// </summary>
public sealed record BookingChangePreviewDto(
    Guid BookingId, DateOnly LocalDate, string LocalStartTime, string TimeZone, int DurationMinutes, int Adults, int Children,
    PricingDto Current, PricingDto Proposed, long DifferenceCents, bool Moved);
