namespace MyHibachi.Contracts;

/// <summary>What a payment is for: the deposit that holds the date, or the rest of the total.</summary>
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

/// <summary>What a booking has paid and still owes, derived from its ledger (never stored twice).</summary>
public sealed record PaymentSummaryDto(
    long TotalCents, long DepositCents, long PaidCents, long RefundedCents, long NetPaidCents, long DueCents, long DepositDueCents,
    bool DepositPaid, DateTimeOffset? HoldExpiresAt, bool CardPaymentsAvailable);

public sealed record LedgerEntryDto(
    Guid Id, Guid BookingId, LedgerEntryKind Kind, PaymentPurpose? Purpose, long AmountCents, PaymentMethod Method, string Source,
    string? StripePaymentIntentId, string? StripeRefundId, string? Reference, string? Note, string? RecordedByName, DateTimeOffset OccurredAt,
    Guid? InvoiceId, string? InvoiceNumber);

/// <summary>Pay for a booking: signed in as its customer or staff, or with the pay token of its pay link (guests, e-mails).</summary>
public sealed record CheckoutSessionRequest(Guid? BookingId, PaymentPurpose? Purpose, string? PayToken = null);

/// <summary>A hosted Stripe Checkout page for a booking's deposit or balance; concurrent requests get the same open one.</summary>
public sealed record CheckoutSessionDto(
    Guid PaymentId, Guid BookingId, PaymentPurpose Purpose, long AmountCents, string SessionId, string Url, DateTimeOffset? ExpiresAt);

public sealed record PaymentIntentRequest(Guid? BookingId, PaymentPurpose? Purpose, string? PayToken = null);

/// <summary>A PaymentIntent for an embedded card form (Stripe.js confirms it with the client secret).</summary>
public sealed record PaymentIntentDto(Guid PaymentId, Guid BookingId, PaymentPurpose Purpose, long AmountCents, string PaymentIntentId, string ClientSecret);

/// <summary>One payment attempt as the return page and staff see it: processing until Stripe's word (webhook or reconciliation) arrives.</summary>
public sealed record PaymentStatusDto(
    Guid PaymentId, Guid BookingId, string BookingReference, PaymentPurpose Purpose, long AmountCents, PaymentAttemptStatus Status,
    string? FailureMessage, PaymentSummaryDto Booking);

public sealed record RefundRequest(Guid? BookingId, long? AmountCents, string? Reason, bool? OverridePolicy);

/// <summary>What the cancellation policy gives back if the booking is cancelled now.</summary>
public sealed record RefundQuoteDto(Guid BookingId, long NetPaidCents, long RefundableCents, int RefundPercent, string Policy);

public sealed record RefundDto(Guid BookingId, long AmountCents, IReadOnlyList<LedgerEntryDto> Entries, PaymentSummaryDto Booking);

public sealed record ManualPaymentRequest(long? AmountCents, PaymentMethod? Method, PaymentPurpose? Purpose, string? Reference, string? Note);

public sealed record ManualRefundRequest(long? AmountCents, PaymentMethod? Method, string? Reason, bool? OverridePolicy);

/// <summary>
/// A day's payments and refunds (UTC day) beside what Stripe reports for each: net money in by the
/// ledger and by Stripe, and every row where they differ (including money Stripe took that the ledger lacks).
/// </summary>
public sealed record DailyPaymentsDto(
    DateOnly Date, long RecordedCents, long StripeReportedCents, long ManualCents, bool StripeConnected, int Differences, IReadOnlyList<DailyPaymentRowDto> Rows);

/// <summary>One row of the daily report; <see cref="Entry"/> is null for money Stripe reports that is not in the ledger.</summary>
public sealed record DailyPaymentRowDto(
    LedgerEntryDto? Entry, Guid BookingId, string BookingReference, string? StripeId, long RecordedCents, long? StripeReportedCents, string? Difference);

public sealed record DailyPaymentsQuery(DateOnly? Date = null);

