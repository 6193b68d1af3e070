using NpgsqlTypes;

namespace MyHibachi.Api.Data.Entities;

// Stored by name (see HibachiDbContext); the contracts have twins of the same names.
public enum ConversationStatus
{
    Active,
    Escalated,
    Closed,
    Snoozed,
}

public enum ConversationChannel
{
    Web,
    Sms,
    WhatsApp,
    Messenger,
    Instagram,
    Email,
    Voice,
    FacebookComment,
    InstagramComment,
}

/// <summary>Where an outbound message is on its way to the customer (inbound and web messages have None).</summary>
public enum DeliveryState
{
    None,
    Queued,
    Sending,
    Sent,
    Delivered,
    Read,
    Failed,
}

public enum MessageAuthor
{
    Customer,
    Assistant,
    Staff,
    System,
}

public enum ConversationEventKind
{
    Escalated,
    Resumed,
    TakenOver,
    Closed,
    Assigned,
    Snoozed,
    Reopened,
}

/// <summary>
/// One thread with a customer or a visitor, on any channel: the assistant answers it until it is
/// escalated, then a person does until the assistant is resumed. What the customer has told us
/// (date, guests, ZIP, allergies, contact) is kept in <see cref="Memory"/> across turns.
/// </summary>
public sealed class Conversation : ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The signed-in customer the thread belongs to; null for an anonymous visitor.</summary>
    public Guid? CustomerId { get; set; }

    public ConversationChannel Channel { get; set; }

    public ConversationStatus Status { get; set; } = ConversationStatus.Active;

    /// <summary>A person replied or took over at some point: the conversation does not count as handled by the assistant.</summary>
    public bool HumanInvolved { get; set; }

    public string? LastAgent { get; set; }

    public ConversationMemory Memory { get; set; } = new();

    /// <summary>What staff read first in the queue: who, what they want, why it was escalated.</summary>
    public string? Summary { get; set; }

    public string? EscalationReason { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public Guid? AssignedUserId { get; set; }

    public string? AssignedName { get; set; }

    public int CustomerMessages { get; set; }

    public DateTimeOffset LastMessageAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The thread on its channel: the phone number (SMS, voice), WhatsApp id, Messenger or Instagram
    /// id, e-mail address, or the first comment's id for a comment thread. Unique per channel.
    /// </summary>
    public string? ThreadKey { get; set; }

    /// <summary>Where replies go: the phone number, WhatsApp id, page-scoped id or e-mail address.</summary>
    public string? Handle { get; set; }

    /// <summary>Which of our numbers, pages or accounts the customer wrote to (replies leave from it).</summary>
    public string? ChannelAccount { get; set; }

    public string? ContactName { get; set; }

    public Guid? StationId { get; set; }

    public List<string> Labels { get; set; } = [];

    public DateTimeOffset? SnoozedUntil { get; set; }

    /// <summary>The customer's last message: WhatsApp and Messenger allow free text for 24 hours after it.</summary>
    public DateTimeOffset? LastInboundAt { get; set; }

    /// <summary>The status before a snooze, restored when the customer writes or the snooze ends.</summary>
    public ConversationStatus? StatusBeforeSnooze { get; set; }

    public uint Version { get; set; }
}

/// <summary>What the customer has said so far, carried across turns into the quote or booking it leads to.</summary>
public sealed record ConversationMemory
{
    public int? Adults { get; init; }

    public int? Children { get; init; }

    public string? Zip { get; init; }

    public DateOnly? EventDate { get; init; }

    public string? StartTime { get; init; }

    public List<string> Allergies { get; init; } = [];

    public List<string> MenuCodes { get; init; } = [];

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Street { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    /// <summary>The booking the customer is talking about (theirs, checked on every use).</summary>
    public Guid? BookingId { get; init; }

    public Guid? QuoteId { get; init; }

    /// <summary>An action waiting for the customer's yes: "book", "reschedule", "cancel" or "guests".</summary>
    public string? Pending { get; init; }

    /// <summary>What the assistant asked for last (e.g. "zip"), so a bare answer ("30301") fills it.</summary>
    public string? AskedFor { get; init; }

    /// <summary>The agent that asked <see cref="AskedFor"/>: a short answer goes back to it.</summary>
    public string? AskedBy { get; init; }

    /// <summary>Turns in a row that made no progress (a clarifying question, the same question again).</summary>
    public int Stalls { get; init; }

    public string? LastCustomerText { get; init; }
}

public sealed class ConversationMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ConversationId { get; set; }

    public MessageAuthor Author { get; set; }

    public required string Text { get; set; }

    public string? Agent { get; set; }

    public string? Intent { get; set; }

    public double? Confidence { get; set; }

    public List<KnowledgeCitation> Sources { get; set; } = [];

    public Guid? AuthorUserId { get; set; }

    public string? AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A note between staff: never sent to the customer.</summary>
    public bool IsPrivate { get; set; }

    /// <summary>Staff named in a note (@mention).</summary>
    public List<Guid> Mentions { get; set; } = [];

    /// <summary>The provider's id, prefixed with its source ("rc-sms:…", "wa:wamid…"): a repeated webhook finds it and adds nothing.</summary>
    public string? ExternalId { get; set; }

    public DeliveryState Delivery { get; set; }

    public string? DeliveryError { get; set; }

    public int DeliveryAttempts { get; set; }

    public DateTimeOffset? DeliveryUpdatedAt { get; set; }

    /// <summary>Sent as this approved template (WhatsApp outside the 24-hour window).</summary>
    public string? Template { get; set; }

    /// <summary>A customer message the assistant has answered (or left to staff): answering is done once.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>A comment staff hid on the page or post.</summary>
    public bool Hidden { get; set; }
}

public sealed record KnowledgeCitation(Guid Id, string Title, double Score);

public sealed class ConversationEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ConversationId { get; set; }

    public ConversationEventKind Kind { get; set; }

    public string? Reason { get; set; }

    public bool Automatic { get; set; }

    public Guid? ActorUserId { get; set; }

    public string? ActorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A policy or FAQ passage staff write; the knowledge agent retrieves it by full-text search
/// (<see cref="SearchVector"/>, kept by PostgreSQL) and by meaning (<see cref="Embedding"/>).
/// </summary>
public sealed class KnowledgeArticle : ITimestamped, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Title { get; set; }

    public required string Body { get; set; }

    public List<string> Tags { get; set; } = [];

    public bool IsPublished { get; set; } = true;

    public float[] Embedding { get; set; } = [];

    public NpgsqlTsVector SearchVector { get; set; } = null!;

    public string? UpdatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}
