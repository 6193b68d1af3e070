using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Channels;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>The inbox as staff read it: the list with its filters, one thread with the contact's bookings, quotes and leads beside it.</summary>
public sealed class InboxQueries(HibachiDbContext db, AccessScope scope, CurrentActor actor, IOptions<ChannelOptions> channels)
{
    /// <summary>Conversations a station manager sees: their station's, and those not yet tied to any station.</summary>
    public IQueryable<Conversation> Visible()
    {
        var conversations = db.Conversations.AsNoTracking();
        if (scope.Kind == ScopeKind.Station && scope.StationId is { } station)
        {
            conversations = conversations.Where(c => c.StationId == station || c.StationId == null);
        }

        return conversations;
    }

    public async Task<Result<PagedList<InboxConversationSummary>>> ListAsync(InboxListQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (page, size) = Paging.Validate(query.Page, query.PageSize, errors);
        Guid? assignee = null;
        var unassigned = false;
        switch (query.Assignee?.Trim().ToLowerInvariant())
        {
            case null or "" or "any":
                break;
            case "me":
                assignee = actor.UserId;
                break;
            case "none":
                unassigned = true;
                break;
            case var raw when Guid.TryParse(raw, out var id):
                assignee = id;
                break;
            default:
                errors.Add("assignee", "me, none or a user id.");
                break;
        }

        ChatChannel? channelFilter = null;
        if (query.Channel is { Length: > 0 } channelText)
        {
            if (WireNames.TryParse<ChatChannel>(channelText, out var parsedChannel))
            {
                channelFilter = parsedChannel;
            }
            else
            {
                errors.Add("channel", "One of " + string.Join(", ", Enum.GetValues<ChatChannel>().Select(WireNames.Of)) + ".");
            }
        }

        InboxStatus? statusFilter = null;
        if (query.Status is { Length: > 0 } statusText)
        {
            if (WireNames.TryParse<InboxStatus>(statusText, out var parsedStatus))
            {
                statusFilter = parsedStatus;
            }
            else
            {
                errors.Add("status", "open, pending, snoozed or resolved.");
            }
        }

        var label = Text.Clean(query.Label)?.ToLowerInvariant();
        if (label is { Length: > 30 })
        {
            errors.Add("label", "A label is up to 30 characters.");
        }

        if (!Paging.ValidText(query.Q, "q", 200, errors) || errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var conversations = Visible();
        if (channelFilter is { } channel)
        {
            var c = channel.ToEntity();
            conversations = conversations.Where(x => x.Channel == c);
        }

        if (statusFilter is { } status)
        {
            var s = status.ToEntity();
            conversations = conversations.Where(x => x.Status == s);
        }

        if (assignee is { } a)
        {
            conversations = conversations.Where(x => x.AssignedUserId == a);
        }
        else if (unassigned)
        {
            conversations = conversations.Where(x => x.AssignedUserId == null);
        }

        if (label is { Length: > 0 })
        {
            conversations = conversations.Where(x => x.Labels.Contains(label));
        }

        if (query.StationId is { } stationId)
        {
            conversations = conversations.Where(x => x.StationId == stationId);
        }

        if (Text.Clean(query.Q) is { Length: > 0 } q)
        {
            var pattern = "%" + Like.Escape(q) + "%";
            conversations = conversations.Where(x => EF.Functions.ILike(x.ContactName ?? "", pattern, "\\") || EF.Functions.ILike(x.Handle ?? "", pattern, "\\")
                || db.ConversationMessages.Any(m => m.ConversationId == x.Id && EF.Functions.ILike(m.Text, pattern, "\\")));
        }

        var count = await Paging.CountAsync(conversations, cancellationToken);
        var rows = await conversations.OrderByDescending(x => x.LastMessageAt).Skip((page - 1) * size).Take(size).Select(x => new
        {
            Conversation = x,
            Customer = db.Customers.Where(u => u.Id == x.CustomerId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
            Station = db.Stations.Where(s => s.Id == x.StationId).Select(s => s.Name).FirstOrDefault(),
            Assignee = db.Users.Where(u => u.Id == x.AssignedUserId).Select(u => u.DisplayName).FirstOrDefault(),
            Last = db.ConversationMessages.Where(m => m.ConversationId == x.Id && !m.IsPrivate).OrderByDescending(m => m.CreatedAt)
                .Select(m => new { m.Text, m.Author }).FirstOrDefault(),
            Unsent = db.ConversationMessages.Count(m => m.ConversationId == x.Id && (m.Delivery == DeliveryState.Queued || m.Delivery == DeliveryState.Sending)),
            Failed = db.ConversationMessages.Count(m => m.ConversationId == x.Id && m.Delivery == DeliveryState.Failed),
        }).ToListAsync(cancellationToken);
        var items = rows.Select(r => new InboxConversationSummary(
            r.Conversation.Id, r.Conversation.Channel.ToContract(), r.Conversation.Status.ToInbox(), Handler(r.Conversation.Status),
            ContactName(r.Conversation, r.Customer), r.Conversation.Handle, r.Conversation.CustomerId, r.Conversation.Labels, r.Conversation.AssignedUserId,
            r.Assignee ?? r.Conversation.AssignedName, r.Conversation.StationId, r.Station, Preview(r.Last?.Text), r.Last?.Author.ToString().ToLowerInvariant(),
            r.Conversation.LastMessageAt, r.Conversation.SnoozedUntil, r.Unsent, r.Failed)).ToList();
        return Paging.Page(items, page, size, count);
    }

    public async Task<InboxConversationDto?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var c = await Visible().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var messages = await db.ConversationMessages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var mentioned = messages.SelectMany(m => m.Mentions).Distinct().ToList();
        var names = mentioned.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => mentioned.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var events = await db.ConversationEvents.AsNoTracking().Where(e => e.ConversationId == id).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        var calls = await db.Calls.AsNoTracking().Where(x => x.ConversationId == id).OrderByDescending(x => x.StartedAt).Take(50).ToListAsync(cancellationToken);
        var station = c.StationId is { } stationId ? await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var contact = await ContactAsync(c, cancellationToken);
        var assignee = c.AssignedUserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new InboxConversationDto(
            c.Id, c.Channel.ToContract(), c.Status.ToInbox(), Handler(c.Status), ContactName(c, contact.Name), c.Handle, c.ChannelAccount, c.Labels,
            c.AssignedUserId, assignee ?? c.AssignedName, c.StationId, station, c.SnoozedUntil, c.Summary, c.EscalationReason, WhatsAppWindow.ClosesAt(c),
            InboxDelivery.Configured(c.Channel, channels.Value), messages.Select(m => ToDto(m, m.Mentions.Select(x => names.GetValueOrDefault(x) ?? "someone").ToList())).ToList(),
            events.Select(e => new ConversationEventDto(e.Kind.ToContract(), e.Reason, e.Automatic, e.ActorName, e.CreatedAt)).ToList(),
            calls.Select(CallLog.ToDto).ToList(), contact, ETags.For(c.Version));
    }

    public static InboxMessageDto ToDto(ConversationMessage m, IReadOnlyList<string> mentions) => new(
        m.Id, m.Author.ToString().ToLowerInvariant(), m.Text, m.IsPrivate, m.Delivery.ToContract(), m.DeliveryError, m.DeliveryAttempts, m.Template,
        m.AuthorName, m.Agent, m.Intent, m.Hidden, mentions, m.CreatedAt);

    /// <summary>The customer's bookings (newest first), quotes and leads, found by the customer record or the contact's phone and e-mail.</summary>
    private async Task<InboxContactContext> ContactAsync(Conversation c, CancellationToken cancellationToken)
    {
        var customer = c.CustomerId is { } customerId
            ? await db.Customers.AsNoTracking().Where(x => x.Id == customerId).Select(x => new { x.Id, Name = x.FirstName + " " + x.LastName, x.Email, x.Phone })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var email = customer?.Email ?? (c.Channel == ConversationChannel.Email ? c.Handle : c.Memory.Email);
        var phone = customer?.Phone ?? (c.Channel is ConversationChannel.Sms or ConversationChannel.Voice ? c.Handle
            : c.Channel == ConversationChannel.WhatsApp ? "+" + c.Handle : c.Memory.Phone);
        var bookings = customer is null
            ? []
            : (await db.Bookings.AsNoTracking().Where(b => b.CustomerId == customer.Id).OrderByDescending(b => b.StartsAt).Take(10)
                .Join(db.Stations, b => b.StationId, s => s.Id, (b, s) => new { b.Id, b.Reference, b.StartsAt, s.TimeZone, b.Status, b.Adults, b.Children, b.Breakdown })
                .ToListAsync(cancellationToken))
            .Select(b => new InboxBookingItem(b.Id, b.Reference, b.StartsAt, b.TimeZone, b.Status.ToContract(), b.Adults + b.Children, b.Breakdown.TotalCents)).ToList();
        var quotes = email is null && phone is null
            ? []
            : (await db.Quotes.AsNoTracking().Where(q => (email != null && q.ContactEmail == email) || (phone != null && q.ContactPhone == phone))
                .OrderByDescending(q => q.CreatedAt).Take(10).Select(q => new { q.Id, q.EventDate, q.Adults, q.Children, q.Breakdown, q.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(q => new InboxQuoteItem(q.Id, q.EventDate, q.Adults + q.Children, q.Breakdown.TotalCents, q.CreatedAt)).ToList();
        var leads = email is null && phone is null
            ? []
            : await db.Leads.AsNoTracking().Where(l => (email != null && l.Email == email) || (phone != null && l.Phone == phone))
                .OrderByDescending(l => l.CreatedAt).Take(10)
                .Select(l => new InboxLeadItem(l.Id, l.Status.ToContract(), l.Reason.ToContract(), l.Source.ToContract(), l.CreatedAt)).ToListAsync(cancellationToken);
        return new InboxContactContext(customer?.Id, customer?.Name ?? c.ContactName, email, phone, bookings, quotes, leads);
    }

    private static ChatHandler Handler(ConversationStatus status) => status == ConversationStatus.Active ? ChatHandler.Ai : ChatHandler.Human;

    private static string ContactName(Conversation c, string? customer) =>
        customer ?? c.ContactName ?? (c.Memory.FirstName is { } first ? (first + " " + c.Memory.LastName).Trim() : null) ?? c.Handle ?? "Web visitor";

    private static string? Preview(string? text) => text is { Length: > 160 } ? text[..159] + "…" : text;
}
