using System.Net;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Assistant;

/// <summary>The assistant through POST /api/v1/ai/chat on the running AppHost: routing, grounded answers, bookings, hand-over.</summary>
public sealed class ChatTests(AssistantAppHost host) : AssistantTest(host)
{
    [Fact]
    public async Task The_router_picks_the_right_agent_and_the_right_escalation_for_held_out_phrasings()
    {
        var intents = HeldOut("intents.heldout.tsv");
        var right = 0;
        HibachiApiClient? visitor = null;
        for (var i = 0; i < intents.Count; i++)
        {
            // Each visitor sends a few (the chat limit counts per visitor).
            if (i % 20 == 0)
            {
                visitor?.Dispose();
                visitor = Host.CreateAnonymousClient();
            }

            var reply = await ChatAsync(visitor!, intents[i].Text);
            right += reply.Agent == intents[i].Label ? 1 : 0;
            Assert.Contains(reply.Agent, AgentNames.All);
        }

        Assert.True(right >= intents.Count * 0.93, $"{right}/{intents.Count} held-out phrasings went to the right agent.");

        var escalation = HeldOut("escalation.heldout.tsv");
        var correct = 0;
        for (var i = 0; i < escalation.Count; i++)
        {
            if (i % 20 == 0)
            {
                visitor?.Dispose();
                visitor = Host.CreateAnonymousClient();
            }

            var reply = await ChatAsync(visitor!, escalation[i].Text);
            correct += reply.Escalated == (escalation[i].Label == "escalate") ? 1 : 0;
            Assert.Equal(reply.Escalated ? ChatHandler.Human : ChatHandler.Ai, reply.HandledBy);
        }

        visitor?.Dispose();
        Assert.True(correct >= escalation.Count * 0.97, $"{correct}/{escalation.Count} held-out messages were escalated (or not) rightly.");
    }

