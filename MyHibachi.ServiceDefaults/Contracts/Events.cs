using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyHibachi.Contracts.Events;

/// <summary>
/// Integration events: what the Api tells the rest of the system after a change is committed.
/// The routing key of each is its <see cref="IntegrationEvent.Type"/>.
/// </summary>
public abstract record IntegrationEvent
{
    public abstract string Type { get; }
}

public sealed record BookingCreated(
    Guid BookingId, string Reference, Guid StationId, Guid CustomerId, Guid? ChefId,
    DateTimeOffset StartsAt, int Guests, long TotalCents, long DepositCents, LeadSource Source) : IntegrationEvent
{
    public const string EventType = "booking.created";

    public override string Type => EventType;
}

public sealed record BookingStatusChanged(
    Guid BookingId, string Reference, Guid StationId, BookingStatus From, BookingStatus To, string? Reason) : IntegrationEvent
{
    public const string Confirmed = "booking.confirmed";
    public const string Cancelled = "booking.cancelled";
    public const string Completed = "booking.completed";
    public const string NoShow = "booking.no_show";

    public override string Type => To switch
    {
        BookingStatus.Confirmed => Confirmed,
        BookingStatus.Cancelled => Cancelled,
        BookingStatus.Completed => Completed,
        _ => NoShow,
    };
}

public sealed record BookingChefAssigned(Guid BookingId, string Reference, Guid StationId, Guid ChefId, Guid? PreviousChefId) : IntegrationEvent
{
    public const string EventType = "booking.chef_assigned";

    public override string Type => EventType;
}

public sealed record BookingRescheduled(Guid BookingId, string Reference, Guid StationId, DateTimeOffset PreviousStartsAt, DateTimeOffset StartsAt) : IntegrationEvent
{
    public const string EventType = "booking.rescheduled";

    public override string Type => EventType;
}

public sealed record LeadCaptured(
    Guid LeadId, Guid? StationId, LeadSource Source, LeadReason Reason, string? Name, string? Email, string? Phone, int AttemptCount) : IntegrationEvent
{
    public const string EventType = "lead.captured";

    public override string Type => EventType;
}

/// <summary>A customer signed up: the Workers e-mail them the confirmation link.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string DisplayName, string ConfirmationToken) : IntegrationEvent
{
    public const string EventType = "user.registered";

    public override string Type => EventType;
}

/// <summary>
/// A password reset link is due: the account's owner asked for one, or someone tried to sign up with
/// an address that already has an account (its owner gets the link instead of a second account).
/// </summary>
public sealed record PasswordResetRequested(Guid UserId, string Email, string DisplayName, string ResetToken, bool AlreadyRegistered) : IntegrationEvent
{
    public const string EventType = "user.password_reset_requested";

    public override string Type => EventType;
}

/// <summary>Money reached a booking's ledger (a card payment Stripe confirmed, or one staff recorded): the Workers issue its invoice.</summary>
public sealed record PaymentRecorded(Guid LedgerEntryId, Guid BookingId, string Reference, long AmountCents, PaymentPurpose? Purpose, PaymentMethod Method) : IntegrationEvent
{
    public const string EventType = "payment.recorded";

    public override string Type => EventType;
}

/// <summary>Money went back to the customer.</summary>
public sealed record RefundRecorded(Guid LedgerEntryId, Guid BookingId, string Reference, long AmountCents, PaymentMethod Method, string? Reason) : IntegrationEvent
{
    public const string EventType = "payment.refunded";

    public override string Type => EventType;
}

/// <summary>The saved card did not pay the balance (declined, or the bank wants the customer to authenticate).</summary>
public sealed record BalancePaymentFailed(Guid BookingId, string Reference, Guid PaymentId, long AmountCents, string? Code, string? Message) : IntegrationEvent
{
    public const string EventType = "payment.balance_failed";

    public override string Type => EventType;
}

/// <summary>An unpaid hold ran out: the chef is free again and the customer became a lead.</summary>
public sealed record BookingHoldReleased(Guid BookingId, string Reference, Guid? LeadId) : IntegrationEvent
{
    public const string EventType = "booking.hold_released";

    public override string Type => EventType;
}

/// <summary>A price changed: admins are told.</summary>
public sealed record PriceChanged(
    Guid ChangeId, PriceKind Kind, string Code, string Name, long OldValue, long NewValue, string Reason, string ChangedByName, string Unit) : IntegrationEvent
{
    public const string EventType = "pricing.changed";

    public override string Type => EventType;
}

/// <summary>A customer wrote on a channel (SMS, WhatsApp, Messenger, Instagram, a comment, e-mail, a call transcript): the assistant's turn.</summary>
public sealed record InboxMessageReceived(Guid ConversationId, Guid MessageId, ChatChannel Channel) : IntegrationEvent
{
    public const string EventType = "inbox.message_received";

    public override string Type => EventType;
}

/// <summary>A reply waits to be sent on its channel (by the assistant or a person); the Workers send it and report back.</summary>
public sealed record InboxMessageQueued(Guid ConversationId, Guid MessageId, ChatChannel Channel) : IntegrationEvent
{
    public const string EventType = "inbox.message_queued";

    public override string Type => EventType;
}

