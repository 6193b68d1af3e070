using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Assistant;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Channels;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>
/// The Workers' side of the inbox: the assistant's turn on a channel message (once per message), the
/// claim on an outbound message before it is sent (so a repeated event never sends it twice), the
/// provider's answer, and the sweep that re-queues what an outage left behind with growing back-off.
/// </summary>
public sealed class InboxDelivery(
    HibachiDbContext db, AssistantService assistant, InboxAssignment assignment, InboxNotifier notifier, IOptions<ChannelOptions> channels,
    TimeProvider clock)
{
    /// <summary>How long a worker may take to send before another may try.</summary>
    public static readonly TimeSpan SendLease = TimeSpan.FromMinutes(2);

    public const int MaxAttempts = 10;

    /// <summary>The intent of a reply the assistant suggests to staff (a private message they may send).</summary>
    public const string DraftIntent = "suggested_reply";

    public async Task<Result<InboxAnswerResult>> AnswerAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.ConversationMessages.FirstOrDefaultAsync(m => m.Id == messageId && m.Author == MessageAuthor.Customer, cancellationToken);
        if (message is null)
        {
            return Failure.NotFound("Message");
        }

        if (message.AnsweredAt is not null)
        {
            return new InboxAnswerResult(messageId, false, "already answered");
        }

        var conversation = await db.Conversations.FirstAsync(c => c.Id == message.ConversationId, cancellationToken);
        message.AnsweredAt = clock.GetUtcNow();
        string outcome;
        if (conversation.Status == ConversationStatus.Active)
        {
            var reply = await assistant.RespondAsync(conversation, message.Text, cancellationToken);
            outcome = reply.Escalated ? "handed to staff" : "answered by " + reply.Agent;
        }
        else
        {
            // A person has it: the assistant only suggests a reply beside the message (a note staff may send or ignore).
            outcome = "left to staff";
            if (conversation.Status == ConversationStatus.Escalated && await assistant.DraftAsync(conversation, message.Text, cancellationToken) is { } draft)
            {
                db.ConversationMessages.Add(new ConversationMessage
                {
                    ConversationId = conversation.Id, Author = MessageAuthor.Assistant, Text = draft.Text, Agent = draft.Agent, Intent = InboxDelivery.DraftIntent,
                    IsPrivate = true, CreatedAt = clock.GetUtcNow(),
                });
                outcome = "left to staff, with a suggested reply";
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (conversation.Status == ConversationStatus.Escalated && conversation.AssignedUserId is null)
        {
            await assignment.RoundRobinAsync(conversation, cancellationToken);
        }

        notifier.Changed(conversation.Id, "message", conversation.StationId);
        return new InboxAnswerResult(messageId, outcome.StartsWith("answered", StringComparison.Ordinal), outcome);
    }

    /// <summary>The message to send, now marked as being sent; a conflict when it was sent already or another worker is sending it.</summary>
    public async Task<Result<OutboundMessage>> ClaimAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.ConversationMessages.FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || message.Delivery == DeliveryState.None)
        {
            return Failure.NotFound("Outbound message");
        }

        var now = clock.GetUtcNow();
        if (message.Delivery is DeliveryState.Sent or DeliveryState.Delivered or DeliveryState.Read or DeliveryState.Failed
            || message.Delivery == DeliveryState.Sending && message.DeliveryUpdatedAt > now - SendLease)
        {
            return Failure.Conflict(ProblemCodes.AlreadyDelivered, $"This message is {message.Delivery.ToString().ToLowerInvariant()}.");
        }

        var conversation = await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == message.ConversationId, cancellationToken);
        if (!Configured(conversation.Channel, channels.Value))
        {
            // Nothing to send with: it stays queued, visibly, and goes when the channel is set up.
            message.DeliveryError = ChannelStatus.NotConfiguredText(conversation.Channel);
            await db.SaveChangesAsync(cancellationToken);
            return new Failure(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ChannelNotConfigured, message.DeliveryError);
        }

        message.Delivery = DeliveryState.Sending;
        message.DeliveryUpdatedAt = now;
        message.DeliveryAttempts++;
        var outsideWindow = conversation.Channel == ConversationChannel.WhatsApp && !(WhatsAppWindow.ClosesAt(conversation) >= now);
        if (outsideWindow && message.Template is null)
        {
            message.Template = channels.Value.Meta.WhatsAppTemplate;
        }

        string? replyTo = null;
        if (conversation.Channel is ConversationChannel.FacebookComment or ConversationChannel.InstagramComment)
        {
            // A comment is answered under the customer's latest comment in the thread.
            replyTo = await db.ConversationMessages.AsNoTracking()
                .Where(m => m.ConversationId == conversation.Id && m.Author == MessageAuthor.Customer && m.ExternalId != null)
                .OrderByDescending(m => m.CreatedAt).Select(m => m.ExternalId).FirstOrDefaultAsync(cancellationToken);
            replyTo = replyTo?[(replyTo.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }

        string? subject = null;
        if (conversation.Channel == ConversationChannel.Email)
        {
            var first = await db.ConversationMessages.AsNoTracking().Where(m => m.ConversationId == conversation.Id && m.Author == MessageAuthor.Customer)
                .OrderBy(m => m.CreatedAt).Select(m => m.Text).FirstOrDefaultAsync(cancellationToken);
            subject = "Re: " + EmailSubject(first);
        }

        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(conversation.Id, "delivery", conversation.StationId);
        return new OutboundMessage(message.Id, conversation.Id, conversation.Channel.ToContract(), conversation.Handle!, conversation.ChannelAccount, message.Text,
            message.Template, replyTo, subject, DeliveryStatus.Sending, message.DeliveryAttempts);
    }

    public async Task<Result<InboxMessageDto>> ReportAsync(Guid messageId, DeliveryReport report, CancellationToken cancellationToken)
    {
        var message = await db.ConversationMessages.FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || message.Delivery == DeliveryState.None)
        {
            return Failure.NotFound("Outbound message");
        }

        var now = clock.GetUtcNow();
        var error = TextLimits.Clip(report.Error, 500);
        switch (report.Status)
        {
            case DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read:
                if (string.IsNullOrWhiteSpace(report.ExternalId) || report.ExternalId.Length > 300)
                {
                    return Failure.Invalid("externalId", "The provider's id of the sent message.");
                }

                if (InboxOutbound.Advances(message.Delivery, report.Status.Value.ToEntity()))
                {
                    message.Delivery = report.Status.Value.ToEntity();
                    message.ExternalId ??= report.ExternalId;
                    message.DeliveryError = null;
                }

                break;
            case DeliveryStatus.Failed when message.Delivery is DeliveryState.Delivered or DeliveryState.Read:
                break; // a late failure does not undo a receipt
            case DeliveryStatus.Failed:
                message.Delivery = DeliveryState.Failed;
                message.DeliveryError = error ?? "The provider refused the message.";
                break;
            case DeliveryStatus.Queued:
                // A temporary failure (provider down, rate limited): back in the queue, tried again later.
                if (message.Delivery is DeliveryState.Sending or DeliveryState.Queued)
                {
                    message.Delivery = DeliveryState.Queued;
                    message.DeliveryError = report.NotConfigured == true ? error : $"Will retry: {error ?? "the provider did not answer"}";
                }

                break;
            default:
                return Failure.Invalid("status", "sent, delivered, read, failed or queued.");
        }

        message.DeliveryUpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(message.ConversationId, "delivery");
        return InboxQueries.ToDto(message, []);
    }

    /// <summary>
    /// Every minute: messages an outage or a missing setting left in the queue are published again
    /// (after 1, 2, 4 … 60 minutes), a send that outlived its lease is retried, a message tried
    /// <see cref="MaxAttempts"/> times fails visibly, and snoozes that ran out reopen.
    /// </summary>
    public async Task<InboxSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var waiting = await db.ConversationMessages
            .Where(m => (m.Delivery == DeliveryState.Queued || m.Delivery == DeliveryState.Sending) && m.DeliveryUpdatedAt < now - TimeSpan.FromSeconds(30))
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => new { Message = m, c.Channel })
            .OrderBy(x => x.Message.DeliveryUpdatedAt).Take(500).ToListAsync(cancellationToken);
        int requeued = 0, gaveUp = 0;
        foreach (var (message, channel) in waiting.Select(x => (x.Message, x.Channel)))
        {
            if (message.DeliveryAttempts >= MaxAttempts)
            {
                message.Delivery = DeliveryState.Failed;
                message.DeliveryError = $"Gave up after {message.DeliveryAttempts} attempts: {message.DeliveryError}";
                message.DeliveryUpdatedAt = now;
                gaveUp++;
                continue;
            }

            var due = message.Delivery == DeliveryState.Sending
                ? message.DeliveryUpdatedAt + SendLease
                : message.DeliveryUpdatedAt + Backoff(message.DeliveryAttempts);
            if (due > now || !Configured(channel, channels.Value))
            {
                continue;
            }

            message.Delivery = DeliveryState.Queued;
            message.DeliveryUpdatedAt = now;
            db.Publish(new InboxMessageQueued(message.ConversationId, message.Id, channel.ToContract()), now);
            requeued++;
        }

        var snoozed = await db.Conversations.Where(c => c.Status == ConversationStatus.Snoozed && c.SnoozedUntil <= now).ToListAsync(cancellationToken);
        foreach (var conversation in snoozed)
        {
            InboxIngest.Reopen(conversation);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var id in waiting.Select(w => w.Message.ConversationId).Concat(snoozed.Select(c => c.Id)).Distinct())
        {
            notifier.Changed(id, "delivery");
        }

        return new InboxSweepResult(requeued, gaveUp, snoozed.Count);
    }

    /// <summary>
    /// Texts sent in the last day that RingCentral has not yet called delivered or failed (it sends no
    /// per-message receipt: the Workers read the statuses from its message store).
    /// </summary>
    public async Task<IReadOnlyList<AwaitingReceipt>> AwaitingReceiptsAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        return await db.ConversationMessages.AsNoTracking()
            .Where(m => m.Delivery == DeliveryState.Sent && m.ExternalId != null && m.ExternalId.StartsWith("rc-sms:") && m.DeliveryUpdatedAt > since)
            .OrderBy(m => m.DeliveryUpdatedAt).Take(500)
            .Select(m => new AwaitingReceipt(m.Id, m.ExternalId!, m.DeliveryUpdatedAt!.Value)).ToListAsync(cancellationToken);
    }

    /// <summary>1, 2, 4, 8 … minutes after the last attempt, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public static bool Configured(ConversationChannel channel, ChannelOptions options) => channel switch
    {
        ConversationChannel.Sms => options.RingCentral.CanSend,
        ConversationChannel.WhatsApp => options.Meta.CanSendWhatsApp,
        ConversationChannel.Messenger or ConversationChannel.Instagram or ConversationChannel.FacebookComment or ConversationChannel.InstagramComment =>
            options.Meta.CanSendPage,
        _ => true,
    };

    private static string EmailSubject(string? first)
    {
        var line = (first ?? "Your message").Split('\n')[0].Trim();
        return line.Length > 80 ? line[..79] + "…" : line.Length == 0 ? "Your message" : line;
    }
}
