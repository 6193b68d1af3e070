using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Inbox;

/// <summary>Each channel end to end on the running AppHost: the provider's webhook in, the assistant, the reply out through the provider.</summary>
public sealed class ChannelTests(InboxAppHost host) : InboxTest(host)
{
    [Fact]
    public async Task An_sms_is_answered_by_the_assistant_by_sms_and_500_repeats_of_its_webhook_make_one_message()
    {
        await Api.CreateStationAsync();
        var rc = Host.RingCentral;
        Assert.True(await rc.HandshakeAsync(Host.RingCentralWebhook), "the Validation-Token handshake is echoed with a 200");

        const string customer = "+14045550111";
        var sms = rc.InboundSms(customer, "How much would it cost for 20 adults in 30305?", name: "Robin Texter");
        Assert.Equal(HttpStatusCode.Unauthorized, await rc.NotifyAsync(Host.RingCentralWebhook, sms, withToken: false));
        Assert.Equal(HttpStatusCode.Unauthorized, await rc.NotifyAsync(Host.RingCentralWebhook, sms, verificationToken: "not-the-secret"));
        Assert.Equal(HttpStatusCode.OK, await rc.NotifyAsync(Host.RingCentralWebhook, sms));

        // A relay that signs the body instead (the seed's X-RC-Signature, HMAC-SHA256 with the webhook secret) is accepted; a wrong one is not.
        var relayed = rc.InboundSms("+14045550112", "Hello from a relay");
        Assert.Equal(HttpStatusCode.OK, await PostSignedAsync(relayed, Convert.ToHexStringLower(
            System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rc.WebhookSecret), System.Text.Encoding.UTF8.GetBytes(relayed)))));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostSignedAsync(relayed, Convert.ToHexStringLower(
            System.Security.Cryptography.HMACSHA256.HashData("wrong"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(relayed)))));

        var reply = await EventuallyAsync(() => Task.FromResult(rc.Sent.FirstOrDefault(s => s.To == customer)), s => s.Text is not null, what: "an SMS back");
        Assert.Equal(rc.OurNumber, reply.From);
        var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 20, 0, null, null, null, null))).Ok(HttpStatusCode.Created);
        Assert.Contains((quote.Pricing.TotalCents / 100m).ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture), reply.Text, StringComparison.Ordinal);

        var summary = await ConversationOfAsync("sms", customer);
        Assert.Equal(ChatChannel.Sms, summary.Channel);
        Assert.Equal(InboxStatus.Pending, summary.Status);
        Assert.Equal("Robin Texter", summary.ContactName);
        var thread = await EventuallyAsync(() => ThreadAsync(summary.Id), t => t.Messages.Any(m => m.Author == "assistant" && m.Delivery == DeliveryStatus.Sent));
        Assert.Equal("How much would it cost for 20 adults in 30305?", thread.Messages.First(m => m.Author == "customer").Text);

        // RingCentral's message store says the text was delivered: the inbox shows it.
        rc.Statuses[reply.Id] = "Delivered";
        await EventuallyAsync(() => ThreadAsync(summary.Id), t => t.Messages.Any(m => m.Author == "assistant" && m.Delivery == DeliveryStatus.Delivered),
            what: "the SMS receipt from the message store");

        // RingCentral delivers again when it is unsure: 500 copies, 25 at a time, make no second message and no second answer.
        var sentBefore = rc.Sent.Count(s => s.To == customer);
        for (var batch = 0; batch < 20; batch++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => rc.NotifyAsync(Host.RingCentralWebhook, sms)));
            Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        }

        await Task.Delay(1500);
        var after = await ThreadAsync(summary.Id);
        Assert.Single(after.Messages, m => m.Author == "customer");
        Assert.Equal(sentBefore, rc.Sent.Count(s => s.To == customer));
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE channel = 'Sms' AND handle = @h", ("h", customer)));
    }

    private async Task<HttpStatusCode> PostSignedAsync(string body, string signature)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Host.RingCentralWebhook) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-RC-Signature", signature);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task WhatsApp_is_answered_on_WhatsApp_receipts_move_it_to_read_and_outside_the_window_the_template_goes()
    {
        await Api.CreateStationAsync();
        var meta = Host.Meta;
        var (status, body) = await meta.VerifyAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("challenge:", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await meta.VerifyAsync("wrong-token")).Status);

        const string wa = "16505551234";
        var inbound = meta.WhatsAppText(wa, "Do you cater on Saturdays? What's on the menu?");
        Assert.Equal(HttpStatusCode.Unauthorized, await meta.SendWebhookAsync(inbound, signed: false));
        Assert.Equal(HttpStatusCode.Unauthorized, await meta.SendWebhookAsync(inbound, signature: meta.Sign(inbound, "another-secret")));
        Assert.Equal(HttpStatusCode.Unauthorized, await meta.SendWebhookAsync(inbound, signature: meta.Sign(inbound + " ")));
        Assert.Equal(HttpStatusCode.OK, await meta.SendWebhookAsync(inbound));

        var reply = await EventuallyAsync(() => Task.FromResult(meta.Sent.FirstOrDefault(s => s.To == wa && s.Kind == "whatsapp")), s => s.Id is not null,
            what: "a WhatsApp reply");
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        var conversation = await ConversationOfAsync("whatsapp", wa);
        Assert.Equal("Sheena Nelson", conversation.ContactName);

        // Receipts: delivered, then read (a late "sent" does not move it back).
        await meta.SendWebhookAsync(meta.WhatsAppStatus(reply.Id, wa, "delivered"));
        await meta.SendWebhookAsync(meta.WhatsAppStatus(reply.Id, wa, "read"));
        await meta.SendWebhookAsync(meta.WhatsAppStatus(reply.Id, wa, "sent"));
        var thread = await EventuallyAsync(() => ThreadAsync(conversation.Id), t => t.Messages.Any(m => m.Delivery == DeliveryStatus.Read));
        Assert.NotNull(thread.ReplyWindowClosesAt);

        // WhatsApp refuses free text 24 hours after the customer's last message (131047, by status webhook): the same words go again as the template.
        meta.OutsideWindow[wa] = true;
        (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{conversation.Id}/reply", new InboxReplyRequest("Yes, Saturday the 12th is open!"))).Ok();
        var template = await EventuallyAsync(() => Task.FromResult(meta.Sent.FirstOrDefault(s => s.To == wa && s.Kind.StartsWith("whatsapp-template", StringComparison.Ordinal))),
            s => s.Id is not null, what: "the template after 131047");
        Assert.Equal("whatsapp-template:myhibachi_follow_up", template.Kind);
        Assert.Equal("Yes, Saturday the 12th is open!", template.Text);
        thread = await EventuallyAsync(() => ThreadAsync(conversation.Id), t => t.Messages.Any(m => m.Template == "myhibachi_follow_up" && m.Delivery == DeliveryStatus.Sent));
        var refused = thread.Messages.Single(m => m.Text == "Yes, Saturday the 12th is open!" && m.Template is null);
        Assert.Equal(DeliveryStatus.Failed, refused.Delivery);
        Assert.Contains("24-hour", refused.DeliveryError, StringComparison.Ordinal);

        // And when we already know the window is closed, the template goes at once.
        await Host.ExecuteAsync("UPDATE conversations SET last_inbound_at = now() - interval '25 hours' WHERE id = @id", ("id", conversation.Id));
        var sentBefore = meta.Sent.Count(s => s.To == wa);
        (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{conversation.Id}/reply", new InboxReplyRequest("Following up on your party."))).Ok();
        var next = await EventuallyAsync(() => Task.FromResult(meta.Sent.Where(s => s.To == wa).Skip(sentBefore).FirstOrDefault()), s => s.Id is not null);
        Assert.StartsWith("whatsapp-template", next.Kind, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Messenger_message_and_an_Instagram_comment_are_answered_and_the_comment_can_be_hidden()
    {
        await Api.CreateStationAsync();
        var meta = Host.Meta;
        Assert.Equal(HttpStatusCode.OK, await meta.SendWebhookAsync(meta.Messenger("psid-77", "What proteins can we choose?")));
        var messenger = await EventuallyAsync(() => Task.FromResult(meta.Sent.FirstOrDefault(s => s.Kind == "page" && s.To == "psid-77")), s => s.Id is not null,
            what: "a Messenger reply");
        Assert.False(string.IsNullOrWhiteSpace(messenger.Text));
        var conversation = await ConversationOfAsync("messenger", "psid-77");
        await meta.SendWebhookAsync(meta.MessengerRead("psid-77", DateTimeOffset.UtcNow.AddSeconds(5)));
        await EventuallyAsync(() => ThreadAsync(conversation.Id), t => t.Messages.Any(m => m.Author == "assistant" && m.Delivery == DeliveryStatus.Read));

        Assert.Equal(HttpStatusCode.OK, await meta.SendWebhookAsync(meta.InstagramComment("17858893269000001", "igsid-5", "grill.fan", "Do you travel to Marietta 30060?")));
        var reply = await EventuallyAsync(() => Task.FromResult(meta.Sent.FirstOrDefault(s => s.Kind == "comment-reply" && s.To == "17858893269000001")),
            s => s.Id is not null, what: "a public reply under the comment");
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        var comment = await ConversationOfAsync("instagram_comment", "igsid-5");
        Assert.Equal("grill.fan", comment.ContactName);

        var thread = await ThreadAsync(comment.Id);
        var theirs = thread.Messages.Single(m => m.Author == "customer");
        var hidden = (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{comment.Id}/messages/{theirs.Id}/hide", new ModerationRequest(true))).Ok();
        Assert.True(hidden.Messages.Single(m => m.Id == theirs.Id).Hidden);
        await EventuallyAsync(() => Task.FromResult(meta.Sent.FirstOrDefault(s => s.Kind == "hide")), s => s.Id is not null, what: "the hide call");
        Assert.Equal("hide=true", meta.Sent.Single(s => s.Kind == "hide").Text);

        // Only a customer's comment can be hidden.
        var ours = thread.Messages.First(m => m.Author == "assistant");
        (await Api.PostAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{comment.Id}/messages/{ours.Id}/hide", new ModerationRequest(true)))
            .Refused(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_outage_leaves_the_reply_queued_for_staff_to_see_and_it_goes_when_the_provider_is_back()
    {
        await Api.CreateStationAsync();
        var rc = Host.RingCentral;
        rc.Down = true;
        try
        {
            const string customer = "+14045550122";
            Assert.Equal(HttpStatusCode.OK, await rc.NotifyAsync(Host.RingCentralWebhook, rc.InboundSms(customer, "What is on the menu?")));
            var conversation = await ConversationOfAsync("sms", customer);
            var waiting = await EventuallyAsync(() => ThreadAsync(conversation.Id),
                t => t.Messages.Any(m => m.Author == "assistant" && m.Delivery == DeliveryStatus.Queued && m.DeliveryAttempts >= 1), what: "the reply back in the queue");
            Assert.Contains("Will retry", waiting.Messages.Single(m => m.Author == "assistant").DeliveryError, StringComparison.Ordinal);
            var list = (await Api.GetAsync<PagedList<InboxConversationSummary>>("/api/v1/inbox/conversations?channel=sms")).Ok();
            Assert.Equal(1, list.Items.Single(c => c.Id == conversation.Id).Unsent);
            Assert.DoesNotContain(rc.Sent, s => s.To == customer);

            rc.Down = false;
            await EventuallyAsync(() => Task.FromResult(rc.Sent.Count(s => s.To == customer)), n => n > 0, seconds: 45, what: "the SMS after the outage");
            var sent = await EventuallyAsync(() => ThreadAsync(conversation.Id), t => t.Messages.Any(m => m.Author == "assistant" && m.Delivery == DeliveryStatus.Sent));
            Assert.Null(sent.Messages.Single(m => m.Author == "assistant").DeliveryError);
            await Task.Delay(1000);
            var only = Assert.Single(rc.Sent, s => s.To == customer);

            // The carrier could not deliver it after all: staff see it failed, with why.
            rc.Statuses[only.Id] = "DeliveryFailed";
            var failed = await EventuallyAsync(() => ThreadAsync(conversation.Id), t => t.Messages.Any(m => m.Author == "assistant" && m.Delivery == DeliveryStatus.Failed),
                what: "the failed receipt");
            Assert.Contains("DeliveryFailed", failed.Messages.Single(m => m.Author == "assistant").DeliveryError, StringComparison.Ordinal);
            Assert.Equal(1, (await Api.GetAsync<PagedList<InboxConversationSummary>>("/api/v1/inbox/conversations?channel=sms")).Ok().Items.Single(c => c.Id == conversation.Id).Failed);
        }
        finally
        {
            rc.Down = false;
        }
    }
}