/// <summary>Staff hid or showed a comment on the Facebook page or an Instagram post.</summary>
public sealed record CommentModerated(Guid MessageId, ChatChannel Channel, string CommentId, bool Hide) : IntegrationEvent
{
    public const string EventType = "inbox.comment_moderated";

    public override string Type => EventType;
}

/// <summary>A note named staff members: each gets an e-mail with a link to the conversation.</summary>
public sealed record StaffMentioned(Guid ConversationId, Guid MessageId, string AuthorName, string Text, IReadOnlyList<MentionedStaff> Mentioned) : IntegrationEvent
{
    public const string EventType = "inbox.staff_mentioned";

    public override string Type => EventType;
}

public sealed record MentionedStaff(Guid UserId, string Name, string Email);

/// <summary>A call ended: the Workers fetch its recording and transcript, or text the caller back when it was missed.</summary>
public sealed record CallEnded(Guid CallId, Guid ConversationId, string Status, string? RcRecordingId, string FromNumber, string ToNumber) : IntegrationEvent
{
    public const string EventType = "call.ended";

    public override string Type => EventType;
}

/// <summary>
/// A chef's calendar should be read again: staff asked, Google pushed a change, or a booking is about to be
/// written to it (a booking made between two syncs is checked against what the calendar says now).
/// </summary>
public sealed record CalendarSyncRequested(Guid ChefId, string Reason) : IntegrationEvent
{
    public const string EventType = "calendar.sync_requested";

    public override string Type => EventType;
}

/// <summary>A Google source should be read now (staff asked, or its settings changed): business_profile for a station's reviews and hours.</summary>
public sealed record GoogleSyncRequested(string Source, Guid? StationId) : IntegrationEvent
{
    public const string EventType = "google.sync_requested";

    public override string Type => EventType;
}

/// <summary>Staff approved the reply to a Google review: the Workers post it.</summary>
public sealed record ReviewReplyApproved(Guid ReviewId) : IntegrationEvent
{
    public const string EventType = "google.review_reply_approved";

    public override string Type => EventType;
}

/// <summary>A sync set off CPA alerts: staff are e-mailed (through the outbox, so a mail server that is down only delays it).</summary>
public sealed record CpaAlertsFired(IReadOnlyList<CpaAlertDto> Alerts) : IntegrationEvent
{
    public const string EventType = "google.cpa_alerts_fired";

    public override string Type => EventType;
}

/// <summary>A sync found new negative Google reviews without an answer: staff are e-mailed.</summary>
public sealed record NegativeGoogleReviews(IReadOnlyList<GoogleReviewDto> Reviews) : IntegrationEvent
{
    public const string EventType = "google.negative_reviews";

    public override string Type => EventType;
}

/// <summary>Every routing key and the event record its payload holds, and how payloads are written.</summary>
public static class IntegrationEvents
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly IReadOnlyDictionary<string, Type> ByRoutingKey = new Dictionary<string, Type>
    {
        [BookingCreated.EventType] = typeof(BookingCreated),
        [BookingStatusChanged.Confirmed] = typeof(BookingStatusChanged),
        [BookingStatusChanged.Cancelled] = typeof(BookingStatusChanged),
        [BookingStatusChanged.Completed] = typeof(BookingStatusChanged),
        [BookingStatusChanged.NoShow] = typeof(BookingStatusChanged),
        [BookingChefAssigned.EventType] = typeof(BookingChefAssigned),
        [BookingRescheduled.EventType] = typeof(BookingRescheduled),
        [LeadCaptured.EventType] = typeof(LeadCaptured),
        [UserRegistered.EventType] = typeof(UserRegistered),
        [PasswordResetRequested.EventType] = typeof(PasswordResetRequested),
        [PaymentRecorded.EventType] = typeof(PaymentRecorded),
        [RefundRecorded.EventType] = typeof(RefundRecorded),
        [BalancePaymentFailed.EventType] = typeof(BalancePaymentFailed),
        [BookingHoldReleased.EventType] = typeof(BookingHoldReleased),
        [PriceChanged.EventType] = typeof(PriceChanged),
        [InboxMessageReceived.EventType] = typeof(InboxMessageReceived),
        [InboxMessageQueued.EventType] = typeof(InboxMessageQueued),
        [CommentModerated.EventType] = typeof(CommentModerated),
        [StaffMentioned.EventType] = typeof(StaffMentioned),
        [CallEnded.EventType] = typeof(CallEnded),
        [CalendarSyncRequested.EventType] = typeof(CalendarSyncRequested),
        [GoogleSyncRequested.EventType] = typeof(GoogleSyncRequested),
        [ReviewReplyApproved.EventType] = typeof(ReviewReplyApproved),
        [CpaAlertsFired.EventType] = typeof(CpaAlertsFired),
        [NegativeGoogleReviews.EventType] = typeof(NegativeGoogleReviews),
    };

    /// <summary>The routing keys whose payload is a <typeparamref name="TEvent"/>.</summary>
    public static IReadOnlyList<string> RoutingKeysOf<TEvent>() where TEvent : IntegrationEvent =>
        ByRoutingKey.Where(e => e.Value == typeof(TEvent)).Select(e => e.Key).ToList();

    public static string Serialize<TEvent>(TEvent integrationEvent) where TEvent : IntegrationEvent =>
        JsonSerializer.Serialize(integrationEvent, Json);
}