public sealed record InvoiceDto(
    Guid Id, string Number, Guid BookingId, string BookingReference, Guid LedgerEntryId, long AmountCents, DateTimeOffset IssuedAt,
    bool HasPdf, DateTimeOffset? EmailedAt);

/// <summary>What the Workers need to draw an invoice.</summary>
public sealed record InvoiceDocumentDto(
    InvoiceDto Invoice, string CustomerName, string CustomerEmail, string StationName, DateOnly EventDate, string EventTime, string TimeZone,
    string Address, IReadOnlyList<PriceLineDto> Lines, long TotalCents, long PaidToDateCents, long DueCents, PaymentMethod Method, string? Reference);

public sealed record IssueInvoiceRequest(Guid? LedgerEntryId);

public sealed record InvoiceListQuery(int? Page = null, int? PageSize = null, Guid? BookingId = null);

public enum PriceKind
{
    PriceItem,
    MenuItem,
}

/// <summary>A price as staff manage it: a price-list value or a menu item's price, with its allowed bounds.</summary>
public sealed record PriceItemDto(
    Guid Id, PriceKind Kind, string Code, string Name, long Value, string Unit, long MinValue, long MaxValue, DateTimeOffset UpdatedAt);

public sealed record PriceUpdateRequest(long? Value, string? Reason);

public sealed record PriceChangeDto(
    Guid Id, PriceKind Kind, string Code, string Name, long OldValue, long NewValue, string Unit, string Reason, string ChangedByName, DateTimeOffset ChangedAt);

public sealed record PriceHistoryQuery(int? Page = null, int? PageSize = null, string? Code = null);

/// <summary>A booking's money as its customer and staff see it: what is paid and due, every ledger row, invoices and the refund a cancellation would give.</summary>
public sealed record BookingPaymentsDto(
    Guid BookingId, string Reference, BookingStatus Status, DateOnly LocalDate, string LocalStartTime, string TimeZone, int Guests, string ContactName,
    PaymentSummaryDto Summary, IReadOnlyList<LedgerEntryDto> Entries, IReadOnlyList<InvoiceDto> Invoices, RefundQuoteDto RefundQuote,
    PaymentAttemptDto? LastAttempt, string PayInstructions);

/// <summary>One try to pay through Stripe (a Checkout page, a PaymentIntent, or the saved card charged for the balance).</summary>
public sealed record PaymentAttemptDto(
    Guid Id, PaymentPurpose Purpose, string Kind, long AmountCents, PaymentAttemptStatus Status, string? FailureMessage, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

public sealed record BookingPaymentsQuery(string? Token = null);

/// <summary>A link that lets whoever holds it pay a booking (sent by e-mail, shown after a guest books).</summary>
public sealed record PayLinkDto(Guid BookingId, string Token, string Url);

/// <summary>What a payments job did: how many it looked at and how many it changed.</summary>
public sealed record PaymentJobResult(int Checked, int Changed);

/// <summary>A failed balance charge staff should follow up (the customer was e-mailed a pay link).</summary>
public sealed record PaymentAlertDto(Guid BookingId, string Reference, string ContactName, DateOnly EventDate, long AmountCents, string? FailureMessage, DateTimeOffset At);

/// <summary>Someone to tell (staff with a permission, e.g. the admins told of each price change).</summary>
public sealed record RecipientDto(string Name, string Email);

/// <summary>How a Stripe webhook delivery ended: processed now, or already processed before (a replay changes nothing).</summary>
public sealed record WebhookReceipt(string EventId, string Type, bool Replay);

/// <summary>
/// The terms a customer agrees to by booking, in one place for the review step and the e-mails:
/// how many hours a pending date is held for the deposit, how many days before the event the balance
/// is charged, the cancellation policy in words, and how to pay.
/// </summary>
public sealed record BookingTermsDto(int HoldHours, int ChargeBalanceDaysBefore, string CancellationPolicy, bool CardPaymentsAvailable, string PayInstructions);
