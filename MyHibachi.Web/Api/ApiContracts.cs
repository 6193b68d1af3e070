namespace MyHibachi.Web.Api;

// What the site reads from and sends to the Api. The Api owns these shapes; the site keeps its own
// copy of the fields it uses.

/// <summary>A page of a list. Past 1,000 matching rows the Api stops counting: the total reads "1,000+".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int TotalPages, bool TotalCountExact = true, bool HasNextPage = false)
{
    public string TotalText => TotalCountExact ? TotalCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : $"{TotalCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}+";

    public string TotalPagesText => TotalCountExact ? Math.Max(1, TotalPages).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{TotalPages}+";
}

public sealed record PriceList(long AdultCents, long ChildCents, long PartyMinimumCents, int TravelFreeMiles, long TravelCentsPerMile, long DepositCents, int GratuityPercent, int MaxGuests);

public sealed record MenuItem(string Code, string Name, string? Description, string Category, string Unit, long PriceCents, IReadOnlyList<string> Allergens, IReadOnlyList<string> DietaryTags);

public sealed record Menu(PriceList Prices, IReadOnlyList<MenuItem> Items);

public sealed record Station(Guid Id, string Code, string Name, string TimeZone, string BaseZip, int ServiceRadiusMiles, int MinimumNoticeHours, int CustomerChangeCutoffHours, bool IsActive);

public sealed record ServiceArea(string Zip, bool Serviceable, Guid? StationId, string? StationName, double? DistanceMiles, long? TravelFeeCents, string Message);

public sealed record Slot(DateTimeOffset StartsAt, string LocalTime, int AvailableChefs);

public sealed record DaySlots(DateOnly Date, IReadOnlyList<Slot> Slots);

public sealed record StationSlots(Guid StationId, string TimeZone, int DurationMinutes, IReadOnlyList<DaySlots> Days);

public sealed record Selection(string Code, int Quantity);

public sealed record PriceLine(string Code, string Description, int Quantity, long UnitCents, long TotalCents);

public sealed record Pricing(IReadOnlyList<PriceLine> Lines, long FoodSubtotalCents, long TravelFeeCents, long TotalCents, long DepositCents, long BalanceDueCents, int GratuityPercent, long SuggestedGratuityCents, double DistanceMiles);

public sealed record QuoteContact(string? Name, string? Email, string? Phone);

public sealed record QuoteRequest(Guid? StationId, string? Zip, int? Adults, int? Children, DateOnly? EventDate, IReadOnlyList<Selection>? Selections, QuoteContact? Contact, string? Source);

public sealed record Quote(Guid Id, Guid StationId, string StationName, string Zip, int Adults, int Children, DateOnly? EventDate, IReadOnlyList<Selection> Selections, Pricing Pricing, string DistanceMethod, DateTimeOffset ExpiresAt, Guid? BookingId);

public sealed record Address(string? Line1, string? Line2, string? City, string? State, string? Zip);

public sealed record Contact(string? FirstName, string? LastName, string? Email, string? Phone);

public sealed record BookingContact(string Name, string Email, string? Phone);

public sealed record CreateBookingRequest(
    Guid? StationId, Guid? CustomerId, Contact? Customer, DateOnly? EventDate, string? StartTime, int? Adults, int? Children, Address? Address,
    IReadOnlyList<Selection>? Selections, string? DietaryNotes, string? SpecialRequests, string? Source, Guid? ChefId, bool? AssignChef);

public sealed record UpdateBookingRequest(DateOnly? EventDate, string? StartTime, int? Adults, int? Children, Address? Address, IReadOnlyList<Selection>? Selections, string? DietaryNotes, string? SpecialRequests, Contact? Contact);

public sealed record Booking(
    Guid Id, string Reference, Guid StationId, Guid CustomerId, Guid? ChefId, string? ChefName, Guid? QuoteId, string Status,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly LocalDate, string LocalStartTime, string TimeZone, int DurationMinutes,
    int Adults, int Children, BookingContact Contact, Address Address, IReadOnlyList<Selection> Selections, Pricing Pricing,
    string? DietaryNotes, string? SpecialRequests, string Source, string? CancelReason, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CancelledAt, DateTimeOffset? CompletedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> AllowedActions);

