using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Assistant.Agents;
using MyHibachi.Api.Features.Assistant.Llm;
using MyHibachi.Api.Features.Assistant.Routing;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Inbox;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Assistant;

/// <summary>
/// One customer message, end to end: the conversation (theirs only), what the message states, the
/// escalation guard, the router, the agent, LLM phrasing when configured, and the stored exchange.
/// </summary>
/// <summary>A reply the assistant suggests to a person, with the agent that wrote it.</summary>
public sealed record AgentDraft(string Text, string Agent, string Intent);

public sealed class AssistantService(
    HibachiDbContext db, AssistantModel model, IServiceScopeFactory scopes, AccessScope scope, RolePermissionCache grants, CurrentActor actor,
    ReplyPhraser phraser, IMemoryCache cache, IOptions<AssistantOptions> options, TimeProvider clock)
{
    public const string Clarify = "I want to get this right: is your question about prices, the menu, allergies, a date, travel to you, or a booking you already have?";

    public async Task<Result<ChatReply>> ChatAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var errors = new ValidationErrors();
        var text = request.Message?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("message", "Write a message.");
        }
        else if (text.Length > settings.MaxMessageLength)
        {
            errors.Add("message", $"Keep a message under {settings.MaxMessageLength} characters.");
        }

        Guid? id = null;
        if (request.ConversationId is { } raw)
        {
            if (Guid.TryParse(raw, out var parsed))
            {
                id = parsed;
            }
            else
            {
                errors.Add("conversationId", "Not a conversation id.");
            }
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var channel = (request.Channel ?? ChatChannel.Web).ToEntity();
        var customerId = scope.Kind == ScopeKind.Customer ? scope.CustomerId : null;
        var now = clock.GetUtcNow();
        Conversation conversation;
        if (id is { } existing)
        {
            var found = await db.Conversations.FirstOrDefaultAsync(c => c.Id == existing, cancellationToken);
            if (found is null || (found.CustomerId is not null && found.CustomerId != customerId))
            {
                return Failure.NotFound("Conversation");
            }

            if (found.Channel != channel && request.Channel is not null)
            {
                return Failure.Invalid("channel", $"This conversation is on the {found.Channel.ToContract().ToString().ToLowerInvariant()} channel.");
            }

            if (found.Status == ConversationStatus.Closed)
            {
                return Failure.Conflict(ProblemCodes.ConversationClosed, "This conversation is closed.", "Start a new conversation (send no conversationId).");
            }

            conversation = found;
            // A visitor who signs in keeps their conversation, now tied to their account.
            conversation.CustomerId ??= customerId;
        }
        else
        {
            conversation = new Conversation { CustomerId = customerId, Channel = channel, LastMessageAt = now };
            db.Conversations.Add(conversation);
        }

        conversation.CustomerMessages++;
        conversation.LastMessageAt = now;
        Add(conversation, MessageAuthor.Customer, text!);
        return await RespondAsync(conversation, text!, cancellationToken);
    }

    /// <summary>
    /// The assistant's turn on the customer's latest message (already added to the conversation, by the
    /// web chat above or by a channel's webhook): route, guard, answer or hand over, and save. On a
    /// channel other than web chat every reply is queued for sending (<see cref="Add"/>).
    /// </summary>
    public async Task<ChatReply> RespondAsync(Conversation conversation, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var channel = conversation.Channel;
        var vector = model.Embed(text);
        var today = await TodayAsync(cancellationToken);
        var slots = SlotExtractor.Extract(text, today, conversation.Memory.AskedFor);
        var repeated = string.Equals(conversation.Memory.LastCustomerText, text, StringComparison.OrdinalIgnoreCase);
        var memory = Remember(conversation.Memory, slots) with { LastCustomerText = text };

        var route = model.Route(text, vector);
        var assessment = model.AssessEscalation(text, vector);
        // An answer to the assistant's own question ("My name is Robin", "30305") is not a call for help
        // unless it says so in words or tone.
        if (assessment.Escalate && conversation.Memory.AskedFor is { } asked && Answers(asked, slots) && !EscalationSignals.AsksForPerson(text)
            && !EscalationSignals.ReportsIncident(text) && EscalationSignals.Anger(text) < 0.45)
        {
            assessment = assessment with { Escalate = false, Reason = null };
        }

        if (conversation.Status == ConversationStatus.Escalated)
        {
            var canResume = settings.AutoResume && !assessment.Escalate && EscalationSignals.IsAiHandleable(text);
            if (!canResume)
            {
                const string waiting = "Thanks, a person from our team has your conversation and will answer here.";
                conversation.Memory = memory;
                // On a channel the person's reply is the answer: no automatic text for each message they send meanwhile.
                if (channel == ConversationChannel.Web)
                {
                    Add(conversation, MessageAuthor.System, waiting);
                }

                await db.SaveChangesAsync(cancellationToken);
                return new ChatReply(conversation.Id.ToString(), waiting, route.Agent, "waiting_for_staff", route.Confidence, true, ChatHandler.Human, []);
            }

            Event(conversation, ConversationEventKind.Resumed, "The customer asked something the assistant can answer.", automatic: true);
            conversation.Status = ConversationStatus.Active;
        }

        if (assessment.Escalate)
        {
            conversation.Memory = memory;
            return await EscalateReplyAsync(conversation, assessment.Reason!, route, automatic: true, cancellationToken);
        }

        var agentName = ChooseAgent(route, memory, slots);
        AgentAnswer answer;
        if (agentName is null)
        {
            answer = new AgentAnswer(Clarify, "clarify")
            {
                Progress = false,
                Suggestions = ["Prices", "Menu", "Allergies", "Check a date", "Travel fee", "My booking"],
            };
            agentName = route.Agent;
        }
        else
        {
            // Agents work in a scope (and a database context) of their own: placing a booking retries with a
            // cleared change tracker, which must not drop the conversation's unsaved message.
            await using var agentScope = scopes.CreateAsyncScope();
            var agent = agentScope.ServiceProvider.GetServices<IAssistantAgent>().Single(a => a.Name == agentName);
            answer = await agent.AnswerAsync(
                new AgentTurn(conversation.Id, text, vector, slots, memory, route, conversation.CustomerId, channel, today), cancellationToken);
        }

        var stalls = answer.Progress && !repeated ? 0 : memory.Stalls + 1;
        var next = answer.Memory ?? memory;
        conversation.Memory = next with { Stalls = stalls, LastCustomerText = text, AskedBy = next.AskedFor is null ? null : agentName };
        conversation.LastAgent = agentName;
        if (answer.HandOver is { } handOver)
        {
            return await EscalateReplyAsync(conversation, handOver, route, automatic: true, cancellationToken, prefix: answer.Reply + " ");
        }

        if (stalls >= settings.StallsBeforeHandOver)
        {
            return await EscalateReplyAsync(conversation, $"Going round in circles: {stalls} turns without progress.", route, automatic: true, cancellationToken);
        }

        var reply = await phraser.PhraseAsync(text, agentName, answer, cancellationToken);
        Add(conversation, MessageAuthor.Assistant, reply, agentName, answer.Intent, route.Confidence, answer.Sources);
        await db.SaveChangesAsync(cancellationToken);
        return new ChatReply(conversation.Id.ToString(), reply, agentName, answer.Intent, route.Confidence, false, ChatHandler.Ai, answer.Suggestions)
        {
            Sources = answer.Sources.Count == 0 ? null : answer.Sources.Select(s => new KnowledgeSourceDto(s.Id, s.Title, s.Score)).ToList(),
        };
    }

    /// <summary>
    /// A reply the assistant would give, for a person who has the conversation to use or not: the same
    /// router and agents, but nothing is saved and no agent that books, moves or cancels is asked (null then,
    /// or when the router is unsure).
    /// </summary>
    public async Task<AgentDraft?> DraftAsync(Conversation conversation, string text, CancellationToken cancellationToken)
    {
        var vector = model.Embed(text);
        var route = model.Route(text, vector);
        if (route.IsUnsure || route.Agent == AgentNames.Operations)
        {
            return null;
        }

        var today = await TodayAsync(cancellationToken);
        var slots = SlotExtractor.Extract(text, today, conversation.Memory.AskedFor);
        var memory = Remember(conversation.Memory, slots);
        await using var agentScope = scopes.CreateAsyncScope();
        var agent = agentScope.ServiceProvider.GetServices<IAssistantAgent>().Single(a => a.Name == route.Agent);
        var answer = await agent.AnswerAsync(
            new AgentTurn(conversation.Id, text, vector, slots, memory, route, conversation.CustomerId, conversation.Channel, today), cancellationToken);
        if (answer.HandOver is not null)
        {
            return null;
        }

        return new AgentDraft(await phraser.PhraseAsync(text, route.Agent, answer, cancellationToken), route.Agent, answer.Intent);
    }

    /// <summary>The customer (or the widget's button) asks for a person.</summary>
    public async Task<Result<ConversationDto>> EscalateAsync(EscalateRequest request, CancellationToken cancellationToken)
    {
        if (request.ConversationId is null || !Guid.TryParse(request.ConversationId, out var id))
        {
            return Failure.Invalid("conversationId", "Say which conversation.");
        }

        var conversation = await ReachableAsync(id, cancellationToken);
        if (conversation is null)
        {
            return Failure.NotFound("Conversation");
        }

        if (conversation.Status == ConversationStatus.Active)
        {
            var reason = Text.Clean(request.Reason) is { Length: > 0 } given ? Truncate(given, 500) : "The customer asked for a person.";
            var route = new RouteDecision(conversation.LastAgent ?? AgentNames.CustomerCare, 1, []);
            await EscalateReplyAsync(conversation, reason, route, automatic: !scope.IsStaff, cancellationToken);
        }

        return await ReadAsync(conversation.Id, cancellationToken) is { } dto ? dto : Failure.NotFound("Conversation");
    }

    public async Task<Result<ConversationDto>> ResumeAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return Failure.NotFound("Conversation");
        }

        if (conversation.Status != ConversationStatus.Escalated)
        {
            return Failure.Conflict(ProblemCodes.ConversationNotEscalated, "Only an escalated conversation can be handed back to the assistant.");
        }

        conversation.Status = ConversationStatus.Active;
        conversation.AssignedUserId = null;
        conversation.AssignedName = null;
        conversation.Memory = conversation.Memory with { Stalls = 0 };
        Event(conversation, ConversationEventKind.Resumed, $"Handed back to the assistant by {actor.Name}.", automatic: false);
        Add(conversation, MessageAuthor.System, "The assistant is back in this conversation.");
        await db.SaveChangesAsync(cancellationToken);
        return (await ReadAsync(id, cancellationToken))!;
    }

    public async Task<Result<ConversationDto>> TakeOverAsync(Guid id, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(id, cancellationToken);
        if (open.Failure is { } failure)
        {
            return failure;
        }

        var conversation = open.Value!;
        TakeOver(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return (await ReadAsync(id, cancellationToken))!;
    }

    public async Task<Result<ConversationDto>> StaffReplyAsync(Guid id, StaffReplyRequest request, CancellationToken cancellationToken)
    {
        var text = Text.Clean(request.Message);
        if (string.IsNullOrEmpty(text) || text.Length > options.Value.MaxMessageLength)
        {
            return Failure.Invalid("message", $"Write a reply of up to {options.Value.MaxMessageLength} characters.");
        }

        var open = await OpenAsync(id, cancellationToken);
        if (open.Failure is { } failure)
        {
            return failure;
        }

        var conversation = open.Value!;
        TakeOver(conversation);
        var message = Add(conversation, MessageAuthor.Staff, text);
        message.AuthorUserId = actor.UserId;
        message.AuthorName = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
        return (await ReadAsync(id, cancellationToken))!;
    }

    public async Task<Result<ConversationDto>> CloseAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return Failure.NotFound("Conversation");
        }

        if (conversation.Status != ConversationStatus.Closed)
        {
            conversation.Status = ConversationStatus.Closed;
            Event(conversation, ConversationEventKind.Closed, $"Closed by {actor.Name}.", automatic: false);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await ReadAsync(id, cancellationToken))!;
    }

    /// <summary>A conversation staff act on: it exists and is not closed.</summary>
    private async Task<Result<Conversation>> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return Failure.NotFound("Conversation");
        }

        if (conversation.Status == ConversationStatus.Closed)
        {
            return Failure.Conflict(ProblemCodes.ConversationClosed, "This conversation is closed.");
        }

        return conversation;
    }

    /// <summary>A conversation the caller may read: staff with the permission, its customer, or (for an anonymous thread) whoever holds its id.</summary>
    public async Task<Conversation?> ReachableAsync(Guid id, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        if (scope.IsStaff && await grants.GrantsAsync(scope.Roles, Permissions.ConversationsRead))
        {
            return conversation;
        }

        var customerId = scope.Kind == ScopeKind.Customer ? scope.CustomerId : null;
        return conversation.CustomerId is null || conversation.CustomerId == customerId ? conversation : null;
    }

    public async Task<ConversationDto?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var messages = await db.ConversationMessages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var events = await db.ConversationEvents.AsNoTracking().Where(e => e.ConversationId == id).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        var customer = c.CustomerId is { } customerId
            ? await db.Customers.AsNoTracking().Where(x => x.Id == customerId).Select(x => new { Name = x.FirstName + " " + x.LastName, x.Email, x.Phone }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var staff = scope.IsStaff;
        return new ConversationDto(
            c.Id.ToString(), c.Channel.ToContract(), c.Status.ToContract(), c.Status == ConversationStatus.Escalated ? ChatHandler.Human : ChatHandler.Ai,
            c.CustomerId, customer?.Name ?? VisitorName(c.Memory), customer?.Email ?? c.Memory.Email, customer?.Phone ?? c.Memory.Phone,
            staff ? c.Summary : null, c.EscalationReason, c.EscalatedAt, c.AssignedName, c.LastAgent, c.CreatedAt, c.LastMessageAt,
            messages.Select(m => new ChatMessageDto(m.Id, m.Author.ToString().ToLowerInvariant(), m.Text, m.Agent, m.Intent, m.Confidence,
                staff && m.Sources.Count > 0 ? m.Sources.Select(s => new KnowledgeSourceDto(s.Id, s.Title, s.Score)).ToList() : null,
                m.Author == MessageAuthor.Staff ? FirstName(m.AuthorName) : null, m.CreatedAt)).ToList(),
            events.Select(e => new ConversationEventDto(e.Kind.ToContract(), e.Reason, e.Automatic, staff ? e.ActorName : null, e.CreatedAt)).ToList());
    }

    private async Task<ChatReply> EscalateReplyAsync(
        Conversation conversation, string reason, RouteDecision route, bool automatic, CancellationToken cancellationToken, string prefix = "")
    {
        var now = clock.GetUtcNow();
        conversation.Status = ConversationStatus.Escalated;
        conversation.EscalatedAt = now;
        conversation.EscalationReason = Truncate(reason, 500);
        conversation.Summary = await SummaryAsync(conversation, reason, cancellationToken);
        Event(conversation, ConversationEventKind.Escalated, reason, automatic);
        // One message, as the customer saw it: the agent's partial answer (if any) and the hand-over.
        var reply = prefix + options.Value.HandOverMessage;
        Add(conversation, MessageAuthor.System, reply);
        await db.SaveChangesAsync(cancellationToken);
        return new ChatReply(conversation.Id.ToString(), reply, route.Agent, "escalation", route.Confidence, true, ChatHandler.Human, []);
    }

    private void TakeOver(Conversation conversation)
    {
        conversation.HumanInvolved = true;
        if (conversation.Status != ConversationStatus.Escalated || conversation.AssignedUserId != actor.UserId)
        {
            if (conversation.Status != ConversationStatus.Escalated)
            {
                conversation.Status = ConversationStatus.Escalated;
                conversation.EscalatedAt = clock.GetUtcNow();
                conversation.EscalationReason ??= $"Taken over by {actor.Name}.";
            }

            conversation.AssignedUserId = actor.UserId;
            conversation.AssignedName = actor.Name;
            Event(conversation, ConversationEventKind.TakenOver, $"{actor.Name} took over.", automatic: false);
        }
    }

    /// <summary>Who, what they asked lately, what we know, and why: what staff read first in the queue.</summary>
    private async Task<string> SummaryAsync(Conversation conversation, string reason, CancellationToken cancellationToken)
    {
        var recent = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Author == MessageAuthor.Customer)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Text).Take(3).ToListAsync(cancellationToken);
        recent.AddRange(db.ChangeTracker.Entries<ConversationMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.ConversationId == conversation.Id && e.Entity.Author == MessageAuthor.Customer)
            .Select(e => e.Entity.Text));
        var m = conversation.Memory;
        var known = new List<string>();
        if (m.Adults is { } adults)
        {
            known.Add(Say.Guests(adults, m.Children ?? 0));
        }

        if (m.EventDate is { } date)
        {
            known.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (m.StartTime is { } t ? " " + t : ""));
        }

        if (m.Zip is { } zip)
        {
            known.Add("ZIP " + zip);
        }

        if (m.Allergies.Count > 0)
        {
            known.Add("allergies/diet: " + string.Join(", ", m.Allergies));
        }

        if ((m.Email ?? m.Phone) is { } contact)
        {
            known.Add("contact " + contact);
        }

        var asked = string.Join(" / ", recent.Distinct().TakeLast(3).Select(r => "\"" + Truncate(r, 200) + "\""));
        return Truncate($"{reason} Customer said: {asked}." + (known.Count > 0 ? " Known: " + string.Join("; ", known) + "." : ""), 2000);
    }

    /// <summary>
    /// The agent for this message. A short answer to the assistant's own question ("30301" after
    /// "what's your ZIP?", "yes" to a summary) goes back to the agent that asked; a message the router
    /// is unsure about gets a clarifying question (null).
    /// </summary>
    private static string? ChooseAgent(RouteDecision route, ConversationMemory memory, ExtractedSlots slots)
    {
        if (memory.Pending is not null && (slots.Answer is not null || memory.AskedFor is not null && Answers(memory.AskedFor, slots)))
        {
            return AgentNames.Operations;
        }

        if (memory.AskedFor is { } asked && memory.AskedBy is { } asker && Answers(asked, slots) && (route.IsUnsure || route.Agent == asker || IsShortAnswer(memory.LastCustomerText)))
        {
            return asker;
        }

        return route.IsUnsure ? null : route.Agent;
    }

    /// <summary>A few words: an answer to a question rather than a new question.</summary>
    private static bool IsShortAnswer(string? text) => text is not null && EscalationSignals.Words(text) <= 8 && !text.Contains('?', StringComparison.Ordinal);

    private static bool Answers(string asked, ExtractedSlots slots) => asked switch
    {
        "zip" => slots.Zip is not null,
        "guests" => slots.Adults is not null,
        "date" => slots.Date is not null,
        "time" => slots.Time is not null,
        "address" => slots.Street is not null,
        "name" => slots.FirstName is not null,
        "email" => slots.Email is not null,
        "reference" => slots.Reference is not null,
        "allergy" => slots.Allergies.Count > 0 || slots.Diets.Count > 0,
        "confirm" => slots.Answer is not null,
        _ => false,
    };

    /// <summary>New facts replace old ones; facts the message does not state are kept.</summary>
    public static ConversationMemory Remember(ConversationMemory memory, ExtractedSlots slots) => memory with
    {
        Adults = slots.Adults ?? memory.Adults,
        Children = slots.Children ?? (slots.Adults is not null ? 0 : memory.Children),
        Zip = slots.Zip ?? memory.Zip,
        EventDate = slots.Date ?? memory.EventDate,
        StartTime = slots.Time ?? memory.StartTime,
        Allergies = [.. memory.Allergies.Union(slots.Allergies).Union(slots.Diets)],
        MenuCodes = [.. memory.MenuCodes.Union(slots.MenuCodes)],
        FirstName = slots.FirstName ?? memory.FirstName,
        LastName = slots.LastName ?? (slots.FirstName is not null ? null : memory.LastName),
        Email = slots.Email ?? memory.Email,
        Phone = slots.Phone ?? memory.Phone,
        Street = slots.Street ?? memory.Street,
        City = slots.City ?? memory.City,
        State = slots.State ?? memory.State,
    };

    private ConversationMessage Add(
        Conversation conversation, MessageAuthor author, string text, string? agent = null, string? intent = null, double? confidence = null,
        IReadOnlyList<Knowledge.KnowledgeHit>? sources = null)
    {
        var message = new ConversationMessage
        {
            ConversationId = conversation.Id, Author = author, Text = Truncate(text, 8000), Agent = agent, Intent = intent, Confidence = confidence,
            Sources = sources?.Select(s => new KnowledgeCitation(s.Id, s.Title, s.Score)).ToList() ?? [],
            // Strictly increasing within a conversation so the transcript keeps its order.
            CreatedAt = clock.GetUtcNow().AddTicks(db.ChangeTracker.Entries<ConversationMessage>().Count(e => e.State == EntityState.Added)),
        };
        db.ConversationMessages.Add(message);
        if (author != MessageAuthor.Customer)
        {
            InboxOutbound.Queue(db, conversation, message, clock.GetUtcNow());
        }

        return message;
    }

    private void Event(Conversation conversation, ConversationEventKind kind, string reason, bool automatic) =>
        db.ConversationEvents.Add(new ConversationEvent
        {
            ConversationId = conversation.Id, Kind = kind, Reason = Truncate(reason, 500), Automatic = automatic,
            ActorUserId = automatic ? null : actor.UserId, ActorName = automatic ? "assistant" : actor.Name, CreatedAt = clock.GetUtcNow(),
        });

    /// <summary>Today where the business is (its first station's time zone), so "tomorrow" means the customer's tomorrow.</summary>
    private async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        var zone = await cache.GetOrCreateAsync("assistant:business-zone", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return await db.Stations.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.CreatedAt).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken);
        });
        var tz = zone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone);
        return AvailabilityEngine.LocalDate(clock.GetUtcNow(), tz);
    }

    private static string? VisitorName(ConversationMemory memory) =>
        memory.FirstName is null ? null : (memory.FirstName + " " + memory.LastName).Trim();

    /// <summary>What the customer sees of a staff member: their first name, never an e-mail address.</summary>
    private static string? FirstName(string? name) =>
        name is null || name.Contains('@', StringComparison.Ordinal) ? "MyHibachi team" : name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
