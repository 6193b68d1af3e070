using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Channels;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>
/// What staff do in the inbox: reply (which takes the conversation from the assistant), write private
/// notes that mention colleagues, assign (by hand or round-robin), label, snooze, resolve, hand back to
/// the assistant, hide comments, keep canned replies, and go on or off duty.
/// </summary>
public sealed partial class InboxService(
    HibachiDbContext db, InboxQueries queries, InboxAssignment assignment, InboxNotifier notifier, CurrentActor actor, AccessScope scope,
    IOptions<ChannelOptions> channels, TimeProvider clock)
{
    public const int MaxReply = 2000;

    public async Task<Result<InboxConversationDto>> ReplyAsync(Guid id, InboxReplyRequest request, CancellationToken cancellationToken)
    {
        var text = Text.Clean(request.Message);
        if (string.IsNullOrEmpty(text) || text.Length > MaxReply)
        {
            return Failure.Invalid("message", $"Write a reply of up to {MaxReply} characters.");
        }

        var (conversation, failure) = await OpenAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var now = clock.GetUtcNow();
        var me = await MeAsync(cancellationToken);
        TakeOver(conversation!, me, now);
        var message = new ConversationMessage
        {
            ConversationId = id, Author = MessageAuthor.Staff, Text = text, AuthorUserId = me?.Id, AuthorName = me?.DisplayName ?? actor.Name, CreatedAt = now,
        };
        db.ConversationMessages.Add(message);
        InboxOutbound.Queue(db, conversation!, message, now);
        conversation!.LastMessageAt = now;
        return await SaveAsync(conversation, "message", cancellationToken);
    }

    public async Task<Result<InboxConversationDto>> NoteAsync(Guid id, InboxNoteRequest request, CancellationToken cancellationToken)
    {
        var text = Text.Clean(request.Message);
        if (string.IsNullOrEmpty(text) || text.Length > MaxReply)
        {
            return Failure.Invalid("message", $"Write a note of up to {MaxReply} characters.");
        }

        var (conversation, failure) = await FindAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var ids = (request.MentionUserIds ?? []).Distinct().Take(10).ToList();
        var mentioned = ids.Count == 0 ? [] : await assignment.Agents().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        if (mentioned.Count != ids.Count)
        {
            return Failure.Invalid("mentionUserIds", "Mention staff who can answer conversations.");
        }

        var now = clock.GetUtcNow();
        var me = await MeAsync(cancellationToken);
        var note = new ConversationMessage
        {
            ConversationId = id, Author = MessageAuthor.Staff, Text = text, IsPrivate = true, Mentions = ids, AuthorUserId = me?.Id,
            AuthorName = me?.DisplayName ?? actor.Name, CreatedAt = now,
        };
        db.ConversationMessages.Add(note);
        if (mentioned.Count > 0)
        {
            db.Publish(new StaffMentioned(id, note.Id, note.AuthorName!, text, mentioned.Select(u => new MentionedStaff(u.Id, u.DisplayName, u.Email)).ToList()), now);
        }

        return await SaveAsync(conversation!, "note", cancellationToken);
    }

    public async Task<Result<InboxConversationDto>> AssignAsync(Guid id, InboxAssignRequest request, CancellationToken cancellationToken)
    {
        var (conversation, failure) = await FindAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var now = clock.GetUtcNow();
        if (request.Auto == true)
        {
            if (await assignment.RoundRobinAsync(conversation!, cancellationToken) is null)
            {
                return Failure.Conflict(ProblemCodes.NobodyOnDuty, "Nobody who answers conversations is on duty.",
                    "Staff go on duty from the inbox (\"I'm on duty\"), or assign the conversation to a person.");
            }

            return await SaveAsync(conversation!, "assigned", cancellationToken);
        }

        User? agent = null;
        if (request.UserId is { } userId)
        {
            agent = await assignment.Agents().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (agent is null)
            {
                return Failure.Invalid("userId", "Assign to a staff member who can answer conversations.");
            }
        }

        if (conversation!.AssignedUserId != agent?.Id)
        {
            assignment.Assign(conversation, agent, automatic: false, now, by: (await MeAsync(cancellationToken))?.DisplayName ?? actor.Name);
        }

        return await SaveAsync(conversation, "assigned", cancellationToken);
    }

    public async Task<Result<InboxConversationDto>> LabelsAsync(Guid id, InboxLabelsRequest request, CancellationToken cancellationToken)
    {
        var labels = (request.Labels ?? []).Select(l => Text.Clean(l)?.ToLowerInvariant()).Where(l => !string.IsNullOrEmpty(l)).Distinct().ToList();
        if (labels.Count > 10 || labels.Any(l => !LabelPattern().IsMatch(l!)))
        {
            return Failure.Invalid("labels", "Up to 10 labels of lower-case letters, digits and dashes (1–30 characters), e.g. \"vip\" or \"large-party\".");
        }

        var (conversation, failure) = await FindAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        conversation!.Labels = labels!;
        return await SaveAsync(conversation, "labels", cancellationToken);
    }

    /// <summary>open (a person has it), pending (the assistant answers), snoozed until a time, resolved.</summary>
    public async Task<Result<InboxConversationDto>> StatusAsync(Guid id, InboxStatusRequest request, CancellationToken cancellationToken)
    {
        if (request.Status is not { } status)
        {
            return Failure.Invalid("status", "open, pending, snoozed or resolved.");
        }

        var now = clock.GetUtcNow();
        if (status == InboxStatus.Snoozed && (request.SnoozeUntil is not { } until || until <= now || until > now.AddDays(90)))
        {
            return Failure.Invalid("snoozeUntil", "Snooze until a time in the next 90 days.");
        }

        var (conversation, failure) = await FindAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var c = conversation!;
        var me = await MeAsync(cancellationToken);
        var by = me?.DisplayName ?? actor.Name;
        switch (status)
        {
            case InboxStatus.Open when c.Status != ConversationStatus.Escalated:
                TakeOver(c, me, now);
                break;
            case InboxStatus.Pending when c.Status != ConversationStatus.Active:
                c.Status = ConversationStatus.Active;
                c.AssignedUserId = null;
                c.AssignedName = null;
                c.SnoozedUntil = null;
                c.Memory = c.Memory with { Stalls = 0 };
                Event(c, ConversationEventKind.Resumed, $"Handed back to the assistant by {by}.", now);
                Note(c, "The assistant is back in this conversation.", now);
                break;
            case InboxStatus.Snoozed:
                c.StatusBeforeSnooze = c.Status == ConversationStatus.Snoozed ? c.StatusBeforeSnooze : c.Status;
                c.Status = ConversationStatus.Snoozed;
                c.SnoozedUntil = request.SnoozeUntil;
                Event(c, ConversationEventKind.Snoozed, $"Snoozed by {by} until {request.SnoozeUntil:u}.", now);
                break;
            case InboxStatus.Resolved when c.Status != ConversationStatus.Closed:
                c.Status = ConversationStatus.Closed;
                c.SnoozedUntil = null;
                Event(c, ConversationEventKind.Closed, $"Resolved by {by}.", now);
                break;
        }

        return await SaveAsync(c, "status", cancellationToken);
    }

    /// <summary>
    /// The contact is this customer (staff found or created the record): their bookings, quotes and leads
    /// show beside the thread, and the assistant knows whose bookings "my booking" means.
    /// </summary>
    public async Task<Result<InboxConversationDto>> LinkCustomerAsync(Guid id, InboxLinkCustomerRequest request, CancellationToken cancellationToken)
    {
        var (conversation, failure) = await FindAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        Customer? customer = null;
        if (request.CustomerId is { } customerId)
        {
            customer = await scope.Customers(db.Customers).AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
            if (customer is null)
            {
                return Failure.Invalid("customerId", "No such customer (or not one you may see).");
            }
        }

        var c = conversation!;
        if (c.CustomerId != customer?.Id)
        {
            c.CustomerId = customer?.Id;
            if (customer is not null)
            {
                c.StationId = await db.Bookings.Where(b => b.CustomerId == customer.Id).OrderByDescending(b => b.StartsAt).Select(b => (Guid?)b.StationId)
                    .FirstOrDefaultAsync(cancellationToken) ?? customer.StationId;
            }

            var by = (await MeAsync(cancellationToken))?.DisplayName ?? actor.Name;
            Note(c, customer is null ? $"{by} unlinked the customer record." : $"{by} linked this contact to {customer.FirstName} {customer.LastName}.", clock.GetUtcNow());
        }

        return await SaveAsync(c, "customer", cancellationToken);
    }

    public async Task<Result<InboxConversationDto>> HideAsync(Guid id, Guid messageId, ModerationRequest request, CancellationToken cancellationToken)
    {
        var (conversation, failure) = await FindAsync(id, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var message = await db.ConversationMessages.FirstOrDefaultAsync(m => m.Id == messageId && m.ConversationId == id, cancellationToken);
        if (message is null)
        {
            return Failure.NotFound("Message");
        }

        if (conversation!.Channel is not (ConversationChannel.FacebookComment or ConversationChannel.InstagramComment) || message.Author != MessageAuthor.Customer
            || message.ExternalId is null)
        {
            return Failure.Conflict(ProblemCodes.MessageNotHideable, "Only a customer's comment on the page or a post can be hidden.");
        }

        var hide = request.Hide ?? true;
        if (message.Hidden != hide)
        {
            var now = clock.GetUtcNow();
            message.Hidden = hide;
            db.Publish(new CommentModerated(message.Id, conversation.Channel.ToContract(), message.ExternalId[(message.ExternalId.IndexOf(':') + 1)..], hide), now);
            Note(conversation, $"{(await MeAsync(cancellationToken))?.DisplayName ?? actor.Name} {(hide ? "hid" : "showed")} a comment.", now);
        }

        return await SaveAsync(conversation, "moderation", cancellationToken);
    }

    public async Task<Result<InboxAgentDto>> DutyAsync(InboxDutyRequest request, CancellationToken cancellationToken)
    {
        if (request.OnDuty is not { } onDuty)
        {
            return Failure.Invalid("onDuty", "true or false.");
        }

        var me = await assignment.Agents().FirstOrDefaultAsync(u => u.Id == actor.UserId, cancellationToken);
        if (me is null)
        {
            return Failure.Forbidden("Only staff who answer conversations go on duty.");
        }

        me.OnInboxDuty = onDuty;
        await db.SaveChangesAsync(cancellationToken);
        return new InboxAgentDto(me.Id, me.DisplayName, me.OnInboxDuty,
            await db.Conversations.CountAsync(c => c.AssignedUserId == me.Id && c.Status == ConversationStatus.Escalated, cancellationToken));
    }

    public async Task<IReadOnlyList<InboxAgentDto>> AgentsAsync(CancellationToken cancellationToken) =>
        await assignment.Agents().OrderBy(u => u.DisplayName).Select(u => new InboxAgentDto(u.Id, u.DisplayName, u.OnInboxDuty,
            db.Conversations.Count(c => c.AssignedUserId == u.Id && c.Status == ConversationStatus.Escalated))).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ChannelStatusDto>> ChannelsAsync(CancellationToken cancellationToken)
    {
        var counts = await db.ConversationMessages.Where(m => m.Delivery == DeliveryState.Queued || m.Delivery == DeliveryState.Sending || m.Delivery == DeliveryState.Failed)
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => new { c.Channel, m.Delivery })
            .GroupBy(x => new { x.Channel, Failed = x.Delivery == DeliveryState.Failed }).Select(g => new { g.Key.Channel, g.Key.Failed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return ChannelStatus.All(channels.Value).Select(s => s with
        {
            Queued = counts.Where(c => c.Channel == s.Channel.ToEntity() && !c.Failed).Sum(c => c.Count),
            Failed = counts.Where(c => c.Channel == s.Channel.ToEntity() && c.Failed).Sum(c => c.Count),
        }).ToList();
    }

    // ---- canned replies ----

    public async Task<IReadOnlyList<CannedReplyDto>> CannedAsync(CancellationToken cancellationToken) =>
        await db.CannedReplies.AsNoTracking().OrderBy(c => c.ShortCode).Select(c => new CannedReplyDto(c.Id, c.ShortCode, c.Body)).ToListAsync(cancellationToken);

    public async Task<Result<CannedReplyDto>> SaveCannedAsync(Guid? id, CannedReplyRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var code = Text.Clean(request.ShortCode)?.TrimStart('/').ToLowerInvariant();
        var body = Text.Clean(request.Body);
        if (code is null || !LabelPattern().IsMatch(code))
        {
            errors.Add("shortCode", "1–30 lower-case letters, digits and dashes, e.g. \"deposit\".");
        }

        if (string.IsNullOrEmpty(body) || body.Length > MaxReply)
        {
            errors.Add("body", $"The reply, up to {MaxReply} characters.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var canned = id is { } existing ? await db.CannedReplies.FirstOrDefaultAsync(c => c.Id == existing, cancellationToken) : new CannedReply { ShortCode = code!, Body = body! };
        if (canned is null)
        {
            return Failure.NotFound("Canned reply");
        }

        if (await db.CannedReplies.AnyAsync(c => c.ShortCode == code && c.Id != canned.Id, cancellationToken))
        {
            return Failure.Conflict(ProblemCodes.ShortCodeInUse, $"/{code} is already a canned reply.");
        }

        canned.ShortCode = code!;
        canned.Body = body!;
        if (id is null)
        {
            db.CannedReplies.Add(canned);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CannedReplyDto(canned.Id, canned.ShortCode, canned.Body);
    }

    public async Task<Result<bool>> DeleteCannedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.CannedReplies.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0 ? true : Failure.NotFound("Canned reply");

    // ---- helpers ----

    private void TakeOver(Conversation c, User? me, DateTimeOffset now)
    {
        c.HumanInvolved = true;
        if (c.Status != ConversationStatus.Escalated)
        {
            c.Status = ConversationStatus.Escalated;
            c.EscalatedAt = now;
            c.SnoozedUntil = null;
            c.EscalationReason ??= $"Taken over by {me?.DisplayName ?? actor.Name}.";
            Event(c, ConversationEventKind.TakenOver, $"{me?.DisplayName ?? actor.Name} took over.", now);
        }

        if (c.AssignedUserId is null && me is not null)
        {
            c.AssignedUserId = me.Id;
            c.AssignedName = me.DisplayName;
        }
    }

    private void Event(Conversation c, ConversationEventKind kind, string reason, DateTimeOffset now) =>
        db.ConversationEvents.Add(new ConversationEvent
        {
            ConversationId = c.Id, Kind = kind, Reason = TextLimits.Clip(reason, 500)!, ActorUserId = actor.UserId, ActorName = actor.Name,
            CreatedAt = now,
        });

    /// <summary>A line in the thread for staff only (what happened), never sent.</summary>
    private void Note(Conversation c, string text, DateTimeOffset now) =>
        db.ConversationMessages.Add(new ConversationMessage { ConversationId = c.Id, Author = MessageAuthor.System, Text = text, IsPrivate = true, CreatedAt = now });

    private async Task<User?> MeAsync(CancellationToken cancellationToken) =>
        actor.UserId is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) : null;

    private async Task<(Conversation?, Failure?)> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = await queries.Visible().AnyAsync(c => c.Id == id, cancellationToken);
        var conversation = visible ? await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        return conversation is null ? (null, Failure.NotFound("Conversation")) : (conversation, null);
    }

    /// <summary>A conversation staff reply in: a resolved one opens again (the reply is a new exchange).</summary>
    private async Task<(Conversation?, Failure?)> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var (conversation, failure) = await FindAsync(id, cancellationToken);
        if (conversation is { Status: ConversationStatus.Closed or ConversationStatus.Snoozed })
        {
            Event(conversation, ConversationEventKind.Reopened, "Reopened by a reply.", clock.GetUtcNow());
        }

        return (conversation, failure);
    }

    private async Task<Result<InboxConversationDto>> SaveAsync(Conversation conversation, string kind, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(conversation.Id, kind, conversation.StationId);
        return (await queries.ReadAsync(conversation.Id, cancellationToken))!;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,29}$")]
    private static partial Regex LabelPattern();
}

/// <summary>Whether each channel can send, in words staff understand, with what to set when it cannot.</summary>
public static class ChannelStatus
{
    public static string NotConfiguredText(ConversationChannel channel) => channel switch
    {
        ConversationChannel.Sms => "SMS is not configured: set the RingCentral client id, secret, JWT and number (Channels:RingCentral). The message waits in the queue.",
        ConversationChannel.WhatsApp => "WhatsApp is not configured: set Channels:Meta:WhatsAppToken and WhatsAppPhoneNumberId. The message waits in the queue.",
        _ => "Facebook and Instagram are not configured: set Channels:Meta:PageId and PageToken. The message waits in the queue.",
    };

    public static IReadOnlyList<ChannelStatusDto> All(ChannelOptions o) =>
    [
        new(ChatChannel.Sms, "SMS (RingCentral)", o.RingCentral.CanSend, o.RingCentral.CanSend
            ? $"Sending from {o.RingCentral.FromNumber}" + (o.RingCentral.CanReceive ? "; webhook secret set." : "; no webhook secret: incoming texts are refused.")
            : "Not configured: set Channels:RingCentral:ClientId, ClientSecret, Jwt, FromNumber and WebhookSecret.", 0, 0),
        new(ChatChannel.Voice, "Calls (RingCentral)", o.RingCentral.CanSend && o.RingCentral.CanReceive, o.RingCentral.CanReceive
            ? "Call events arrive; recordings are fetched with the RingCentral credentials" + (o.Deepgram.Configured ? ", Deepgram transcribes when RingCentral has no transcript." : "; no Deepgram key: recordings without a RingCentral transcript stay untranscribed.")
            : "Not configured: set Channels:RingCentral (as for SMS) and subscribe to telephony sessions.", 0, 0),
        new(ChatChannel.WhatsApp, "WhatsApp (Meta Cloud API)", o.Meta.CanSendWhatsApp && o.Meta.CanReceive, o.Meta.CanSendWhatsApp
            ? $"Outside the 24-hour window replies go as the approved template \"{o.Meta.WhatsAppTemplate}\"."
            : "Not configured: set Channels:Meta:AppSecret, VerifyToken, WhatsAppToken and WhatsAppPhoneNumberId.", 0, 0),
        new(ChatChannel.Messenger, "Messenger", o.Meta.CanSendPage && o.Meta.CanReceive, o.Meta.CanSendPage ? "Page connected." : "Not configured: set Channels:Meta:PageId and PageToken.", 0, 0),
        new(ChatChannel.Instagram, "Instagram messages", o.Meta.CanSendPage && o.Meta.CanReceive, o.Meta.CanSendPage ? "Connected through the page." : "Not configured: set Channels:Meta:PageId, PageToken and InstagramAccountId.", 0, 0),
        new(ChatChannel.FacebookComment, "Facebook page comments", o.Meta.CanSendPage && o.Meta.CanReceive, o.Meta.CanSendPage ? "Read, reply and hide." : "Not configured: set Channels:Meta:PageId and PageToken.", 0, 0),
        new(ChatChannel.InstagramComment, "Instagram comments", o.Meta.CanSendPage && o.Meta.CanReceive, o.Meta.CanSendPage ? "Read, reply and hide." : "Not configured: set Channels:Meta:InstagramAccountId and PageToken.", 0, 0),
        new(ChatChannel.Email, "E-mail", true, o.Email.InboundDirectory is null ? "Replies go out through the site's e-mail sender; no inbound folder set (Channels:Email:InboundDirectory)." : "Replies go out through the site's e-mail sender; incoming mail is read from the inbound folder.", 0, 0),
        new(ChatChannel.Web, "Web chat", true, "On the site.", 0, 0),
    ];
}
