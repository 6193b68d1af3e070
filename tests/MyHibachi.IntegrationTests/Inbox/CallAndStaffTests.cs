using System.Net;
using System.Net.Http.Headers;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Inbox;

/// <summary>Calls (recording, transcript from RingCentral or Deepgram, summary, spoken answer, missed-call text), staff work in the inbox, and e-mail threading.</summary>
public sealed class CallAndStaffTests(InboxAppHost host) : InboxTest(host)
{
    private static byte[] Wav(int seed)
    {
        // A short, valid 8 kHz mono WAV whose samples differ per call (Deepgram's stand-in knows each by its hash).
        var samples = 8000;
        var bytes = new byte[44 + samples * 2];
        "RIFF"u8.CopyTo(bytes);
        BitConverter.GetBytes(bytes.Length - 8).CopyTo(bytes, 4);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BitConverter.GetBytes(16).CopyTo(bytes, 16);
        BitConverter.GetBytes((short)1).CopyTo(bytes, 20);
        BitConverter.GetBytes((short)1).CopyTo(bytes, 22);
        BitConverter.GetBytes(8000).CopyTo(bytes, 24);
        BitConverter.GetBytes(16000).CopyTo(bytes, 28);
        BitConverter.GetBytes((short)2).CopyTo(bytes, 32);
        BitConverter.GetBytes((short)16).CopyTo(bytes, 34);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BitConverter.GetBytes(samples * 2).CopyTo(bytes, 40);
        for (var i = 0; i < samples; i++)
        {
            BitConverter.GetBytes((short)(Math.Sin((i + seed) * 0.05) * 8000)).CopyTo(bytes, 44 + i * 2);
        }

        return bytes;
    }

    private async Task CallAsync(string session, string caller, string? recording, bool answered = true)
    {
        var rc = Host.RingCentral;
        var start = DateTimeOffset.UtcNow.AddMinutes(-4);
        Assert.Equal(HttpStatusCode.OK, await rc.NotifyAsync(Host.RingCentralWebhook, rc.CallEvent(session, caller, "Setup", at: start)));
        if (answered)
        {
            Assert.Equal(HttpStatusCode.OK, await rc.NotifyAsync(Host.RingCentralWebhook, rc.CallEvent(session, caller, "Answered", at: start.AddSeconds(10))));
        }

        var end = rc.CallEvent(session, caller, "Disconnected", answered ? "CallFinished" : "NoAnswer", missed: !answered, recordingId: recording,
            at: start.AddSeconds(answered ? 190 : 25));
        Assert.Equal(HttpStatusCode.OK, await rc.NotifyAsync(Host.RingCentralWebhook, end));
        // A repeated end changes nothing.
        Assert.Equal(HttpStatusCode.OK, await rc.NotifyAsync(Host.RingCentralWebhook, end));
    }

