namespace MyHibachi.Contracts;

/// <summary>
/// The stable, machine-readable reason of every problem the Api answers with. Each problem
/// (RFC 9457) carries it as its <c>code</c> member and in its <c>type</c> URI
/// (<see cref="TypeUri"/>); clients branch on the code, never on the title, which is prose
/// for people and may be reworded.
/// </summary>
public static class ProblemCodes
{
    public const string TypePrefix = "urn:myhibachi:problem:";

    // Any endpoint
    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PreconditionFailed = "precondition_failed";
    public const string PreconditionRequired = "precondition_required";
    public const string ConcurrentChange = "concurrent_change";
    public const string DuplicateValue = "duplicate_value";
    public const string ValueOutOfRange = "value_out_of_range";
    public const string RelatedRecordMissing = "related_record_missing";
    public const string RateLimited = "rate_limited";
    public const string FeatureDisabled = "feature_disabled";
    public const string RequestCancelled = "request_cancelled";
    public const string InternalError = "internal_error";
    public const string Unavailable = "unavailable";

    // Soft-deleted records
    public const string NotDeleted = "record.not_deleted";
    public const string RestoreWindowPassed = "record.restore_window_passed";
    public const string RecordInUse = "record.in_use";

    // Bookings and quotes
    public const string BookingNotLive = "booking.not_live";
    public const string BookingTransitionRefused = "booking.transition_refused";
    public const string BookingCutoffPassed = "booking.cutoff_passed";
    public const string BookingChefRequired = "booking.chef_required";
    public const string ChefUnavailable = "booking.chef_unavailable";
    public const string NoChefFree = "booking.no_chef_free";
    public const string ChefDoubleBooked = "booking.chef_double_booked";
    public const string IdempotencyKeyReused = "idempotency.key_reused";
    public const string QuoteExpired = "quote.expired";
    public const string QuoteAlreadyBooked = "quote.already_booked";

    // Payments and prices
    public const string CardPaymentsNotConfigured = "payments.card_not_configured";
    public const string NothingToPay = "payments.nothing_to_pay";
    public const string PaymentProviderFailed = "payments.provider_failed";
    public const string RefundTooLarge = "payments.refund_too_large";
    public const string NothingToRefund = "payments.nothing_to_refund";
    public const string PriceOutOfBounds = "pricing.out_of_bounds";
    public const string WebhookSignatureInvalid = "payments.webhook_signature_invalid";
    public const string InvalidPayToken = "payments.invalid_pay_token";

    // The assistant
    public const string ConversationClosed = "conversation.closed";
    public const string ConversationNotEscalated = "conversation.not_escalated";

    // The inbox and its channels
    public const string ChannelNotConfigured = "channel.not_configured";
    public const string ChannelSignatureInvalid = "channel.signature_invalid";
    public const string ChannelVerifyFailed = "channel.verify_failed";
    public const string MessageNotHideable = "inbox.not_a_comment";
    public const string AlreadyDelivered = "inbox.already_delivered";
    public const string NobodyOnDuty = "inbox.nobody_on_duty";
    public const string ShortCodeInUse = "inbox.short_code_in_use";
    public const string RecordingMissing = "call.no_recording";

    // Reviews
    public const string ReviewNotVerified = "review.not_verified";
    public const string ReviewExists = "review.already_written";
    public const string PhotoRejected = "review.photo_rejected";
    public const string PhotoLimit = "review.photo_limit";

    // Loyalty
    public const string ReferralRefused = "loyalty.referral_refused";

    // Google
    public const string GoogleSecretsUnreadable = "google.secrets_unreadable";
    public const string GoogleNotLinked = "google.not_linked";
    public const string GoogleChannelUnknown = "google.channel_unknown";

    // Chefs, customers, leads
    public const string ChefHasBookings = "chef.has_bookings";
    public const string CustomerHasBookings = "customer.has_bookings";
    public const string EmailInUse = "email.in_use";
    public const string LeadClaimed = "lead.claimed";

    // Accounts and roles
    public const string AccountLocked = "account.locked";
    public const string InvalidCredentials = "account.invalid_credentials";
    public const string InvalidClient = "account.invalid_client";
    public const string SignUpClosed = "account.signup_closed";
    public const string SelfLockout = "account.self_lockout";
    public const string RoleFixed = "role.fixed";

    public static string TypeUri(string code) => TypePrefix + code;

    /// <summary>The code for a bare HTTP status (a route that does not exist, a missing token).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => MalformedRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => ConcurrentChange,
        412 => PreconditionFailed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        428 => PreconditionRequired,
        429 => RateLimited,
        499 => RequestCancelled,
        503 => Unavailable,
        _ => status >= 500 ? InternalError : MalformedRequest,
    };
}