    [Fact]
    public async Task A_price_question_is_answered_with_the_quote_engine_s_own_numbers_across_turns()
    {
        await Api.CreateStationAsync();
        using var visitor = Host.CreateAnonymousClient();

        var direct = await ChatAsync(visitor, "How much would it cost for 20 adults in 30305?");
        Assert.Equal(AgentNames.LeadNurturing, direct.Agent);
        var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 20, 0, null, null, null, null))).Ok(HttpStatusCode.Created);
        Assert.Contains($"total {Money(quote.Pricing.TotalCents)}", direct.Reply, StringComparison.Ordinal);
        Assert.Contains(Money(quote.Pricing.DepositCents), direct.Reply, StringComparison.Ordinal);
        Assert.Contains(Money(quote.Pricing.SuggestedGratuityCents), direct.Reply, StringComparison.Ordinal);

        // What the customer said earlier carries over: guests, then ZIP, with a travel fee far from the station.
        using var other = Host.CreateAnonymousClient();
        var replies = await TalkAsync(other, "hi! what do you charge for a party?", "we'll be 14 adults and 4 kids", "30040");
        Assert.Contains("How many guests", replies[0].Reply, StringComparison.Ordinal);
        Assert.Contains("ZIP", replies[1].Reply, StringComparison.Ordinal);
        var far = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30040", 14, 4, null, null, null, null))).Ok(HttpStatusCode.Created);
        Assert.True(far.Pricing.TravelFeeCents > 0);
        Assert.Contains($"total {Money(far.Pricing.TotalCents)}", replies[2].Reply, StringComparison.Ordinal);
        Assert.Contains($"plus {Money(far.Pricing.TravelFeeCents)} travel", replies[2].Reply, StringComparison.Ordinal);

        // The travel agent states the same fee for the same ZIP.
        var travel = await ChatAsync(Host.CreateAnonymousClient(), "do you come out to 30040? what's the travel fee");
        Assert.Equal(AgentNames.Distance, travel.Agent);
        Assert.Contains(Money(far.Pricing.TravelFeeCents), travel.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_books_in_chat_and_the_booking_is_made_only_after_their_yes()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var date = HibachiApiClient.FutureDate(21);
        var email = $"chat-{Guid.NewGuid():N}@example.com";
        using var visitor = Host.CreateAnonymousClient();
        var replies = await TalkAsync(visitor,
            $"I'd like to book a hibachi party on {date:MMMM d} for 12 adults",
            "30305",
            "6pm",
            "12 Peachtree St, Atlanta, GA",
            "My name is Robin Chatfield",
            email);
        var summary = replies[^1];
        Assert.True(summary.Agent == AgentNames.Operations, string.Join("\n", replies.Select(r => $"{r.Agent} ({r.Intent}): {r.Reply}")));
        Assert.Contains("Shall I book it?", summary.Reply, StringComparison.Ordinal);
        var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 12, 0, date, null, null, null))).Ok(HttpStatusCode.Created);
        Assert.Contains($"Total {Money(quote.Pricing.TotalCents)}", summary.Reply, StringComparison.Ordinal);
        // Nothing is booked before the yes.
        Assert.Empty((await Api.GetAsync<PagedList<BookingSummaryDto>>("/api/bookings?q=" + Uri.EscapeDataString(email))).Ok().Items);

        var booked = await ChatAsync(visitor, "yes", summary.ConversationId);
        Assert.Contains("Booked! Your reference is MH-", booked.Reply, StringComparison.Ordinal);
        var again = await ChatAsync(visitor, "yes", summary.ConversationId);
        var transcript = (await Api.GetAsync<ConversationDto>($"/api/v1/ai/conversations/{summary.ConversationId}")).Ok();
        Assert.False(again.Reply.Contains("Booked!", StringComparison.Ordinal),
            string.Join("\n", transcript.Messages.Select(m => $"{m.Author} {m.Agent} {m.Intent}: {m.Text}")));

        var bookings = (await Api.GetAsync<PagedList<BookingSummaryDto>>("/api/bookings?q=" + Uri.EscapeDataString(email))).Ok().Items;
        var booking = (await Api.GetAsync<BookingDto>($"/api/bookings/{Assert.Single(bookings).Id}")).Ok();
        Assert.Contains(booking.Reference, booked.Reply, StringComparison.Ordinal);
        Assert.Equal((date, "18:00", 12), (booking.LocalDate, booking.LocalStartTime, booking.Adults));
        Assert.Equal(LeadSource.Chat, booking.Source);
        Assert.Equal("Robin Chatfield", booking.Contact.Name);
        Assert.Equal(quote.Pricing.TotalCents, booking.Pricing.TotalCents);
        Assert.Contains($"/Pay/{booking.Id}?token=", booked.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_takes_over_replies_and_the_assistant_comes_back_when_the_customer_asks_a_price()
    {
        await Api.CreateStationAsync();
        using var visitor = Host.CreateAnonymousClient();
        var first = await ChatAsync(visitor, "how many guests can the chef cook for?");
        Assert.False(first.Escalated);

        var angry = await ChatAsync(visitor, "This is ridiculous, I want to speak to a manager right now", first.ConversationId);
        Assert.True(angry.Escalated);
        Assert.Equal(ChatHandler.Human, angry.HandledBy);

        var queue = (await Api.GetAsync<List<ConversationSummaryDto>>("/api/v1/ai/escalations")).Ok();
        var queued = Assert.Single(queue, c => c.Id == first.ConversationId);
        Assert.Equal(ConversationState.Escalated, queued.Status);
        var detail = (await Api.GetAsync<ConversationDto>($"/api/v1/ai/conversations/{first.ConversationId}")).Ok();
        Assert.Contains("manager", detail.Summary, StringComparison.Ordinal);

        // While a person has it, the assistant does not answer.
        var waiting = await ChatAsync(visitor, "hello??", first.ConversationId);
        Assert.Equal(ChatHandler.Human, waiting.HandledBy);

        var replied = (await Api.PostAsync<ConversationDto>($"/api/v1/ai/conversations/{first.ConversationId}/reply", new StaffReplyRequest("Hi, I'm sorry about that. How can I help?"))).Ok();
        Assert.Contains(replied.Messages, m => m.Author == "staff" && m.Text.StartsWith("Hi, I'm sorry", StringComparison.Ordinal));
        var seen = (await visitor.GetAsync<ConversationDto>($"/api/v1/ai/conversations/{first.ConversationId}")).Ok();
        Assert.Contains(seen.Messages, m => m.Author == "staff");

        var resumed = await ChatAsync(visitor, "ok. how much for 15 adults in 30305?", first.ConversationId);
        Assert.Equal(ChatHandler.Ai, resumed.HandledBy);
        Assert.Equal(AgentNames.LeadNurturing, resumed.Agent);
        var events = (await Api.GetAsync<ConversationDto>($"/api/v1/ai/conversations/{first.ConversationId}")).Ok().Events;
        Assert.Equal([ConversationEventType.Escalated, ConversationEventType.TakenOver, ConversationEventType.Resumed], events.Select(e => e.Type));
        Assert.True(events[^1].Automatic);

        // A person's reply means the conversation does not count as handled by the assistant.
        var handled = await ChatAsync(Host.CreateAnonymousClient(), "what proteins can we choose");
        var stats = (await Api.GetAsync<AssistantStatsDto>("/api/v1/ai/stats?days=1")).Ok();
        Assert.Equal(2, stats.Conversations);
        Assert.Equal(1, stats.HandledByAi);
        Assert.Equal(0.5, stats.AiHandledRate);
        _ = handled;

        // Staff can also hand it back by hand.
        (await Api.PostAsync<ConversationDto>($"/api/v1/ai/conversations/{first.ConversationId}/takeover")).Ok();
        var back = (await Api.PostAsync<ConversationDto>($"/api/v1/ai/conversations/{first.ConversationId}/resume")).Ok();
        Assert.Equal(ConversationState.Active, back.Status);
    }

    [Fact]
    public async Task Going_round_in_circles_hands_over_to_a_person_on_the_third_turn_without_progress()
    {
        using var visitor = Host.CreateAnonymousClient();
        var replies = await TalkAsync(visitor, "hmm", "???", "hmm");
        var said = string.Join("\n", replies.Select(r => $"{r.Agent} {r.Intent} {r.Escalated}: {r.Reply}"));
        Assert.True(!replies[0].Escalated && !replies[1].Escalated && replies[2].Escalated, said);
        var conversation = (await Api.GetAsync<ConversationDto>($"/api/v1/ai/conversations/{replies[0].ConversationId}")).Ok();
        Assert.Contains("round in circles", conversation.EscalationReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_questions_are_answered_from_the_knowledge_base_with_the_passage_cited()
    {
        using var visitor = Host.CreateAnonymousClient();
        var policy = await ChatAsync(visitor, "what's your cancellation policy?");
        Assert.Equal(AgentNames.Knowledge, policy.Agent);
        Assert.Contains("(Source: Cancellation and refund policy)", policy.Reply, StringComparison.Ordinal);
        Assert.Contains(policy.Sources!, s => s.Title == "Cancellation and refund policy");

        var title = $"Parking for the chef's van {Guid.NewGuid():N}"[..40];
        var article = (await Api.PostAsync<KnowledgeArticleDto>("/api/v1/ai/knowledge",
            new KnowledgeArticleRequest(title, "The chef drives a small van and needs one parking space within 50 feet of the grill spot, on the driveway or the street.", ["parking"], true)))
            .Ok(HttpStatusCode.Created);
        try
        {
            var parking = await ChatAsync(Host.CreateAnonymousClient(), "Where will the chef park his van? our street is narrow");
            Assert.Equal(AgentNames.Knowledge, parking.Agent);
            Assert.Contains("one parking space within 50 feet", parking.Reply, StringComparison.Ordinal);
            Assert.Contains(parking.Sources!, s => s.Id == article.Id);
            // The vectors were searched in Qdrant, where the new article's point was stored.
            Assert.True(Host.Qdrant.Points("myhibachi_knowledge").ContainsKey(article.Id.ToString()));
            Assert.Contains("qdrant.Points/Query", Host.Qdrant.Calls);
            Assert.Equal(0, Host.Qdrant.Failures);
        }
        finally
        {
            await Api.DeleteAsync($"/api/v1/ai/knowledge/{article.Id}", null);
        }

        Assert.False(Host.Qdrant.Points("myhibachi_knowledge").ContainsKey(article.Id.ToString()));
        // Every published article has its point (seeded at start).
        Assert.True(Host.Qdrant.Points("myhibachi_knowledge").Count >= 16);
    }

    [Fact]
    public async Task Allergies_are_answered_from_the_allergen_matrix_and_an_unknown_allergen_goes_to_a_person()
    {
        using var visitor = Host.CreateAnonymousClient();
        var shellfish = await ChatAsync(visitor, "my son has a severe shellfish allergy, what can he eat?");
        Assert.Equal(AgentNames.Allergen, shellfish.Agent);
        Assert.Contains("Hibachi shrimp", shellfish.Reply, StringComparison.Ordinal);
        Assert.Contains("cannot guarantee", shellfish.Reply, StringComparison.Ordinal);
        Assert.False(shellfish.Escalated);

        var mustard = await ChatAsync(Host.CreateAnonymousClient(), "is anything safe for someone who is allergic to mustard?");
        Assert.Equal(AgentNames.Allergen, mustard.Agent);
        Assert.Contains("won't guess", mustard.Reply, StringComparison.Ordinal);
        Assert.True(mustard.Escalated);
    }

    [Fact]
    public async Task A_signed_in_customer_asks_about_their_own_booking_and_reschedules_it_after_confirming()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var email = $"cust-{Guid.NewGuid():N}@example.com";
        var customer = await ConfirmedCustomerAsync(email, "Chat-Customer-9!");
        var booking = (await customer.PostAsync<BookingDto>("/api/bookings",
            customer.BookingRequest(station.Id, HibachiApiClient.FutureDate(20)) with { Customer = null })).Ok(HttpStatusCode.Created);

        var status = await ChatAsync(customer, "what's the status of my booking?");
        Assert.Equal(AgentNames.CustomerCare, status.Agent);
        Assert.Contains(booking.Reference, status.Reply, StringComparison.Ordinal);
        Assert.Contains($"Total {Money(booking.Pricing.TotalCents)}", status.Reply, StringComparison.Ordinal);

        // Another visitor cannot read that conversation, nor learn anything by asking.
        using var stranger = Host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync<ConversationDto>($"/api/v1/ai/conversations/{status.ConversationId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(status.ConversationId, "hi", null))).Status);
        var anonymous = await ChatAsync(stranger, "what's the status of my booking?");
        Assert.DoesNotContain(booking.Reference, anonymous.Reply, StringComparison.Ordinal);

        var newDate = HibachiApiClient.FutureDate(27);
        var move = await ChatAsync(customer, $"can we move my party to {newDate:MMMM d} at 5pm?", status.ConversationId);
        Assert.Equal(AgentNames.Operations, move.Agent);
        Assert.Contains("(yes or no)", move.Reply, StringComparison.Ordinal);
        Assert.Equal(HibachiApiClient.FutureDate(20), (await Api.GetAsync<BookingDto>($"/api/bookings/{booking.Id}")).Ok().LocalDate);
        var done = await ChatAsync(customer, "yes please", status.ConversationId);
        Assert.Contains("Done:", done.Reply, StringComparison.Ordinal);
        var moved = (await Api.GetAsync<BookingDto>($"/api/bookings/{booking.Id}")).Ok();
        Assert.Equal((newDate, "17:00"), (moved.LocalDate, moved.LocalStartTime));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_4xx_and_never_a_500()
    {
        using var visitor = Host.CreateAnonymousClient();
        (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(null, "", null))).InvalidField("message");
        (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(null, "   \n ", null))).InvalidField("message");
        (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(null, new string('a', 10_000), null))).InvalidField("message");
        (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest("not-an-id", "hi", null))).InvalidField("conversationId");
        (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(Guid.NewGuid().ToString(), "hi", null))).Refused(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new { message = "hi", channel = "fax" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new { message = "nul\u0000byte" })).Status);

        var sms = (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(null, "what's on the menu", ChatChannel.Sms))).Ok();
        (await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(sms.ConversationId, "and prices?", ChatChannel.WhatsApp))).InvalidField("channel");
        (await visitor.PostAsync<ConversationDto>("/api/v1/ai/escalate", new EscalateRequest(null, null))).InvalidField("conversationId");
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync<string>("/api/v1/ai/escalations")).Status);

        var agents = (await visitor.GetAsync<List<AgentDto>>("/api/v1/ai/agents")).Ok();
        Assert.Equal(AgentNames.All, agents.Select(a => a.Name));
    }

    [Fact]
    public async Task A_visitor_is_rate_limited_per_visitor()
    {
        using var visitor = Host.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await visitor.PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(null, "menu?", null))).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await Host.CreateAnonymousClient().PostAsync<ChatReply>("/api/v1/ai/chat", new ChatRequest(null, "menu?", null))).Status);
    }
}
