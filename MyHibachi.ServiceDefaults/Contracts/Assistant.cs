using System.Text.Json.Serialization;

namespace MyHibachi.Contracts;

/// <summary>Where a conversation's messages come from; written in lower case on the wire.</summary>
public enum ChatChannel
{
    [JsonStringEnumMemberName("web")] Web,
    [JsonStringEnumMemberName("sms")] Sms,
    [JsonStringEnumMemberName("whatsapp")] WhatsApp,
    [JsonStringEnumMemberName("messenger")] Messenger,
    [JsonStringEnumMemberName("instagram")] Instagram,
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("voice")] Voice,
    [JsonStringEnumMemberName("facebook_comment")] FacebookComment,
    [JsonStringEnumMemberName("instagram_comment")] InstagramComment,
}

/// <summary>Who answers the conversation now: the assistant, or a person after an escalation.</summary>
public enum ChatHandler
{
    [JsonStringEnumMemberName("ai")] Ai,
    [JsonStringEnumMemberName("human")] Human,
}

public enum ConversationState
{
    Active,
    Escalated,
    Closed,
    Snoozed,
}

public enum ConversationEventType
{
    Escalated,
    Resumed,
    TakenOver,
    Closed,
    Assigned,
    Snoozed,
    Reopened,
}

/// <summary>The seven agents the router chooses from, named as the API writes them.</summary>
public static class AgentNames
{
    public const string LeadNurturing = "LeadNurturingAgent";
    public const string CustomerCare = "CustomerCareAgent";
    public const string Operations = "OperationsAgent";
    public const string Knowledge = "KnowledgeAgent";
    public const string Distance = "DistanceAgent";
    public const string Menu = "MenuAgent";
    public const string Allergen = "AllergenAgent";

    public static readonly IReadOnlyList<string> All = [LeadNurturing, CustomerCare, Operations, Knowledge, Distance, Menu, Allergen];
}

public sealed record ChatRequest(string? ConversationId, string? Message, ChatChannel? Channel);

/// <summary>A passage of the knowledge base an answer was grounded in.</summary>
public sealed record KnowledgeSourceDto(Guid Id, string Title, double Score);

public sealed record ChatReply(
    string ConversationId, string Reply, string Agent, string Intent, double Confidence, bool Escalated, ChatHandler HandledBy,
    IReadOnlyList<string>? Suggestions)
{
    /// <summary>Knowledge passages the reply used (shown to staff; the widget may show titles).</summary>
    public IReadOnlyList<KnowledgeSourceDto>? Sources { get; init; }
}

public sealed record ChatMessageDto(
    Guid Id, string Author, string Text, string? Agent, string? Intent, double? Confidence, IReadOnlyList<KnowledgeSourceDto>? Sources,
    string? AuthorName, DateTimeOffset CreatedAt);

public sealed record ConversationEventDto(ConversationEventType Type, string? Reason, bool Automatic, string? ActorName, DateTimeOffset CreatedAt);

public sealed record ConversationDto(
    string Id, ChatChannel Channel, ConversationState Status, ChatHandler HandledBy, Guid? CustomerId, string? CustomerName,
    string? ContactEmail, string? ContactPhone, string? Summary, string? EscalationReason, DateTimeOffset? EscalatedAt, string? AssignedTo,
    string? LastAgent, DateTimeOffset CreatedAt, DateTimeOffset LastMessageAt, IReadOnlyList<ChatMessageDto> Messages,
    IReadOnlyList<ConversationEventDto> Events);

public sealed record ConversationSummaryDto(
    string Id, ChatChannel Channel, ConversationState Status, ChatHandler HandledBy, string? CustomerName, string? LastMessage,
    string? LastAgent, string? EscalationReason, DateTimeOffset? EscalatedAt, string? AssignedTo, int Messages, DateTimeOffset LastMessageAt);

public sealed record ConversationListQuery(
    int? Page = null, int? PageSize = null, ConversationState? Status = null, ChatChannel? Channel = null, string? Q = null);

public sealed record EscalateRequest(string? ConversationId, string? Reason);

public sealed record StaffReplyRequest(string? Message);

public sealed record AgentDto(string Name, string Description, IReadOnlyList<string> Answers);

public sealed record KnowledgeArticleDto(
    Guid Id, string Title, string Body, IReadOnlyList<string> Tags, bool IsPublished, string? UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record KnowledgeArticleRequest(string? Title, string? Body, IReadOnlyList<string>? Tags, bool? IsPublished);

/// <summary>How the assistant did over a period: the share of conversations closed without a person.</summary>
public sealed record AssistantStatsDto(int Conversations, int HandledByAi, int Escalated, int WaitingForStaff, double AiHandledRate);
