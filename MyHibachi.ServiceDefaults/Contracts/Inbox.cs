using System.Text.Json.Serialization;

namespace MyHibachi.Contracts;

/// <summary>
/// A conversation as the inbox shows it: <c>pending</c> while the assistant answers, <c>open</c> when a
/// person has it, <c>snoozed</c> until a time or the customer's next message, <c>resolved</c> when done.
/// </summary>
public enum InboxStatus
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("snoozed")] Snoozed,
    [JsonStringEnumMemberName("resolved")] Resolved,
}

/// <summary>Where an outbound message is: <c>none</c> for messages that are not sent anywhere (inbound, notes, web chat).</summary>
public enum DeliveryStatus
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("sending")] Sending,
    [JsonStringEnumMemberName("sent")] Sent,
    [JsonStringEnumMemberName("delivered")] Delivered,
    [JsonStringEnumMemberName("read")] Read,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>
/// Filters for the inbox list. <c>channel</c> and <c>status</c> as written on the wire ("sms", "facebook_comment"; "open", "snoozed"); <c>assignee</c> is "me", "none" or a user id; <c>label</c> one label;
/// <c>q</c> searches the contact and the messages.
/// </summary>
public sealed record InboxListQuery(
    int? Page = null, int? PageSize = null, string? Channel = null, string? Status = null, string? Assignee = null,
    string? Label = null, Guid? StationId = null, string? Q = null);

public sealed record InboxConversationSummary(
    Guid Id, ChatChannel Channel, InboxStatus Status, ChatHandler HandledBy, string ContactName, string? Handle, Guid? CustomerId,
    IReadOnlyList<string> Labels, Guid? AssignedUserId, string? AssignedTo, Guid? StationId, string? StationName, string? LastMessage,
    string? LastAuthor, DateTimeOffset LastMessageAt, DateTimeOffset? SnoozedUntil, int Unsent, int Failed);

public sealed record InboxMessageDto(
    Guid Id, string Author, string Text, bool IsPrivate, DeliveryStatus Delivery, string? DeliveryError, int DeliveryAttempts,
    string? Template, string? AuthorName, string? Agent, string? Intent, bool Hidden, IReadOnlyList<string> Mentions, DateTimeOffset CreatedAt);

/// <summary>What the business knows about the contact, beside the thread.</summary>
public sealed record InboxContactContext(
    Guid? CustomerId, string? Name, string? Email, string? Phone, IReadOnlyList<InboxBookingItem> Bookings, IReadOnlyList<InboxQuoteItem> Quotes,
    IReadOnlyList<InboxLeadItem> Leads);

public sealed record InboxBookingItem(Guid Id, string Reference, DateTimeOffset StartsAt, string TimeZone, BookingStatus Status, int Guests, long TotalCents);

public sealed record InboxQuoteItem(Guid Id, DateOnly? EventDate, int Guests, long TotalCents, DateTimeOffset CreatedAt);

public sealed record InboxLeadItem(Guid Id, LeadStatus Status, LeadReason Reason, LeadSource Source, DateTimeOffset CreatedAt);

public sealed record CallDto(
    Guid Id, string Direction, string Status, string FromNumber, string ToNumber, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    int? DurationSeconds, bool HasRecording, string TranscriptStatus, string? TranscriptSource, string? Summary, string? Intent, string? Emotion,
    Guid? LeadId, Guid? BookingId);

public sealed record CallTranscriptDto(Guid CallId, string Status, string? Source, string? Transcript, string? Error);

public sealed record InboxConversationDto(
    Guid Id, ChatChannel Channel, InboxStatus Status, ChatHandler HandledBy, string ContactName, string? Handle, string? ChannelAccount,
    IReadOnlyList<string> Labels, Guid? AssignedUserId, string? AssignedTo, Guid? StationId, string? StationName, DateTimeOffset? SnoozedUntil,
    string? Summary, string? EscalationReason, DateTimeOffset? ReplyWindowClosesAt, bool ChannelConfigured, IReadOnlyList<InboxMessageDto> Messages,
    IReadOnlyList<ConversationEventDto> Events, IReadOnlyList<CallDto> Calls, InboxContactContext Contact, string ETag);

