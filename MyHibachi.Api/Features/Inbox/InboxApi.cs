using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Features.Inbox.Channels;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Files;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Channels;
using MyHibachi.Realtime;

namespace MyHibachi.Api.Features.Inbox;

public static class InboxApi
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section);
        services.AddInboxRealtime();
        services.AddSingleton<InboxNotifier>();
        services.AddScoped<InboxIngest>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<InboxService>();
        services.AddScoped<InboxAssignment>();
        services.AddScoped<InboxDelivery>();
        services.AddScoped<CallLog>();
        services.AddScoped<RingCentralWebhook>();
        services.AddScoped<MetaWebhook>();
        services.AddScoped<InboxReplay>();
        return services;
    }

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        // Providers' webhooks: authenticated by their signatures (checked before parsing), not by a token.
        var hooks = app.MapGroup("/api/v1/webhooks").WithTags("Channel webhooks").AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(PaymentsApi.WebhookRateLimit);
        hooks.MapPost("/ringcentral", (HttpContext http, RingCentralWebhook hook, CancellationToken ct) => hook.ReceiveAsync(http, ct))
            .WithName("RingCentralWebhook").WithSummary("RingCentral notifications: the Validation-Token handshake, inbound SMS and telephony sessions");
        hooks.MapGet("/meta", (HttpRequest request, MetaWebhook hook) => hook.Verify(request))
            .WithName("MetaWebhookVerify").WithSummary("Meta's subscription check (hub.mode, hub.verify_token, hub.challenge)");
        hooks.MapPost("/meta", (HttpRequest request, MetaWebhook hook, CancellationToken ct) => hook.ReceiveAsync(request, ct))
            .WithName("MetaWebhook").WithSummary("WhatsApp, Messenger, Instagram and comment events, signed with X-Hub-Signature-256");

        var inbox = app.MapGroup("/api/v1/inbox").WithTags("Inbox").AddEndpointFilter<RetryOnConcurrencyConflict>().RequireRateLimiting(RateLimitPolicies.Api)
            .RequireStaff();
        var read = inbox.MapGroup("").RequirePermission(Permissions.ConversationsRead);
        var reply = inbox.MapGroup("").RequirePermission(Permissions.ConversationsReply);
        read.MapGet("/conversations", List).WithName("InboxList")
            .WithSummary("Every channel's conversations, newest activity first: filter by channel, status, assignee (me, none, id), label, station or text")
            .ProducesValidationProblem();
        read.MapGet("/conversations/{id:guid}", Get).WithName("InboxConversation")
            .WithSummary("One thread with notes, delivery status, calls and the contact's bookings, quotes and leads");
        reply.MapPost("/conversations/{id:guid}/reply", Reply).WithName("InboxReply")
            .WithSummary("Reply to the customer on their channel (takes the conversation from the assistant)").ProducesValidationProblem();
        reply.MapPost("/conversations/{id:guid}/notes", AddNote).WithName("InboxNote")
            .WithSummary("A private note for staff, optionally mentioning colleagues (they get an e-mail)").ProducesValidationProblem();
        reply.MapPost("/conversations/{id:guid}/assign", Assign).WithName("InboxAssign")
            .WithSummary("Assign to a person, to nobody, or round-robin among staff on duty").ProducesValidationProblem();
        reply.MapPut("/conversations/{id:guid}/labels", Labels).WithName("InboxLabels").WithSummary("Replace the conversation's labels").ProducesValidationProblem();
        reply.MapPost("/conversations/{id:guid}/status", Status).WithName("InboxStatus")
            .WithSummary("open (take over), pending (hand back to the assistant), snoozed until a time, resolved").ProducesValidationProblem();
        reply.MapPost("/conversations/{id:guid}/customer", LinkCustomer).WithName("InboxLinkCustomer")
            .WithSummary("Tie the contact to a customer record (or untie it with null)").ProducesValidationProblem();
        reply.MapPost("/conversations/{id:guid}/messages/{messageId:guid}/hide", Hide).WithName("InboxHideComment")
            .WithSummary("Hide (or show) a customer's comment on the Facebook page or an Instagram post");
        read.MapGet("/channels", Channels).WithName("InboxChannels").WithSummary("Each channel: configured or not, and what waits in its queue");
        read.MapGet("/agents", Agents).WithName("InboxAgents").WithSummary("Staff who answer conversations, on duty or not, with their open conversations");
        reply.MapPut("/duty", Duty).WithName("InboxDuty").WithSummary("Go on or off duty (round-robin assigns only staff on duty)").ProducesValidationProblem();
        read.MapGet("/canned-replies", Canned).WithName("CannedReplies").WithSummary("Canned replies, by short code");
        reply.MapPost("/canned-replies", CreateCanned).WithName("CreateCannedReply").ProducesValidationProblem();
        reply.MapPut("/canned-replies/{id:guid}", UpdateCanned).WithName("UpdateCannedReply").ProducesValidationProblem();
        reply.MapDelete("/canned-replies/{id:guid}", DeleteCanned).WithName("DeleteCannedReply");
        reply.MapPost("/replay", Replay).WithName("InboxReplay")
            .WithSummary("Development only: feed a recorded provider payload through its webhook's parser, to try the whole flow offline")
            .ProducesValidationProblem();

        // The Workers' side: service credentials only.
        var workers = app.MapGroup("/api/internal").WithTags("Internal (workers)").AddEndpointFilter<RetryOnConcurrencyConflict>()
            .RequireRateLimiting(RateLimitPolicies.Api).RequirePermission(Permissions.InternalAccess).RequireAuthorization(policy => policy.RequireRole(Roles.Service));
        workers.MapPost("/inbox/messages/{id:guid}/answer", (Guid id, InboxDelivery delivery, CancellationToken ct) => delivery.AnswerAsync(id, ct).ToOk())
            .WithName("InboxAnswer").WithSummary("The assistant's turn on a customer's channel message (once per message)");
        workers.MapPost("/inbox/messages/{id:guid}/claim", (Guid id, InboxDelivery delivery, CancellationToken ct) => delivery.ClaimAsync(id, ct).ToOk())
            .WithName("InboxClaim").WithSummary("Claim an outbound message before sending it: 409 when it was sent or another worker is sending it");
        workers.MapPost("/inbox/messages/{id:guid}/delivery", (Guid id, DeliveryReport report, InboxDelivery delivery, CancellationToken ct) =>
            delivery.ReportAsync(id, report, ct).ToOk()).WithName("InboxDeliveryReport").WithSummary("What the provider said: sent (with its id), failed, or queued again");
        workers.MapGet("/inbox/awaiting-receipts", async (InboxDelivery delivery, CancellationToken ct) => TypedResults.Ok(await delivery.AwaitingReceiptsAsync(ct)))
            .WithName("InboxAwaitingReceipts").WithSummary("Texts sent in the last day still waiting for RingCentral's delivered or failed");
        workers.MapPost("/inbox/sweep", async (InboxDelivery delivery, CancellationToken ct) => TypedResults.Ok(await delivery.SweepAsync(ct)))
            .WithName("InboxSweep").WithSummary("Re-queue what waits (with back-off), fail what was tried too often, wake snoozed conversations");
        workers.MapPost("/inbox/email", async (InboundEmail email, InboxIngest ingest, TimeProvider clock, CancellationToken ct) =>
        {
            var item = InboundEmailThreading.ToItem(email, clock.GetUtcNow());
            return item.Succeeded
                ? (IResult)TypedResults.Ok(new { received = (await ingest.ReceiveAsync(item.Value!, ct)).ToString().ToLowerInvariant() })
                : item.Failure!.ToResult();
        }).WithName("InboxInboundEmail").WithSummary("An e-mail a customer sent, threaded into its conversation");
        workers.MapPut("/calls/{id:guid}/recording", async (Guid id, HttpRequest request, CallLog calls, FileStore files, CancellationToken ct) =>
        {
            var audio = await WebhookBody.ReadAsync(request, ct, (int)Math.Min(int.MaxValue, files.MaxBytes));
            return audio is null
                ? new Failure(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The recording is larger than the file store takes.").ToResult()
                : (IResult)(await calls.SaveRecordingAsync(id, request.ContentType, audio, ct)).ToOk();
        }).WithName("SaveCallRecording").WithSummary("The call's recording, fetched from RingCentral");
        workers.MapPut("/calls/{id:guid}/transcript", (Guid id, CallTranscriptReport report, CallLog calls, CancellationToken ct) => calls.SaveTranscriptAsync(id, report, ct).ToOk())
            .WithName("SaveCallTranscript").WithSummary("The call's transcript (ringcentral or deepgram), then read by the assistant");

        var calls = app.MapGroup("/api/v1/calls").WithTags("Calls").RequireRateLimiting(RateLimitPolicies.Api).RequireStaff()
            .RequirePermission(Permissions.ConversationsRead);
        calls.MapGet("/{id:guid}", GetCall).WithName("GetCall").WithSummary("A call: direction, status, duration, summary, intent, emotion, links");
        calls.MapGet("/{id:guid}/recording", Recording).WithName("CallRecording").WithSummary("The recording as a download (range requests)");
        calls.MapGet("/{id:guid}/playback", Playback).WithName("CallPlayback").WithSummary("The recording streamed for a player (range requests, inline)");
        calls.MapGet("/{id:guid}/transcript", Transcript).WithName("CallTranscript").WithSummary("The transcript with its source (ringcentral or deepgram)");
        return app;
    }

    public static Task<Results<Ok<PagedList<InboxConversationSummary>>, ProblemHttpResult>> List([AsParameters] InboxListQuery query, InboxQueries queries,
        CancellationToken ct) => queries.ListAsync(query, ct).ToOk();

    public static async Task<Results<Ok<InboxConversationDto>, ProblemHttpResult>> Get(Guid id, InboxQueries queries, CancellationToken ct) =>
        await queries.ReadAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : Failure.NotFound("Conversation").ToResult();

    public static Task<Results<Ok<InboxConversationDto>, ProblemHttpResult>> Reply(Guid id, InboxReplyRequest request, InboxService inbox, CancellationToken ct) =>
        inbox.ReplyAsync(id, request, ct).ToOk();

    public static Task<Results<Ok<InboxConversationDto>, ProblemHttpResult>> AddNote(Guid id, InboxNoteRequest request, InboxService inbox, CancellationToken ct) =>
        inbox.NoteAsync(id, request, ct).ToOk();

    public static Task<Results<Ok<InboxConversationDto>, ProblemHttpResult>> Assign(Guid id, InboxAssignRequest request, InboxService inbox, CancellationToken ct) =>
        inbox.AssignAsync(id, request, ct).ToOk();

    public static Task<Results<Ok<InboxConversationDto>, ProblemHttpResult>> Labels(Guid id, InboxLabelsRequest request, InboxService inbox, CancellationToken ct) =>
        inbox.LabelsAsync(id, request, ct).ToOk();

    public static Task<Results<Ok<InboxConversationDto>, ProblemHttpResult>> Status(Guid id, InboxStatusRequest request, InboxService inbox, CancellationToken ct) =>
        inbox.StatusAsync(id, request, ct).ToOk();

    public static Task<Results<Ok<InboxConversationDto>, ProblemHttpResult>> LinkCustomer(Guid id, InboxLinkCustomerRequest request, InboxService inbox,
        CancellationToken ct) => inbox.LinkCustomerAsync(id, request, ct).ToOk();

    public static Task<Results<Ok<InboxConversationDto>, ProblemHttpResult>> Hide(Guid id, Guid messageId, ModerationRequest request, InboxService inbox,
        CancellationToken ct) => inbox.HideAsync(id, messageId, request, ct).ToOk();

    public static async Task<Ok<IReadOnlyList<ChannelStatusDto>>> Channels(InboxService inbox, CancellationToken ct) => TypedResults.Ok(await inbox.ChannelsAsync(ct));

    public static async Task<Ok<IReadOnlyList<InboxAgentDto>>> Agents(InboxService inbox, CancellationToken ct) => TypedResults.Ok(await inbox.AgentsAsync(ct));

    public static Task<Results<Ok<InboxAgentDto>, ProblemHttpResult>> Duty(InboxDutyRequest request, InboxService inbox, CancellationToken ct) =>
        inbox.DutyAsync(request, ct).ToOk();

    public static async Task<Ok<IReadOnlyList<CannedReplyDto>>> Canned(InboxService inbox, CancellationToken ct) => TypedResults.Ok(await inbox.CannedAsync(ct));

    public static async Task<Results<Created<CannedReplyDto>, ProblemHttpResult>> CreateCanned(CannedReplyRequest request, InboxService inbox, CancellationToken ct)
    {
        var result = await inbox.SaveCannedAsync(null, request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/inbox/canned-replies/{result.Value!.Id}", result.Value) : result.Failure!.ToResult();
    }

    public static Task<Results<Ok<CannedReplyDto>, ProblemHttpResult>> UpdateCanned(Guid id, CannedReplyRequest request, InboxService inbox, CancellationToken ct) =>
        inbox.SaveCannedAsync(id, request, ct).ToOk();

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteCanned(Guid id, InboxService inbox, CancellationToken ct)
    {
        var result = await inbox.DeleteCannedAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Failure!.ToResult();
    }

    public static async Task<Results<Ok<InboxReplayResult>, ProblemHttpResult>> Replay(InboxReplayRequest request, InboxReplay replay, IHostEnvironment environment,
        CancellationToken ct) =>
        environment.IsDevelopment() ? (await replay.ReplayAsync(request, ct)).ToOk() : Failure.NotFound("Replay").ToResult();

    public static async Task<Results<Ok<CallDto>, ProblemHttpResult>> GetCall(Guid id, CallLog calls, InboxQueries queries, CancellationToken ct) =>
        await VisibleCallAsync(id, calls, queries, ct) is { } call ? TypedResults.Ok(CallLog.ToDto(call)) : Failure.NotFound("Call").ToResult();

    public static Task<IResult> Recording(Guid id, CallLog calls, InboxQueries queries, FileStore files, CancellationToken ct) =>
        ServeAsync(id, calls, queries, files, inline: false, ct);

    public static Task<IResult> Playback(Guid id, CallLog calls, InboxQueries queries, FileStore files, CancellationToken ct) =>
        ServeAsync(id, calls, queries, files, inline: true, ct);

    public static async Task<Results<Ok<CallTranscriptDto>, ProblemHttpResult>> Transcript(Guid id, CallLog calls, InboxQueries queries, CancellationToken ct) =>
        await VisibleCallAsync(id, calls, queries, ct) is { } call
            ? TypedResults.Ok(new CallTranscriptDto(call.Id, call.RcTranscriptStatus.ToString().ToLowerInvariant(), call.TranscriptSource, call.RcTranscript, call.TranscriptError))
            : Failure.NotFound("Call").ToResult();

    private static async Task<IResult> ServeAsync(Guid id, CallLog calls, InboxQueries queries, FileStore files, bool inline, CancellationToken ct)
    {
        var call = await VisibleCallAsync(id, calls, queries, ct);
        if (call is null)
        {
            return Failure.NotFound("Call").ToResult();
        }

        var file = await calls.RecordingAsync(call, ct);
        return file is null
            ? new Failure(StatusCodes.Status404NotFound, ProblemCodes.RecordingMissing, "This call has no recording (yet).",
                call.RcRecordingId is null ? "The call was not recorded." : "The Workers fetch it from RingCentral shortly after the call.").ToResult()
            : await files.ServeAsync(file, ct, inline);
    }

    private static async Task<Data.Entities.Call?> VisibleCallAsync(Guid id, CallLog calls, InboxQueries queries, CancellationToken ct) =>
        await calls.FindAsync(id, ct) is { } call && await queries.Visible().AnyAsync(c => c.Id == call.ConversationId, ct) ? call : null;
}