public sealed record BookingSummary(
    Guid Id, string Reference, Guid StationId, Guid? ChefId, string? ChefName, string Status, DateTimeOffset StartsAt, DateOnly LocalDate,
    string LocalStartTime, int Guests, string ContactName, string City, long TotalCents, long DepositCents);

public sealed record AvailableChef(Guid Id, string Name, int EventsThatDay);

public sealed record Customer(Guid Id, Guid StationId, string FirstName, string LastName, string Email, string? Phone, string? Notes, bool MarketingOptIn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CustomerRequest(Guid? StationId, string? FirstName, string? LastName, string? Email, string? Phone, string? Notes, bool? MarketingOptIn);

public sealed record WorkingHours(DayOfWeek DayOfWeek, string StartTime, string EndTime);

public sealed record DateOverride(DateOnly Date, bool IsWorking, string? StartTime, string? EndTime, string? Note);

public sealed record TimeOff(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Reason);

public sealed record Chef(
    Guid Id, Guid StationId, string FirstName, string LastName, string Email, string? Phone, string? Bio, bool IsActive, int MaxEventsPerDay,
    int BufferBeforeMinutes, int BufferAfterMinutes, IReadOnlyList<WorkingHours> WorkingHours, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ChefDetail(Chef Chef, IReadOnlyList<DateOverride> DateOverrides, IReadOnlyList<TimeOff> TimeOff);

public sealed record ChefRequest(
    Guid? StationId, string? FirstName, string? LastName, string? Email, string? Phone, string? Bio, bool? IsActive, int? MaxEventsPerDay,
    int? BufferBeforeMinutes, int? BufferAfterMinutes, IReadOnlyList<WorkingHours>? WorkingHours);

public sealed record StationRequest(string? Code, string? Name, string? TimeZone, string? BaseZip, int? ServiceRadiusMiles, int? MinimumNoticeHours, int? CustomerChangeCutoffHours, bool? IsActive);

public sealed record LeadNote(Guid Id, string AuthorName, string Text, DateTimeOffset CreatedAt);

public sealed record Lead(
    Guid Id, Guid? StationId, string Source, string Reason, string Status, string? Name, string? Email, string? Phone,
    IReadOnlyDictionary<string, string> Details, int AttemptCount, DateTimeOffset LastAttemptAt, Guid? QuoteId, Guid? BookingId,
    Guid? ClaimedBy, string? ClaimedByName, DateTimeOffset? ClaimedAt, IReadOnlyList<LeadNote> Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record InquiryRequest(string? Name, string? Email, string? Phone, string? Message, string? Source, Guid? StationId);

public sealed record LeadReceipt(Guid Id, string Message);

public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, Guid? ActorId, string ActorName, string Action, string EntityType, string EntityId, System.Text.Json.JsonElement? Before, System.Text.Json.JsonElement? After, string? RequestId);

public sealed record DeletedItem(string Type, Guid Id, string Label, DateTimeOffset DeletedAt, Guid? DeletedBy, string? DeletedByName, string? Reason, DateTimeOffset RestorableUntil, string RestorePath);

public sealed record Me(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions, Guid? StationId, Guid? ChefId, Guid? CustomerId, bool EmailConfirmed);

public sealed record Tokens(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, Me User);

public sealed record User(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? StationId, Guid? ChefId, Guid? CustomerId, bool IsActive, bool EmailConfirmed, DateTimeOffset? LockedUntil, DateTimeOffset? LastLoginAt, DateTimeOffset CreatedAt);

public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? StationId, Guid? ChefId);

public sealed record UpdateUserRequest(string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? StationId, Guid? ChefId, bool? IsActive);

public sealed record Role(string Name, string Description, IReadOnlyList<string> Permissions);

public sealed record PermissionInfo(string Name, string Description);

public sealed record RolesOverview(IReadOnlyList<Role> Roles, IReadOnlyList<PermissionInfo> Permissions);

public sealed record StatusCount(string Status, int Count);

public sealed record DayCount(DateOnly Date, int Events, int Guests);

public sealed record Dashboard(
    int EventsToday, int EventsThisWeek, int GuestsThisWeek, long UpcomingRevenueCents, long UpcomingDepositsCents, int OpenLeads,
    IReadOnlyList<StatusCount> Pipeline, IReadOnlyList<DayCount> NextDays, IReadOnlyList<BookingSummary> Today);