    [Fact]
    public async Task A_recorded_call_is_fetched_transcribed_by_RingCentral_or_else_Deepgram_summarised_and_answered_aloud()
    {
        await Api.CreateStationAsync();
        var rc = Host.RingCentral;
        var first = Wav(1);
        rc.Recordings["401786818008"] = first;
        rc.Transcripts["401786818008"] = "Hi, I'd like to book a hibachi party for 20 adults on a Saturday in 30305. Thanks so much!";
        var second = Wav(2);
        rc.Recordings["401786818009"] = second;
        Host.Deepgram.Register(second, "This is terrible, the chef never showed up and nobody answers. I want a refund now.");

        await CallAsync("s-rc-1", "+14045550133", "401786818008");
        await CallAsync("s-dg-2", "+14045550144", "401786818009");

        var voice = await ConversationOfAsync("voice", "+14045550133");
        // The transcript is stored first and read after (the lead is written as part of reading it): wait for both.
        var thread = await EventuallyAsync(() => ThreadAsync(voice.Id), t => t.Calls.Any(c => c.TranscriptStatus == "ready" && c.LeadId is not null), seconds: 45,
            what: "the RingCentral transcript and its lead");
        var call = thread.Calls.Single();
        Assert.Equal("inbound", call.Direction);
        Assert.Equal("completed", call.Status);
        Assert.Equal(180, call.DurationSeconds);
        Assert.True(call.HasRecording);
        Assert.Equal("ringcentral", call.TranscriptSource);
        Assert.Equal("book, change or cancel", call.Intent);
        Assert.Equal("positive", call.Emotion);
        Assert.Contains("Mentioned: 20 adults", call.Summary, StringComparison.Ordinal);
        Assert.Contains("ZIP 30305", call.Summary, StringComparison.Ordinal);
        Assert.NotNull(call.LeadId); // no booking: the caller became a lead
        Assert.Contains(thread.Messages, m => m.Author == "system" && m.Text.StartsWith("Call from +14045550133, 3 min", StringComparison.Ordinal));

        var transcript = (await Api.GetAsync<CallTranscriptDto>($"/api/v1/calls/{call.Id}/transcript")).Ok();
        Assert.Equal("ringcentral", transcript.Source);
        Assert.StartsWith("Hi, I'd like to book", transcript.Transcript, StringComparison.Ordinal);

        // Playback streams the recording with range requests, to staff only.
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calls/{call.Id}/playback");
        range.Headers.Range = new RangeHeaderValue(0, 99);
        using var partial = await Api.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("audio/x-wav", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first[..100], await partial.Content.ReadAsByteArrayAsync());
        using var download = await Api.Http.GetAsync($"/api/v1/calls/{call.Id}/recording");
        Assert.Equal(first, await download.Content.ReadAsByteArrayAsync());
        using var anonymous = Host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync($"/api/v1/calls/{call.Id}/playback")).StatusCode);

        // The caller's words went to the assistant; its answer was spoken (espeak-ng) and offered to RingCentral as a prompt.
        await EventuallyAsync(() => ThreadAsync(voice.Id), t => t.Messages.Any(m => m.Author == "assistant" && m.Delivery == DeliveryStatus.Sent), seconds: 30,
            what: "the spoken answer");
        Assert.NotEmpty(rc.Prompts);

        var angry = await ConversationOfAsync("voice", "+14045550144");
        var second_ = await EventuallyAsync(() => ThreadAsync(angry.Id), t => t.Calls.Any(c => c.TranscriptStatus == "ready"), seconds: 45, what: "the Deepgram transcript");
        var complaint = second_.Calls.Single();
        Assert.Equal("deepgram", complaint.TranscriptSource);
        Assert.Contains(complaint.Emotion, new[] { "angry", "frustrated" });
        Assert.Contains(Host.Deepgram.Requests, r => r.Headers["Authorization"] == "Token " + Host.Deepgram.ApiKey);
        // An angry caller is handed to a person, not answered by the assistant. The transcript is readable as soon as it is stored;
        // the hand-over follows once the assistant has read it, so it is waited for.
        var handedOver = await EventuallyAsync(() => ThreadAsync(angry.Id), t => t.Status != InboxStatus.Pending, seconds: 30, what: "the hand-over");
        Assert.Equal(InboxStatus.Open, handedOver.Status);
        Assert.DoesNotContain(handedOver.Messages, m => m.Author == "assistant");
    }

    [Fact]
    public async Task A_missed_call_gets_a_text_back_once()
    {
        await Api.CreateStationAsync();
        await CallAsync("s-missed-3", "+14045550155", recording: null, answered: false);
        var text = await EventuallyAsync(() => Task.FromResult(Host.RingCentral.Sent.Where(s => s.To == "+14045550155").ToList()), s => s.Count > 0,
            what: "the missed-call text");
        Assert.Single(text);
        Assert.StartsWith("Sorry we missed your call!", text[0].Text, StringComparison.Ordinal);
        var voice = await ConversationOfAsync("voice", "+14045550155");
        Assert.Equal("missed", (await ThreadAsync(voice.Id)).Calls.Single().Status);
        await Task.Delay(1000);
        Assert.Single(Host.RingCentral.Sent, s => s.To == "+14045550155");
    }

    [Fact]
    public async Task Staff_take_over_reply_note_with_mentions_assign_round_robin_label_snooze_resolve_and_hand_back()
    {
        var station = await Api.CreateStationAsync();
        var rc = Host.RingCentral;
        const string customer = "+14045550166";
        await rc.NotifyAsync(Host.RingCentralWebhook, rc.InboundSms(customer, "What is on the kids menu?"));
        var conversation = await ConversationOfAsync("sms", customer);
        await EventuallyAsync(() => ThreadAsync(conversation.Id), t => t.Messages.Any(m => m.Author == "assistant"));
        var id = conversation.Id;

        // Reply as a person: the conversation is theirs (open, assigned), the text goes by SMS.
        var replied = (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/reply", new InboxReplyRequest("Hi! This is Ana from MyHibachi."))).Ok();
        Assert.Equal(InboxStatus.Open, replied.Status);
        Assert.Equal(ChatHandler.Human, replied.HandledBy);
        Assert.NotNull(replied.AssignedUserId);
        await EventuallyAsync(() => Task.FromResult(rc.Sent.Any(s => s.To == customer && s.Text == "Hi! This is Ana from MyHibachi.")), sent => sent);

        // While a person has it, the assistant stays quiet.
        var before = rc.Sent.Count(s => s.To == customer);
        await rc.NotifyAsync(Host.RingCentralWebhook, rc.InboundSms(customer, "Great, and the adult menu?"));
        var suggested = await EventuallyAsync(() => ThreadAsync(id), t => t.Messages.Any(m => m.Intent == "suggested_reply"), what: "the assistant's suggested reply");
        var draft = suggested.Messages.Single(m => m.Intent == "suggested_reply");
        Assert.True(draft.IsPrivate);
        Assert.Equal(DeliveryStatus.None, draft.Delivery);
        Assert.Equal("MenuAgent", draft.Agent);
        await Task.Delay(1500);
        Assert.Equal(before, rc.Sent.Count(s => s.To == customer));

        // A private note mentioning a colleague: never sent; the colleague gets an e-mail.
        var agents = (await Api.GetAsync<IReadOnlyList<InboxAgentDto>>("/api/v1/inbox/agents")).Ok();
        var me = agents.Single();
        var noted = (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/notes", new InboxNoteRequest("Please check the kids' prices.", [me.UserId]))).Ok();
        var note = noted.Messages.Single(m => m.IsPrivate && m.Author == "staff");
        Assert.Equal(DeliveryStatus.None, note.Delivery);
        Assert.Equal([me.Name], note.Mentions);
        await Host.WaitForMailAsync(ApiAppHost.AdminEmail, "mentioned you");
        (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/notes", new InboxNoteRequest("x", [Guid.NewGuid()]))).InvalidField("mentionUserIds");

        // Round-robin needs someone on duty.
        (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/assign", new InboxAssignRequest(null, false))).Ok();
        (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/assign", new InboxAssignRequest(null, true))).Refused(HttpStatusCode.Conflict);
        Assert.True((await Api.PutAsync<InboxAgentDto>("/api/v1/inbox/duty", new InboxDutyRequest(true))).Ok().OnDuty);
        var assigned = (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/assign", new InboxAssignRequest(null, true))).Ok();
        Assert.Equal(me.UserId, assigned.AssignedUserId);
        Assert.Contains(assigned.Events, e => e.Type == ConversationEventType.Assigned && e.Reason!.Contains("round-robin", StringComparison.Ordinal));

        // Labels, and the list filtered by them, by assignee and by status.
        (await Api.PutAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/labels", new InboxLabelsRequest(["VIP", "kids-menu"]))).Ok();
        (await Api.PutAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/labels", new InboxLabelsRequest(["no spaces allowed"]))).InvalidField("labels");
        var byLabel = (await Api.GetAsync<PagedList<InboxConversationSummary>>("/api/v1/inbox/conversations?label=vip&assignee=me&status=open")).Ok();
        Assert.Equal([id], byLabel.Items.Select(c => c.Id));
        Assert.Equal(["vip", "kids-menu"], byLabel.Items[0].Labels);
        Assert.Empty((await Api.GetAsync<PagedList<InboxConversationSummary>>("/api/v1/inbox/conversations?label=vip&status=resolved")).Ok().Items);
        (await Api.GetAsync<PagedList<InboxConversationSummary>>("/api/v1/inbox/conversations?channel=fax")).InvalidField("channel");

        // Snooze: gone from open until the customer writes again.
        (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/status", new InboxStatusRequest(InboxStatus.Snoozed, null))).InvalidField("snoozeUntil");
        var snoozed = (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/status",
            new InboxStatusRequest(InboxStatus.Snoozed, DateTimeOffset.UtcNow.AddDays(1)))).Ok();
        Assert.Equal(InboxStatus.Snoozed, snoozed.Status);
        await rc.NotifyAsync(Host.RingCentralWebhook, rc.InboundSms(customer, "Hello? Still there?"));
        Assert.Equal(InboxStatus.Open, (await EventuallyAsync(() => ThreadAsync(id), t => t.Status == InboxStatus.Open)).Status);

        // Hand back to the assistant: it answers the next message by SMS again.
        var pending = (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/status", new InboxStatusRequest(InboxStatus.Pending, null))).Ok();
        Assert.Equal(ChatHandler.Ai, pending.HandledBy);
        var sentBefore = rc.Sent.Count(s => s.To == customer);
        await rc.NotifyAsync(Host.RingCentralWebhook, rc.InboundSms(customer, "Do you bring the grill?"));
        await EventuallyAsync(() => Task.FromResult(rc.Sent.Count(s => s.To == customer)), n => n > sentBefore, what: "the assistant answering again");

        var resolved = (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/status", new InboxStatusRequest(InboxStatus.Resolved, null))).Ok();
        Assert.Equal(InboxStatus.Resolved, resolved.Status);

        // The texter is a customer staff know: linked, their record shows beside the thread.
        var customerRecord = (await Api.PostAsync<CustomerDto>("/api/customers", new CustomerRequest(station.Id, "Kim", "Texter", "kim.texter@example.com", customer, null, null)))
            .Ok(HttpStatusCode.Created);
        (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/customer", new InboxLinkCustomerRequest(Guid.NewGuid()))).InvalidField("customerId");
        var linked = (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{id}/customer", new InboxLinkCustomerRequest(customerRecord.Id))).Ok();
        Assert.Equal(customerRecord.Id, linked.Contact.CustomerId);
        Assert.Equal("Kim Texter", linked.ContactName);
        Assert.Equal(station.Id, linked.StationId);

        // Canned replies: unique short codes.
        var canned = (await Api.PostAsync<CannedReplyDto>("/api/v1/inbox/canned-replies", new CannedReplyRequest("/deposit", "The deposit is $100 and holds your date."))).Ok(HttpStatusCode.Created);
        Assert.Equal("deposit", canned.ShortCode);
        (await Api.PostAsync<CannedReplyDto>("/api/v1/inbox/canned-replies", new CannedReplyRequest("deposit", "again"))).Refused(HttpStatusCode.Conflict);
        Assert.Single((await Api.GetAsync<IReadOnlyList<CannedReplyDto>>("/api/v1/inbox/canned-replies")).Ok());

        // Every channel says whether it can send.
        var channels = (await Api.GetAsync<IReadOnlyList<ChannelStatusDto>>("/api/v1/inbox/channels")).Ok();
        Assert.All(channels, c => Assert.True(c.Configured, c.Name));
    }

    [Fact]
    public async Task An_email_gets_an_answer_by_email_and_the_customer_s_reply_joins_the_same_conversation()
    {
        await Api.CreateStationAsync();
        Directory.CreateDirectory(Host.MailInbound);
        await File.WriteAllTextAsync(Path.Combine(Host.MailInbound, "first.eml"), """
            From: Casey Mailer <casey@example.com>
            To: inbox@myhibachi.local
            Subject: Menu question
            Message-ID: <first-123@example.com>
            Content-Type: text/plain; charset=utf-8

            Hello, what proteins do you offer?
            """.Replace("\n", "\r\n", StringComparison.Ordinal));
        var conversation = await ConversationOfAsync("email", "casey@example.com");
        Assert.Equal("Casey Mailer", conversation.ContactName);
        var answer = await Host.WaitForMailAsync("casey@example.com", "Re: Menu question");
        Assert.Contains($"inbox+{conversation.Id:N}@myhibachi.local", answer, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(Host.MailInbound, "second.eml"), $"""
            From: casey@example.com
            To: inbox+{conversation.Id:N}@myhibachi.local
            Subject: Re: Menu question
            Message-ID: <second-456@example.com>
            In-Reply-To: <conversation-{conversation.Id:N}-x@myhibachi>
            Content-Type: text/plain; charset=utf-8

            Great, and is there a vegetarian option?

            On Tue, Dec 1, 2026 at 9:00 AM MyHibachi wrote:
            > Our proteins are...
            """.Replace("\n", "\r\n", StringComparison.Ordinal));
        var thread = await EventuallyAsync(() => ThreadAsync(conversation.Id), t => t.Messages.Count(m => m.Author == "customer") == 2, what: "the reply threaded");
        var reply = thread.Messages.Last(m => m.Author == "customer");
        Assert.Equal("Re: Menu question\n\nGreat, and is there a vegetarian option?", reply.Text);
        Assert.True(File.Exists(Path.Combine(Host.MailInbound, "processed", "second.eml")));
    }
}
