using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Contracts.Events;
using Npgsql;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>A customer's message from a provider's webhook, in the inbox's terms.</summary>
public sealed record InboundItem(
    ConversationChannel Channel, string ThreadKey, string Handle, string? Account, string? ContactName, string Text, string ExternalId, DateTimeOffset SentAt)
{
    /// <summary>An e-mail reply names its conversation; it joins it when the sender matches.</summary>
    public Guid? ConversationId { get; init; }

    /// <summary>A comment's own id (replies and hiding act on it).</summary>
    public bool IsComment { get; init; }
}

public enum IngestOutcome
{
    Stored,
    Duplicate,
}

/// <summary>A delivery receipt from a provider: the message it names moves forwards only (sent → delivered → read; failed stays).</summary>
public sealed record DeliveryUpdate(string ExternalId, DeliveryState State, string? Error, int? ErrorCode = null);

/// <summary>Outbound messages on a channel conversation wait in the queue until the Workers send them.</summary>
public static class InboxOutbound
{
    /// <summary>A conversation that came from a channel (it has an address to answer to).</summary>
    public static bool Sends(Conversation conversation) => conversation.Channel != ConversationChannel.Web && conversation.Handle is not null;

    public static void Queue(HibachiDbContext db, Conversation conversation, ConversationMessage message, DateTimeOffset now)
    {
        if (!Sends(conversation) || message.IsPrivate)
        {
            return;
        }

        message.Delivery = DeliveryState.Queued;
        message.DeliveryUpdatedAt = now;
        db.Publish(new InboxMessageQueued(conversation.Id, message.Id, conversation.Channel.ToContract()), now);
    }

    /// <summary>Delivery only moves forwards; a failure is final unless the message is queued again.</summary>
    public static bool Advances(DeliveryState from, DeliveryState to) => (from, to) switch
    {
        (DeliveryState.Failed, _) => false,
        (_, DeliveryState.Failed) => from is not (DeliveryState.Delivered or DeliveryState.Read),
        _ => Rank(to) > Rank(from),
    };

    private static int Rank(DeliveryState state) => state switch
    {
        DeliveryState.None => 0,
        DeliveryState.Queued => 1,
        DeliveryState.Sending => 2,
        DeliveryState.Sent => 3,
        DeliveryState.Delivered => 4,
        DeliveryState.Read => 5,
        _ => 6,
    };
}

/// <summary>
/// Where every channel's webhook lands: the message is stored once (by the provider's id, whatever
/// the number of deliveries), in the contact's one conversation on that channel (created on the first
/// message, matched to a customer by phone or e-mail), and the assistant's turn is published through
/// the outbox in the same transaction.
/// </summary>
public sealed class InboxIngest(HibachiDbContext db, InboxNotifier notifier, TimeProvider clock, ILogger<InboxIngest> logger)
{
    public async Task<IngestOutcome> ReceiveAsync(InboundItem item, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await db.ConversationMessages.AnyAsync(m => m.ExternalId == item.ExternalId, cancellationToken))
            {
                return IngestOutcome.Duplicate;
            }

