using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Inbox;
using MyHibachi.Api.Features.Inbox.Channels;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Channels;
using MyHibachi.Contracts;
using MyHibachi.Workers.Channels;

namespace MyHibachi.UnitTests.Inbox;

/// <summary>The inbox's pure rules: signatures, provider payloads, delivery order, e-mail threading, call reading.</summary>
public sealed class InboxRulesTests
{
    private static readonly MetaOptions Meta = new() { PageId = "page-1", InstagramAccountId = "ig-1" };

    [Fact]
    public void A_signature_is_the_HMAC_SHA256_of_the_exact_bytes_in_hex_or_base64_with_or_without_sha256_prefix()
    {
        var body = Encoding.UTF8.GetBytes("{\"text\":\"caf\\u00e9\"}");
        var mac = HMACSHA256.HashData("secret"u8.ToArray(), body);
        Assert.True(WebhookBody.HmacMatches("sha256=" + Convert.ToHexStringLower(mac), "secret", body));
        Assert.True(WebhookBody.HmacMatches(Convert.ToHexString(mac), "secret", body));
        Assert.True(WebhookBody.HmacMatches(Convert.ToBase64String(mac), "secret", body));
        Assert.False(WebhookBody.HmacMatches("sha256=" + Convert.ToHexStringLower(mac), "other", body));
        Assert.False(WebhookBody.HmacMatches("sha256=" + Convert.ToHexStringLower(mac), "secret", Encoding.UTF8.GetBytes("{\"text\":\"café\"}")));
        Assert.False(WebhookBody.HmacMatches("sha256=not-hex-at-all", "secret", body));
        Assert.False(WebhookBody.HmacMatches(null, "secret", body));
        Assert.True(WebhookBody.SecretEquals("abc", "abc"));
        Assert.False(WebhookBody.SecretEquals("abc", "abd"));
        Assert.False(WebhookBody.SecretEquals("", ""));
    }

