using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Features.Inbox.Channels;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Channels;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>
/// Development only: a recorded provider payload (one of the samples below, or one pasted in) goes
/// through the same parser and ingest as the real webhook, with fresh ids so each replay is a new
/// message. The signature check is the one step skipped: the caller is signed-in staff.
/// </summary>
public sealed class InboxReplay(InboxIngest ingest, CallLog calls, IOptions<ChannelOptions> options, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Samples = new Dictionary<string, string>
    {
        ["ringcentral-sms"] = """
            {"uuid":"{uuid}","event":"/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS","subscriptionId":"replay",
             "timestamp":"{now}","body":{"id":"{id}","to":[{"phoneNumber":"+14045550100"}],"from":{"phoneNumber":"+14045550199","name":"Sam Replay"},
             "type":"SMS","creationTime":"{now}","direction":"Inbound","subject":"Hi! How much for 12 people on a Saturday in 30303?","messageStatus":"Received",
             "conversationId":"1"}}
            """,
        ["ringcentral-missed-call"] = """
            {"uuid":"{uuid}","event":"/restapi/v1.0/account/~/telephony/sessions","body":{"telephonySessionId":"s-{id}","sessionId":"{id}","eventTime":"{now}",
             "parties":[{"id":"p-1","direction":"Inbound","from":{"phoneNumber":"+14045550199","name":"Sam Replay"},"to":{"phoneNumber":"+14045550100"},
             "status":{"code":"Disconnected","reason":"NoAnswer"},"missedCall":true}]}}
            """,
        ["whatsapp"] = """
            {"object":"whatsapp_business_account","entry":[{"id":"waba","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
             "metadata":{"display_phone_number":"14045550100","phone_number_id":"replay-phone"},"contacts":[{"profile":{"name":"Wren Replay"},"wa_id":"14045550198"}],
             "messages":[{"from":"14045550198","id":"wamid.{id}","timestamp":"{unix}","type":"text","text":{"body":"Do you have a chef free on New Year's Eve?"}}]}}]}]}
            """,
        ["messenger"] = """
            {"object":"page","entry":[{"id":"replay-page","time":{unixms},"messaging":[{"sender":{"id":"psid-replay"},"recipient":{"id":"replay-page"},
             "timestamp":{unixms},"message":{"mid":"m_{id}","text":"What is on the kids menu?"}}]}]}
            """,
        ["instagram-comment"] = """
            {"object":"instagram","entry":[{"id":"replay-ig","time":{unixms},"changes":[{"field":"comments","value":{"id":"{id}",
             "from":{"id":"igsid-replay","username":"hungry.replay"},"text":"Do you travel to Marietta?","media":{"id":"media-1","media_product_type":"FEED"}}}]}]}
            """,
        ["facebook-comment"] = """
            {"object":"page","entry":[{"id":"replay-page","time":{unixms},"changes":[{"field":"feed","value":{"item":"comment","verb":"add",
             "comment_id":"post1_{id}","post_id":"page_post1","message":"Is the deposit refundable?","from":{"id":"fan-replay","name":"Pat Replay"},
             "created_time":{unix}}}]}]}
            """,
    };

    public async Task<Result<InboxReplayResult>> ReplayAsync(InboxReplayRequest request, CancellationToken cancellationToken)
    {
        var provider = request.Provider?.Trim().ToLowerInvariant();
        if (provider is null || !Samples.TryGetValue(provider, out var sample))
        {
            return Failure.Invalid("provider", "One of: " + string.Join(", ", Samples.Keys) + ".");
        }

        var now = clock.GetUtcNow();
        var raw = string.IsNullOrWhiteSpace(request.Payload) ? sample : request.Payload;
        var text = raw.Replace("{uuid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{id}", now.ToUnixTimeMilliseconds() + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{now}", now.ToString("O"), StringComparison.Ordinal)
            .Replace("{unixms}", now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{unix}", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return Failure.Invalid("payload", "Not JSON.");
        }

        if (provider.StartsWith("ringcentral", StringComparison.Ordinal))
        {
            if (!root.TryGetProperty("body", out var body))
            {
                return Failure.Invalid("payload", "A RingCentral notification has a body.");
            }

            if (RingCentralWebhook.ParseSms(body) is { } sms)
            {
                return new InboxReplayResult(provider, 200, (await ingest.ReceiveAsync(sms, cancellationToken)).ToString());
            }

            if (RingCentralWebhook.ParseTelephony(body, now) is { } call)
            {
                await calls.OnTelephonyAsync(call, cancellationToken);
                return new InboxReplayResult(provider, 200, "call " + call.StatusCode);
            }

            return Failure.Invalid("payload", "Neither an inbound SMS nor a telephony session.");
        }

        var batch = MetaWebhook.Parse(root, options.Value.Meta);
        var stored = 0;
        foreach (var item in batch.Messages)
        {
            stored += await ingest.ReceiveAsync(item, cancellationToken) == IngestOutcome.Stored ? 1 : 0;
        }

        return new InboxReplayResult(provider, 200, $"{stored} message(s) stored");
    }
}
