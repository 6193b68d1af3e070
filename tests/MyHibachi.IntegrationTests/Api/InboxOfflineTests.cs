using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Api;

/// <summary>The inbox with no provider credentials (the developer's first run): channels say so, replies wait visibly, recorded payloads replay.</summary>
public sealed class InboxOfflineTests(ApiAppHost host) : ApiTest(host)
{
    [Fact]
    public async Task Without_credentials_channels_say_not_configured_and_a_replayed_sms_gets_a_reply_that_waits_in_the_queue()
    {
        await Api.CreateStationAsync();
        var channels = (await Api.GetAsync<IReadOnlyList<ChannelStatusDto>>("/api/v1/inbox/channels")).Ok();
        Assert.False(channels.Single(c => c.Channel == ChatChannel.Sms).Configured);
        Assert.Contains("Not configured", channels.Single(c => c.Channel == ChatChannel.WhatsApp).Detail, StringComparison.Ordinal);
        Assert.True(channels.Single(c => c.Channel == ChatChannel.Email).Configured);

        // Webhooks refuse plainly rather than accept what they cannot check.
        using var anonymous = Host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.PostAsync<string>("/api/v1/webhooks/ringcentral", "{}")).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync<string>("/api/v1/webhooks/meta?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")).Status);

        (await Api.PostAsync<InboxReplayResult>("/api/v1/inbox/replay", new InboxReplayRequest("fax", null))).InvalidField("provider");
        var replay = (await Api.PostAsync<InboxReplayResult>("/api/v1/inbox/replay", new InboxReplayRequest("ringcentral-sms", null))).Ok();
        Assert.Equal("Stored", replay.Detail);

        var list = await EventuallyAsync(async () => (await Api.GetAsync<PagedList<InboxConversationSummary>>("/api/v1/inbox/conversations?channel=sms")).Ok(),
            l => l.Items.Count == 1 && l.Items[0].Unsent == 1);
        // The Workers try to send it and say why it waits.
        var thread = await EventuallyAsync(async () => (await Api.GetAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{list.Items[0].Id}")).Ok(),
            t => t.Messages.Any(m => m.Author == "assistant" && m.DeliveryError is not null), what: "the reply's reason for waiting");
        Assert.False(thread.ChannelConfigured);
        var waiting = thread.Messages.Single(m => m.Author == "assistant");
        Assert.Equal(DeliveryStatus.Queued, waiting.Delivery);
        Assert.Contains("SMS is not configured", waiting.DeliveryError, StringComparison.Ordinal);
        Assert.Equal(1, (await Api.GetAsync<IReadOnlyList<ChannelStatusDto>>("/api/v1/inbox/channels")).Ok().Single(c => c.Channel == ChatChannel.Sms).Queued);

        // Each replay is a new message (fresh ids), in the same contact's thread.
        (await Api.PostAsync<InboxReplayResult>("/api/v1/inbox/replay", new InboxReplayRequest("ringcentral-sms", null))).Ok();
        (await Api.PostAsync<InboxReplayResult>("/api/v1/inbox/replay", new InboxReplayRequest("whatsapp", null))).Ok();
        var all = (await Api.GetAsync<PagedList<InboxConversationSummary>>("/api/v1/inbox/conversations")).Ok();
        Assert.Equal(2, all.TotalCount);
        Assert.Equal(2, (await Api.GetAsync<InboxConversationDto>($"/api/v1/inbox/conversations/{list.Items[0].Id}")).Ok().Messages.Count(m => m.Author == "customer"));

        // Customers and anonymous callers never reach the inbox.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync<string>("/api/v1/inbox/conversations")).Status);
    }
}
