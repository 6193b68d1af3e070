using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>The assistant: chat for visitors and customers; conversations, the escalation queue and the knowledge base for staff.</summary>
public sealed class AssistantClient(HttpClient http, ILogger<AssistantClient> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<ChatReply>> ChatAsync(ChatRequest request, CancellationToken ct) => PostAsync<ChatReply>("/api/v1/ai/chat", request, ct);

    public Task<ApiResult<ConversationDto>> ConversationAsync(string id, CancellationToken ct) =>
        GetAsync<ConversationDto>($"/api/v1/ai/conversations/{Uri.EscapeDataString(id)}", ct);

    public Task<ApiResult<ConversationDto>> EscalateAsync(EscalateRequest request, CancellationToken ct) => PostAsync<ConversationDto>("/api/v1/ai/escalate", request, ct);

    public Task<ApiResult<IReadOnlyList<AgentDto>>> AgentsAsync(CancellationToken ct) => GetAsync<IReadOnlyList<AgentDto>>("/api/v1/ai/agents", ct);

    public Task<ApiResult<PagedList<ConversationSummaryDto>>> ConversationsAsync(ConversationListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<ConversationSummaryDto>>($"/api/v1/ai/conversations{Query(query)}", ct);

    public Task<ApiResult<IReadOnlyList<ConversationSummaryDto>>> QueueAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<ConversationSummaryDto>>("/api/v1/ai/escalations", ct);

    public Task<ApiResult<AssistantStatsDto>> StatsAsync(int days, CancellationToken ct) => GetAsync<AssistantStatsDto>($"/api/v1/ai/stats?days={days}", ct);

    public Task<ApiResult<ConversationDto>> ReplyAsync(string id, StaffReplyRequest request, CancellationToken ct) =>
        PostAsync<ConversationDto>($"/api/v1/ai/conversations/{Uri.EscapeDataString(id)}/reply", request, ct);

    public Task<ApiResult<ConversationDto>> TakeOverAsync(string id, CancellationToken ct) =>
        PostAsync<ConversationDto>($"/api/v1/ai/conversations/{Uri.EscapeDataString(id)}/takeover", null, ct);

    public Task<ApiResult<ConversationDto>> ResumeAsync(string id, CancellationToken ct) =>
        PostAsync<ConversationDto>($"/api/v1/ai/conversations/{Uri.EscapeDataString(id)}/resume", null, ct);

    public Task<ApiResult<ConversationDto>> CloseAsync(string id, CancellationToken ct) =>
        PostAsync<ConversationDto>($"/api/v1/ai/conversations/{Uri.EscapeDataString(id)}/close", null, ct);

    public Task<ApiResult<IReadOnlyList<KnowledgeArticleDto>>> KnowledgeAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<KnowledgeArticleDto>>("/api/v1/ai/knowledge", ct);

    public Task<ApiResult<KnowledgeArticleDto>> SaveKnowledgeAsync(Guid? id, KnowledgeArticleRequest request, CancellationToken ct) =>
        SaveAsync<KnowledgeArticleDto>("/api/v1/ai/knowledge", id, request, null, ct);

    public Task<ApiResult<Done>> DeleteKnowledgeAsync(Guid id, CancellationToken ct) => DeleteAsync($"/api/v1/ai/knowledge/{id}", null, ct);
}
