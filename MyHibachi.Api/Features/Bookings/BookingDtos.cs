using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Features.Bookings;

public sealed record AddressDto(string? Line1, string? Line2, string? City, string? State, string? Zip);

public sealed record ContactRequest(string? FirstName, string? LastName, string? Email, string? Phone);

public sealed record ContactDto(string Name, string Email, string? Phone);

public sealed record BookingDto(
    Guid Id, string Reference, Guid StationId, Guid CustomerId, Guid? ChefId, string? ChefName, Guid? QuoteId,
    BookingStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly LocalDate, string LocalStartTime, string TimeZone,
    int DurationMinutes, int Adults, int Children, ContactDto Contact, AddressDto Address, IReadOnlyList<MenuSelection> Selections,
    PriceBreakdown Pricing, string? DietaryNotes, string? SpecialRequests, LeadSource Source, string? CancelReason,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? CancelledAt, DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> AllowedActions);

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
    IReadOnlyList<MenuSelection>? Selections,
    string? DietaryNotes,
    string? SpecialRequests,
    LeadSource? Source,
    Guid? ChefId,
    bool? AssignChef);

public sealed record ConvertQuoteRequest(
    DateOnly? EventDate, string? StartTime, Guid? CustomerId, ContactRequest? Customer, AddressDto? Address,
    string? DietaryNotes, string? SpecialRequests);

public sealed record UpdateBookingRequest(
    DateOnly? EventDate, string? StartTime, int? Adults, int? Children, AddressDto? Address,
    IReadOnlyList<MenuSelection>? Selections, string? DietaryNotes, string? SpecialRequests, ContactRequest? Contact);

public sealed record AssignChefRequest(Guid? ChefId);

public sealed record CancelBookingRequest(string? Reason);

public sealed record BookingListQuery(
    int? Page, int? PageSize, BookingStatus? Status, Guid? StationId, Guid? ChefId, Guid? CustomerId,
    DateTimeOffset? From, DateTimeOffset? To, string? Q, string? Sort);
