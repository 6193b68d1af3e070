using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.Api.Data.Entities;

public enum BookingStatus
{
    Pending,
    Confirmed,
    Completed,
    Cancelled,
    NoShow,
}

public sealed class Booking : IAudited, ISoftDeletable, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What the customer quotes on the phone, e.g. MH-7K3Q9P.</summary>
    public required string Reference { get; set; }

    public Guid StationId { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>The event's contact as given when booking (the customer record may change later).</summary>
    public required string ContactName { get; set; }

    public required string ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public Guid? ChefId { get; set; }

    public Guid? QuoteId { get; set; }

    public BookingStatus Status { get; set; } = BookingStatus.Pending;

    public DateTimeOffset StartsAt { get; set; }

    public int DurationMinutes { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>
    /// The chef's blocked time: the event plus the chef's travel and set-up buffers. The database
    /// refuses two live bookings whose blocks overlap for the same chef.
    /// </summary>
    public DateTimeOffset? ChefBusyFrom { get; set; }

    public DateTimeOffset? ChefBusyTo { get; set; }

    public int Adults { get; set; }

    public int Children { get; set; }

    public required string AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public required string City { get; set; }

    public required string State { get; set; }

    public required string Zip { get; set; }

    public List<MenuSelection> Selections { get; set; } = [];

    public required PriceSheet PriceSheet { get; set; }

    public required PriceBreakdown Breakdown { get; set; }

    public string? DietaryNotes { get; set; }

    public string? SpecialRequests { get; set; }

    public LeadSource Source { get; set; } = LeadSource.Web;

    /// <summary>The ad click or tagged link the customer came from, when the site saw one.</summary>
    public BookingAttribution? Attribution { get; set; }

    public string? CancelReason { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When the review request e-mail went out (the day after a completed event).</summary>
    public DateTimeOffset? ReviewRequestedAt { get; set; }

    /// <summary>Until when a pending booking holds its chef without a paid deposit; null once paid (or for staff bookings).</summary>
    public DateTimeOffset? HoldExpiresAt { get; set; }

    /// <summary>The card saved with the deposit, charged off-session for the balance.</summary>
    public string? SavedPaymentMethodId { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? IdempotencyFingerprint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Guid? DeletedBy { get; set; }

    public string? DeleteReason { get; set; }

    public uint Version { get; set; }

    public int Guests => Adults + Children;
}