public sealed record InboxReplyRequest(string? Message);

public sealed record InboxNoteRequest(string? Message, IReadOnlyList<Guid>? MentionUserIds);

/// <summary>Assign to a person (<c>userId</c>), to nobody (both empty), or round-robin among staff on duty (<c>auto</c>).</summary>
public sealed record InboxAssignRequest(Guid? UserId, bool? Auto);

public sealed record InboxLabelsRequest(IReadOnlyList<string>? Labels);

public sealed record InboxStatusRequest(InboxStatus? Status, DateTimeOffset? SnoozeUntil);

public sealed record InboxDutyRequest(bool? OnDuty);

/// <summary>Ties the conversation's contact to a customer record (null unties it).</summary>
public sealed record InboxLinkCustomerRequest(Guid? CustomerId);

public sealed record InboxAgentDto(Guid UserId, string Name, bool OnDuty, int Open);

public sealed record CannedReplyDto(Guid Id, string ShortCode, string Body);

public sealed record CannedReplyRequest(string? ShortCode, string? Body);

/// <summary>A channel and whether it can send: credentials present, and what to set when they are not.</summary>
public sealed record ChannelStatusDto(ChatChannel Channel, string Name, bool Configured, string Detail, int Queued, int Failed);

/// <summary>A recorded webhook body replayed in Development, signed by the Api itself, to try the whole flow without a provider.</summary>
public sealed record InboxReplayRequest(string? Provider, string? Payload);

public sealed record InboxReplayResult(string Provider, int Status, string? Detail);

// ---- The Workers' side (internal endpoints) ----

/// <summary>An outbound message the Workers send: claimed first, so two workers never send it twice.</summary>
public sealed record OutboundMessage(
    Guid MessageId, Guid ConversationId, ChatChannel Channel, string To, string? From, string Text, string? Template, string? ReplyToExternalId,
    string? Subject, DeliveryStatus Delivery, int Attempts);

public sealed record DeliveryReport(DeliveryStatus? Status, string? ExternalId, string? Error, bool? NotConfigured);

/// <summary>The assistant's turn on a customer message from a channel.</summary>
public sealed record InboxAnswerResult(Guid MessageId, bool Answered, string Outcome);

public sealed record InboxSweepResult(int Requeued, int GaveUp, int Unsnoozed);

public sealed record ModerationRequest(bool? Hide);

public sealed record InboundEmail(string? From, string? FromName, string? To, string? Subject, string? Text, string? MessageId, string? InReplyTo, string? References);

public static class WireNames
{
    /// <summary>An enum member from its wire name (its JsonStringEnumMemberName) or its own name, ignoring case.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var member in Enum.GetValues<TEnum>())
        {
            var field = typeof(TEnum).GetField(member.ToString())!;
            var wire = field.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false).OfType<JsonStringEnumMemberNameAttribute>().FirstOrDefault()?.Name;
            if (string.Equals(text.Trim(), wire, StringComparison.OrdinalIgnoreCase) || string.Equals(text.Trim(), member.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        }

        return false;
    }

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .OfType<JsonStringEnumMemberNameAttribute>().FirstOrDefault()?.Name ?? value.ToString();
}

/// <summary>A call's transcript from the Workers: ready (with text), pending or failed; source ringcentral or deepgram.</summary>
public sealed record CallTranscriptReport(string? Status, string? Source, string? Transcript, string? Error);

/// <summary>A sent SMS still waiting for RingCentral to say delivered or failed.</summary>
public sealed record AwaitingReceipt(Guid MessageId, string ExternalId, DateTimeOffset SentAt);
