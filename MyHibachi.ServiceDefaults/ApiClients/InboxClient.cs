using Microsoft.Extensions.Logging;
using MyHibachi.Contracts;

namespace MyHibachi.ApiClients;

/// <summary>The inbox for staff (list, thread, reply, notes, assignment...) and its internal side for the Workers (answer, claim, report, calls).</summary>
public sealed class InboxClient(HttpClient http, ILogger<InboxClient> logger) : ApiClient(http, logger)
{
    private const string Base = "/api/v1/inbox";

    public Task<ApiResult<PagedList<InboxConversationSummary>>> ListAsync(InboxListQuery query, CancellationToken ct) =>
        GetAsync<PagedList<InboxConversationSummary>>($"{Base}/conversations{Query(query)}", ct);

    public Task<ApiResult<InboxConversationDto>> ConversationAsync(Guid id, CancellationToken ct) => GetAsync<InboxConversationDto>($"{Base}/conversations/{id}", ct);

    public Task<ApiResult<InboxConversationDto>> ReplyAsync(Guid id, InboxReplyRequest request, CancellationToken ct) =>
        PostAsync<InboxConversationDto>($"{Base}/conversations/{id}/reply", request, ct);

    public Task<ApiResult<InboxConversationDto>> NoteAsync(Guid id, InboxNoteRequest request, CancellationToken ct) =>
        PostAsync<InboxConversationDto>($"{Base}/conversations/{id}/notes", request, ct);

    public Task<ApiResult<InboxConversationDto>> AssignAsync(Guid id, InboxAssignRequest request, CancellationToken ct) =>
        PostAsync<InboxConversationDto>($"{Base}/conversations/{id}/assign", request, ct);

    public Task<ApiResult<InboxConversationDto>> LabelsAsync(Guid id, InboxLabelsRequest request, CancellationToken ct) =>
        PutAsync<InboxConversationDto>($"{Base}/conversations/{id}/labels", request, ct);

    public Task<ApiResult<InboxConversationDto>> StatusAsync(Guid id, InboxStatusRequest request, CancellationToken ct) =>
        PostAsync<InboxConversationDto>($"{Base}/conversations/{id}/status", request, ct);

    public Task<ApiResult<InboxConversationDto>> LinkCustomerAsync(Guid id, Guid? customerId, CancellationToken ct) =>
        PostAsync<InboxConversationDto>($"{Base}/conversations/{id}/customer", new InboxLinkCustomerRequest(customerId), ct);

    public Task<ApiResult<InboxConversationDto>> HideAsync(Guid id, Guid messageId, ModerationRequest request, CancellationToken ct) =>
        PostAsync<InboxConversationDto>($"{Base}/conversations/{id}/messages/{messageId}/hide", request, ct);

    public Task<ApiResult<IReadOnlyList<ChannelStatusDto>>> ChannelsAsync(CancellationToken ct) => GetAsync<IReadOnlyList<ChannelStatusDto>>($"{Base}/channels", ct);

    public Task<ApiResult<IReadOnlyList<InboxAgentDto>>> AgentsAsync(CancellationToken ct) => GetAsync<IReadOnlyList<InboxAgentDto>>($"{Base}/agents", ct);

    public Task<ApiResult<InboxAgentDto>> DutyAsync(bool onDuty, CancellationToken ct) => PutAsync<InboxAgentDto>($"{Base}/duty", new InboxDutyRequest(onDuty), ct);

    public Task<ApiResult<IReadOnlyList<CannedReplyDto>>> CannedAsync(CancellationToken ct) => GetAsync<IReadOnlyList<CannedReplyDto>>($"{Base}/canned-replies", ct);

    public Task<ApiResult<CannedReplyDto>> SaveCannedAsync(Guid? id, CannedReplyRequest request, CancellationToken ct) =>
        SaveAsync<CannedReplyDto>($"{Base}/canned-replies", id, request, null, ct);

    public Task<ApiResult<Done>> DeleteCannedAsync(Guid id, CancellationToken ct) => DeleteAsync($"{Base}/canned-replies/{id}", null, ct);

    public Task<ApiResult<InboxReplayResult>> ReplayAsync(InboxReplayRequest request, CancellationToken ct) => PostAsync<InboxReplayResult>($"{Base}/replay", request, ct);

    public Task<ApiResult<CallTranscriptDto>> TranscriptAsync(Guid callId, CancellationToken ct) => GetAsync<CallTranscriptDto>($"/api/v1/calls/{callId}/transcript", ct);

    public Task<ApiResult<FileDownload>> RecordingAsync(Guid callId, CancellationToken ct) => DownloadAsync($"/api/v1/calls/{callId}/playback", ct);

    // ---- the Workers ----

    public Task<ApiResult<InboxAnswerResult>> AnswerAsync(Guid messageId, CancellationToken ct) =>
        PostAsync<InboxAnswerResult>($"/api/internal/inbox/messages/{messageId}/answer", null, ct);

    public Task<ApiResult<OutboundMessage>> ClaimAsync(Guid messageId, CancellationToken ct) =>
        PostAsync<OutboundMessage>($"/api/internal/inbox/messages/{messageId}/claim", null, ct);

    public Task<ApiResult<InboxMessageDto>> ReportAsync(Guid messageId, DeliveryReport report, CancellationToken ct) =>
        PostAsync<InboxMessageDto>($"/api/internal/inbox/messages/{messageId}/delivery", report, ct);

    public Task<ApiResult<InboxSweepResult>> SweepAsync(CancellationToken ct) => PostAsync<InboxSweepResult>("/api/internal/inbox/sweep", null, ct);

    public Task<ApiResult<IReadOnlyList<AwaitingReceipt>>> AwaitingReceiptsAsync(CancellationToken ct) =>
        GetAsync<IReadOnlyList<AwaitingReceipt>>("/api/internal/inbox/awaiting-receipts", ct);

    public Task<ApiResult<Done>> InboundEmailAsync(InboundEmail email, CancellationToken ct) => PostAsync<Done>("/api/internal/inbox/email", email, ct);

    public Task<ApiResult<CallDto>> SaveRecordingAsync(Guid callId, byte[] audio, string contentType, CancellationToken ct) =>
        PutContentAsync<CallDto>($"/api/internal/calls/{callId}/recording", audio, contentType, ct);

    public Task<ApiResult<CallDto>> SaveTranscriptAsync(Guid callId, CallTranscriptReport report, CancellationToken ct) =>
        PutAsync<CallDto>($"/api/internal/calls/{callId}/transcript", report, ct);
}
