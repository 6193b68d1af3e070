namespace MyHibachi.Api.Data.Entities;

// Stored by name (see HibachiDbContext); the contracts have twins of the same names.
public enum PaymentPurpose
{
    Deposit,
    Balance,
}

public enum PaymentAttemptStatus
{
    Open,
    Succeeded,
    Failed,
    Expired,
    Canceled,
}

public enum PaymentAttemptKind
{
    /// <summary>A hosted Stripe Checkout page.</summary>
    Checkout,

    /// <summary>A PaymentIntent confirmed by the customer's browser (Stripe.js).</summary>
    PaymentIntent,

    /// <summary>A saved card charged without the customer (the balance, days before the event).</summary>
    OffSession,
}

public enum LedgerEntryKind
{
    Payment,
    Refund,
}

public enum PaymentMethod
{
    Card,
    Cash,
    Zelle,
    Venmo,
    Check,
    Other,

    /// <summary>Loyalty points given as money (100 points = $10): recorded by the loyalty program, never by hand.</summary>
    LoyaltyPoints,
}

/// <summary>
/// One try to take money through Stripe for a booking: a Checkout session, a PaymentIntent or an
/// off-session charge. It is not money: only a ledger row is, written when Stripe confirms (a signed
/// webhook or the reconciliation job). At most one attempt per booking and purpose is open at a time.
/// </summary>
public sealed class PaymentAttempt : ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BookingId { get; set; }

    public PaymentPurpose Purpose { get; set; }

    public PaymentAttemptKind Kind { get; set; }

    public long AmountCents { get; set; }

    public PaymentAttemptStatus Status { get; set; } = PaymentAttemptStatus.Open;

    public string? StripeSessionId { get; set; }

    public string? StripePaymentIntentId { get; set; }

    public string? StripeCustomerId { get; set; }

    public string? Url { get; set; }

    public string? ClientSecret { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// A row of a booking's ledger in integer cents: money in (a payment) or out (a refund), by card
/// through Stripe or recorded by staff. What a booking has paid and owes is derived from these rows.
/// </summary>
public sealed class LedgerEntry : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BookingId { get; set; }

    public LedgerEntryKind Kind { get; set; }

    public PaymentPurpose? Purpose { get; set; }

    /// <summary>Always positive; the kind says which way the money went.</summary>
    public long AmountCents { get; set; }

    public PaymentMethod Method { get; set; }

    /// <summary>"stripe" or "manual".</summary>
    public required string Source { get; set; }

    public Guid? PaymentAttemptId { get; set; }

    public string? StripePaymentIntentId { get; set; }

    public string? StripeChargeId { get; set; }

    public string? StripeRefundId { get; set; }

    /// <summary>The paying card's Stripe fingerprint (the same card has the same one across customers): the referral guard compares them.</summary>
    public string? CardFingerprint { get; set; }

    public string? Reference { get; set; }

    public string? Note { get; set; }

    public Guid? RecordedBy { get; set; }

    public string? RecordedByName { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>A Stripe webhook event as it arrived: kept, and processed once by its id.</summary>
public sealed class StripeEventRecord
{
    public required string Id { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public string? Error { get; set; }
}

/// <summary>An invoice for one payment; numbers run per year without gaps (2026-000001, 2026-000002, …).</summary>
public sealed class Invoice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Number { get; set; }

    public int Year { get; set; }

    public int Sequence { get; set; }

    public Guid BookingId { get; set; }

    public Guid LedgerEntryId { get; set; }

    public long AmountCents { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public Guid? FileId { get; set; }

    public DateTimeOffset? EmailedAt { get; set; }
}

/// <summary>The last invoice number of a year, taken under a row lock so numbers never skip or repeat.</summary>
public sealed class InvoiceSequence
{
    public int Year { get; set; }

    public int Last { get; set; }
}

/// <summary>A file the Api keeps (an invoice PDF, later photos and recordings): metadata here, bytes in the blob store.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Kind { get; set; }

    public required string ContentType { get; set; }

    public required string FileName { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>Where the blob store keeps the bytes (a path under its root, or an object key).</summary>
    public required string StorageKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One change of a price: before, after, who and why.</summary>
public sealed class PriceChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Kind { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public long OldValue { get; set; }

    public long NewValue { get; set; }

    /// <summary>What the values count: cents, cents_per_mile, miles, percent or count.</summary>
    public required string Unit { get; set; }

    public required string Reason { get; set; }

    public Guid? ChangedBy { get; set; }

    public required string ChangedByName { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
