namespace MyHibachi.Contracts;

public sealed record LeadNoteDto(Guid Id, string AuthorName, string Text, DateTimeOffset CreatedAt);

public sealed record LeadDto(
    Guid Id, Guid? StationId, LeadSource Source, LeadReason Reason, LeadStatus Status, string? Name, string? Email, string? Phone,
    IReadOnlyDictionary<string, string> Details, int AttemptCount, DateTimeOffset LastAttemptAt, Guid? QuoteId, Guid? BookingId,
    Guid? ClaimedBy, string? ClaimedByName, DateTimeOffset? ClaimedAt, IReadOnlyList<LeadNoteDto> Notes,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A visitor asking to be contacted (the public inquiry form, a phone call logged by staff).</summary>
/// <summary>
/// A message left on the site. Reason says why it is not a booking: a question (Inquiry, the
/// default), an address outside the service area (with its Zip), or a party above the online
/// maximum asking for a custom quote (LargeParty, with Guests and the EventDate wanted).
/// </summary>
public sealed record InquiryRequest(
    string? Name, string? Email, string? Phone, string? Message, LeadSource? Source, Guid? StationId,
    LeadReason? Reason = null, string? Zip = null, int? Guests = null, DateOnly? EventDate = null);

public sealed record LeadStatusRequest(LeadStatus? Status, string? Note);

public sealed record LeadNoteRequest(string? Text);

public sealed record LeadListQuery(
    int? Page = null, int? PageSize = null, LeadStatus? Status = null, LeadSource? Source = null, Guid? StationId = null,
    string? Q = null, bool? Mine = null, string? Sort = null);

public sealed record LeadReceipt(Guid Id, string Message);