            var now = clock.GetUtcNow();
            var conversation = item.ConversationId is { } id
                ? await db.Conversations.FirstOrDefaultAsync(c => c.Id == id && c.Handle == item.Handle, cancellationToken)
                : null;
            conversation ??= await ConversationAsync(item.Channel, item.ThreadKey, item.Handle, item.Account, item.ContactName, cancellationToken);
            Reopen(conversation);
            conversation.ContactName ??= Clip(item.ContactName, 200);
            conversation.ChannelAccount = item.Account ?? conversation.ChannelAccount;
            conversation.LastInboundAt = now;
            conversation.LastMessageAt = now;
            conversation.CustomerMessages++;
            var message = new ConversationMessage
            {
                ConversationId = conversation.Id, Author = MessageAuthor.Customer, Text = Clip(item.Text, 8000)!, ExternalId = item.ExternalId, CreatedAt = now,
            };
            db.ConversationMessages.Add(message);
            db.Publish(new InboxMessageReceived(conversation.Id, message.Id, item.Channel.ToContract()), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                notifier.Changed(conversation.Id, "message", conversation.StationId);
                return IngestOutcome.Stored;
            }
            catch (DbUpdateException exception) when (attempt < 5
                && (exception is DbUpdateConcurrencyException || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }))
            {
                // The same message, or the contact's first message, arrived twice at once (or the thread moved): the other one won; look again.
                logger.LogDebug("Inbound {ExternalId} raced another delivery; checking again.", item.ExternalId);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Receipts for what we sent; a receipt for a message we do not know (or already past that state) changes nothing.</summary>
    public async Task<int> UpdateDeliveryAsync(IReadOnlyList<DeliveryUpdate> updates, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var update in updates)
        {
            var message = await db.ConversationMessages.FirstOrDefaultAsync(m => m.ExternalId == update.ExternalId, cancellationToken);
            if (message is null || !InboxOutbound.Advances(message.Delivery, update.State))
            {
                continue;
            }

            var now = clock.GetUtcNow();
            message.Delivery = update.State;
            message.DeliveryUpdatedAt = now;
            message.DeliveryError = Clip(update.Error, 500);
            // WhatsApp refuses free text more than 24 hours after the customer's last message (131047):
            // the same words go again as the approved template.
            if (update.State == DeliveryState.Failed && update.ErrorCode == WhatsAppWindow.ReEngagementError && message.Template is null)
            {
                var conversation = await db.Conversations.FirstAsync(c => c.Id == message.ConversationId, cancellationToken);
                conversation.LastInboundAt = null;
                var again = new ConversationMessage
                {
                    ConversationId = message.ConversationId, Author = message.Author, Text = message.Text, AuthorUserId = message.AuthorUserId,
                    AuthorName = message.AuthorName, Agent = message.Agent, Intent = message.Intent, CreatedAt = now,
                };
                db.ConversationMessages.Add(again);
                InboxOutbound.Queue(db, conversation, again, now);
                message.DeliveryError = "Outside WhatsApp's 24-hour window: sent again as the approved template.";
            }

            await db.SaveChangesAsync(cancellationToken);
            notifier.Changed(message.ConversationId, "delivery");
            changed++;
        }

        return changed;
    }

    /// <summary>Messenger and Instagram say "read up to here": every message we sent before it is read.</summary>
    public async Task<int> MarkReadAsync(Channels.ReadWatermark read, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Channel == read.Channel && c.ThreadKey == read.ThreadKey).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (conversation is not { } id)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var changed = await db.ConversationMessages
            .Where(m => m.ConversationId == id && m.CreatedAt <= read.Until && (m.Delivery == DeliveryState.Sent || m.Delivery == DeliveryState.Delivered))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Delivery, DeliveryState.Read).SetProperty(m => m.DeliveryUpdatedAt, now), cancellationToken);
        if (changed > 0)
        {
            notifier.Changed(id, "delivery");
        }

        return changed;
    }

    /// <summary>The contact's conversation on the channel, or a new one (added, not saved) matched to a customer by phone or e-mail.</summary>
    public async Task<Conversation> ConversationAsync(
        ConversationChannel channel, string threadKey, string handle, string? account, string? contactName, CancellationToken cancellationToken)
    {
        if (await db.Conversations.FirstOrDefaultAsync(c => c.Channel == channel && c.ThreadKey == threadKey, cancellationToken) is { } found)
        {
            return found;
        }

        var conversation = new Conversation
        {
            Channel = channel, ThreadKey = threadKey, Handle = handle, ChannelAccount = account, ContactName = Clip(contactName, 200),
            LastMessageAt = clock.GetUtcNow(),
        };
        (conversation.CustomerId, conversation.StationId) = await MatchCustomerAsync(channel, handle, cancellationToken);
        db.Conversations.Add(conversation);
        return conversation;
    }

    /// <summary>A resolved or snoozed conversation the customer writes to again is open again (with whoever had it).</summary>
    public static void Reopen(Conversation conversation)
    {
        if (conversation.Status == ConversationStatus.Snoozed)
        {
            conversation.Status = conversation.StatusBeforeSnooze ?? ConversationStatus.Escalated;
            conversation.SnoozedUntil = null;
            conversation.StatusBeforeSnooze = null;
        }
        else if (conversation.Status == ConversationStatus.Closed)
        {
            // A new question after a resolved thread: the assistant answers it again.
            conversation.Status = ConversationStatus.Active;
            conversation.AssignedUserId = null;
            conversation.AssignedName = null;
            conversation.Memory = conversation.Memory with { Stalls = 0, Pending = null, AskedFor = null, AskedBy = null };
        }
    }

    /// <summary>The customer with this phone number or e-mail address (their latest booking's station), if there is one.</summary>
    private async Task<(Guid? Customer, Guid? Station)> MatchCustomerAsync(ConversationChannel channel, string handle, CancellationToken cancellationToken)
    {
        IQueryable<Customer> customers = db.Customers.AsNoTracking();
        if (channel == ConversationChannel.Email)
        {
            var email = handle.ToLowerInvariant();
            customers = customers.Where(c => c.Email.ToLower() == email);
        }
        else if (channel is ConversationChannel.Sms or ConversationChannel.Voice or ConversationChannel.WhatsApp && PhoneDigits(handle) is { } digits)
        {
            customers = customers.Where(c => c.Phone != null && System.Text.RegularExpressions.Regex.Replace(c.Phone, "[^0-9]", "").EndsWith(digits));
        }
        else
        {
            return (null, null);
        }

        var customer = await customers.OrderByDescending(c => c.UpdatedAt).Select(c => new
        {
            c.Id,
            Station = db.Bookings.Where(b => b.CustomerId == c.Id).OrderByDescending(b => b.StartsAt).Select(b => (Guid?)b.StationId).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken);
        return (customer?.Id, customer?.Station);
    }

    /// <summary>The last ten digits of a North American number ("+1 (404) 555-0100" → "4045550100").</summary>
    public static string? PhoneDigits(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 10 ? digits[^10..] : null;
    }

    private static string? Clip(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..(max - 1)] + "…" : text.Trim();
}

public static class WhatsAppWindow
{
    /// <summary>Meta's error for free text sent more than 24 hours after the customer's last message.</summary>
    public const int ReEngagementError = 131047;

    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>Free text is allowed until this instant; after it only an approved template.</summary>
    public static DateTimeOffset? ClosesAt(Conversation conversation) =>
        conversation.Channel is ConversationChannel.WhatsApp or ConversationChannel.Messenger or ConversationChannel.Instagram
            ? conversation.LastInboundAt?.Add(Length)
            : null;
}