    [Theory]
    [InlineData(DeliveryState.Queued, DeliveryState.Sent, true)]
    [InlineData(DeliveryState.Sent, DeliveryState.Delivered, true)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Read, true)]
    [InlineData(DeliveryState.Read, DeliveryState.Delivered, false)]
    [InlineData(DeliveryState.Read, DeliveryState.Sent, false)]
    [InlineData(DeliveryState.Sent, DeliveryState.Failed, true)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Failed, false)]
    [InlineData(DeliveryState.Failed, DeliveryState.Delivered, false)]
    public void Delivery_only_moves_forwards(DeliveryState from, DeliveryState to, bool moves) => Assert.Equal(moves, InboxOutbound.Advances(from, to));

    [Fact]
    public void Back_off_doubles_from_a_minute_to_an_hour() =>
        Assert.Equal([1, 1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(0, 9).Select(a => (int)InboxDelivery.Backoff(a).TotalMinutes));

    [Fact]
    public void A_WhatsApp_payload_gives_its_messages_and_its_receipts_with_the_error_code()
    {
        var json = """
            {"object":"whatsapp_business_account","entry":[{"id":"w","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
             "metadata":{"phone_number_id":"pn-1"},"contacts":[{"profile":{"name":"Sheena"},"wa_id":"16505551234"}],
             "messages":[{"from":"16505551234","id":"wamid.A","timestamp":"1739321024","type":"text","text":{"body":"Saturday?"}},
                         {"from":"16505551234","id":"wamid.B","timestamp":"1739321025","type":"image","image":{"id":"x"}}],
             "statuses":[{"id":"wamid.OUT","status":"failed","timestamp":"1","recipient_id":"16505551234",
                          "errors":[{"code":131047,"title":"Re-engagement message","error_data":{"details":"More than 24 hours"}}]}]}}]}]}
            """;
        var batch = MetaWebhook.Parse(JsonDocument.Parse(json).RootElement, Meta);
        Assert.Equal(2, batch.Messages.Count);
        var first = batch.Messages[0];
        Assert.Equal((ConversationChannel.WhatsApp, "16505551234", "pn-1", "Sheena", "Saturday?", "wa:wamid.A"),
            (first.Channel, first.Handle, first.Account, first.ContactName, first.Text, first.ExternalId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1739321024), first.SentAt);
        Assert.Equal("(sent a image message)", batch.Messages[1].Text);
        var receipt = Assert.Single(batch.Receipts);
        Assert.Equal(("wa:wamid.OUT", DeliveryState.Failed, 131047), (receipt.ExternalId, receipt.State, receipt.ErrorCode!.Value));
        Assert.Contains("More than 24 hours", receipt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_payloads_give_Messenger_messages_receipts_reads_and_comments_but_not_our_own_echoes()
    {
        var json = """
            {"object":"page","entry":[{"id":"page-1","time":1,"messaging":[
              {"sender":{"id":"psid"},"recipient":{"id":"page-1"},"timestamp":1458692752478,"message":{"mid":"m1","text":"hello"}},
              {"sender":{"id":"page-1"},"recipient":{"id":"psid"},"timestamp":1,"message":{"mid":"m2","text":"ours","is_echo":true}},
              {"sender":{"id":"psid"},"recipient":{"id":"page-1"},"delivery":{"mids":["m9"],"watermark":1}},
              {"sender":{"id":"psid"},"recipient":{"id":"page-1"},"timestamp":2,"read":{"watermark":1458668856253}}],
             "changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"post_c1","post_id":"page_post","message":"Nice!","from":{"id":"fan","name":"Pat"},"created_time":1742667604}},
                        {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"post_c2","post_id":"page_post","parent_id":"post_c1","message":"Reply","from":{"id":"fan2","name":"Lee"}}},
                        {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"post_c3","post_id":"page_post","message":"Our own","from":{"id":"page-1","name":"MyHibachi"}}}]}]}
            """;
        var batch = MetaWebhook.Parse(JsonDocument.Parse(json).RootElement, Meta);
        Assert.Equal(["fb:m1", "fbc:post_c1", "fbc:post_c2"], batch.Messages.Select(m => m.ExternalId).Order());
        var reply = batch.Messages.Single(m => m.ExternalId == "fbc:post_c2");
        Assert.Equal("post_c1", reply.ThreadKey); // a reply joins the thread of the comment it answers
        Assert.Equal(ConversationChannel.FacebookComment, reply.Channel);
        Assert.Equal("fb:m9", Assert.Single(batch.Receipts).ExternalId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1458668856253), Assert.Single(batch.Reads).Until);
    }

    [Fact]
    public void A_RingCentral_sms_and_a_telephony_event_are_read_from_their_documented_fields()
    {
        var sms = JsonDocument.Parse("""
            {"id":"606090030016","to":[{"phoneNumber":"+16508974563"}],"from":{"phoneNumber":"+14157809227","name":"John"},"type":"SMS",
             "creationTime":"2016-02-22T17:01:00.000Z","direction":"Inbound","subject":"Hi there"}
            """).RootElement;
        var item = RingCentralWebhook.ParseSms(sms)!;
        Assert.Equal(("+14157809227", "+16508974563", "Hi there", "rc-sms:606090030016", "John"), (item.Handle, item.Account, item.Text, item.ExternalId, item.ContactName));
        Assert.Null(RingCentralWebhook.ParseSms(JsonDocument.Parse("""{"id":"1","type":"SMS","direction":"Outbound","from":{"phoneNumber":"+1"}}""").RootElement));

        var call = JsonDocument.Parse("""
            {"telephonySessionId":"s-1","eventTime":"2026-12-01T10:00:00Z","parties":[{"direction":"Inbound","from":{"phoneNumber":"+14083388064"},
             "to":{"phoneNumber":"+19043014558"},"status":{"code":"Disconnected","reason":"NoAnswer"},"missedCall":true,"recordings":[{"id":"r-9","active":false}]}]}
            """).RootElement;
        var e = RingCentralWebhook.ParseTelephony(call, DateTimeOffset.UnixEpoch)!;
        Assert.Equal(("s-1", CallDirection.Inbound, "Disconnected", true, "r-9"), (e.SessionId, e.Direction, e.StatusCode, e.MissedCall, e.RecordingId));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), e.At);
    }

    [Fact]
    public void An_email_reply_names_its_conversation_and_loses_the_quoted_history()
    {
        var id = Guid.NewGuid();
        var result = InboundEmailThreading.ToItem(new InboundEmail("Casey@Example.com", "Casey", $"inbox+{id:N}@myhibachi.local", "Re: Menu",
            "Sounds good!\r\n\r\nOn Tue, Dec 1, 2026 at 9:00 AM MyHibachi wrote:\r\n> old text", "<abc@example.com>", null, null), DateTimeOffset.UnixEpoch);
        var item = result.Value!;
        Assert.Equal(id, item.ConversationId);
        Assert.Equal("casey@example.com", item.Handle);
        Assert.Equal("Re: Menu\n\nSounds good!", item.Text);
        Assert.Equal("email:<abc@example.com>", item.ExternalId);
        Assert.Equal(id, InboundEmailThreading.ConversationOf($"<conversation-{id:N}-1234@myhibachi>"));
        Assert.False(InboundEmailThreading.ToItem(new InboundEmail("not-an-address", null, null, "Hi", "x", "<1@x>", null, null), DateTimeOffset.UnixEpoch).Succeeded);
    }

    [Fact]
    public void A_call_transcript_is_read_for_intent_mood_and_the_facts_it_mentions()
    {
        Assert.Equal("angry", CallAnalysis.EmotionOf("This is terrible, I am furious, the chef never showed up! Unacceptable!"));
        Assert.Equal("positive", CallAnalysis.EmotionOf("Thanks so much, the party was great"));
        Assert.Equal("neutral", CallAnalysis.EmotionOf("I have a question about the menu"));
        var insight = CallAnalysis.Analyse("Hi, we want a party for 12 adults in 30305. Can you do it?",
            new MyHibachi.Api.Features.Assistant.Routing.RouteDecision(AgentNames.LeadNurturing, 0.9, []),
            MyHibachi.Api.Features.Assistant.Routing.SlotExtractor.Extract("Hi, we want a party for 12 adults in 30305. Can you do it?", new DateOnly(2026, 12, 1)));
        Assert.Equal("price or availability inquiry", insight.Intent);
        Assert.Contains("12 adults", insight.Summary, StringComparison.Ordinal);
        Assert.Contains("ZIP 30305", insight.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_streamed_wav_gets_its_real_lengths_and_audio_is_recognised_by_its_bytes()
    {
        var wav = new byte[60];
        "RIFF"u8.CopyTo(wav);
        BitConverter.GetBytes(int.MaxValue).CopyTo(wav, 4);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BitConverter.GetBytes(16).CopyTo(wav, 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BitConverter.GetBytes(int.MaxValue).CopyTo(wav, 40);
        var fixedUp = SpeechSynthesizer.WithLengths(wav);
        Assert.Equal(52, BitConverter.ToInt32(fixedUp, 4));
        Assert.Equal(16, BitConverter.ToInt32(fixedUp, 40));
        Assert.True(CallLog.LooksLikeAudio(fixedUp));
        Assert.True(CallLog.LooksLikeAudio("ID3\u0004"u8));
        Assert.False(CallLog.LooksLikeAudio("<script>alert(1)</script>"u8));
    }

    [Fact]
    public void Wire_names_read_both_the_json_name_and_the_member_name()
    {
        Assert.True(WireNames.TryParse<ChatChannel>("facebook_comment", out var a) && a == ChatChannel.FacebookComment);
        Assert.True(WireNames.TryParse<ChatChannel>("WhatsApp", out var b) && b == ChatChannel.WhatsApp);
        Assert.False(WireNames.TryParse<ChatChannel>("fax", out _));
        Assert.Equal("instagram_comment", WireNames.Of(ChatChannel.InstagramComment));
    }
}
