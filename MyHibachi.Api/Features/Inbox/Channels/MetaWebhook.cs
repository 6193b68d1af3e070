using System.Globalization;
using System.Text.Json;
using static MyHibachi.Api.Features.Inbox.Channels.ProviderJson;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Channels;

namespace MyHibachi.Api.Features.Inbox.Channels;

/// <summary>"Everything the customer has sent before this instant was read" (Messenger and Instagram send read watermarks, not ids).</summary>
public sealed record ReadWatermark(ConversationChannel Channel, string ThreadKey, DateTimeOffset Until);

/// <summary>What one Meta webhook body holds, in the inbox's terms.</summary>
public sealed record MetaBatch(IReadOnlyList<InboundItem> Messages, IReadOnlyList<DeliveryUpdate> Receipts, IReadOnlyList<ReadWatermark> Reads);

/// <summary>
/// Meta's webhook for WhatsApp Cloud API, Messenger, Instagram messaging and page/post comments. The
/// subscription is verified with hub.mode/hub.verify_token/hub.challenge; every POST must carry
/// X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the app secret), checked before parsing.
/// </summary>
public sealed class MetaWebhook(InboxIngest ingest, IOptions<ChannelOptions> options, ILogger<MetaWebhook> logger)
{
    public IResult Verify(HttpRequest request)
    {
        var meta = options.Value.Meta;
        if (string.IsNullOrWhiteSpace(meta.VerifyToken))
        {
            return new Failure(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ChannelNotConfigured, "Meta webhooks are not set up here.",
                "Set Channels:Meta:VerifyToken and Channels:Meta:AppSecret.").ToResult();
        }

        var query = request.Query;
        var challenge = query["hub.challenge"].ToString();
        if (query["hub.mode"] != "subscribe" || !WebhookBody.SecretEquals(query["hub.verify_token"].ToString(), meta.VerifyToken) || challenge.Length is 0 or > 200)
        {
            return new Failure(StatusCodes.Status403Forbidden, ProblemCodes.ChannelVerifyFailed, "The verify token does not match.").ToResult();
        }

        return Results.Text(challenge, "text/plain");
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var meta = options.Value.Meta;
        if (string.IsNullOrWhiteSpace(meta.AppSecret))
        {
            return new Failure(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ChannelNotConfigured, "Meta webhooks are not set up here.",
                "Set Channels:Meta:AppSecret to the app's secret.").ToResult();
        }

        var body = await WebhookBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return new Failure(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The webhook body is too large.").ToResult();
        }

        if (!WebhookBody.HmacMatches(request.Headers["X-Hub-Signature-256"].ToString(), meta.AppSecret, body)
            || !request.Headers["X-Hub-Signature-256"].ToString().StartsWith("sha256=", StringComparison.Ordinal))
        {
            logger.LogWarning("Refused a Meta webhook with a missing or wrong X-Hub-Signature-256.");
            return new Failure(StatusCodes.Status401Unauthorized, ProblemCodes.ChannelSignatureInvalid, "The X-Hub-Signature-256 does not match.",
                "Meta signs the raw body with the app secret: sha256=<hex HMAC-SHA256>.").ToResult();
        }

        MetaBatch batch;
        try
        {
            batch = Parse(JsonDocument.Parse(body).RootElement, meta);
        }
        catch (JsonException)
        {
            return Failure.Invalid("body", "A signed body that is not JSON.").ToResult();
        }

        var stored = 0;
        foreach (var item in batch.Messages)
        {
            if (await ingest.ReceiveAsync(item, cancellationToken) == IngestOutcome.Stored)
            {
                stored++;
            }
        }

        var receipts = await ingest.UpdateDeliveryAsync(batch.Receipts, cancellationToken);
        foreach (var read in batch.Reads)
        {
            receipts += await ingest.MarkReadAsync(read, cancellationToken);
        }

        // Meta wants a 200 quickly; anything else is delivered again for a day.
        return Results.Ok(new { received = batch.Messages.Count, stored, receipts });
    }

    public static MetaBatch Parse(JsonElement root, MetaOptions meta)
    {
        var messages = new List<InboundItem>();
        var receipts = new List<DeliveryUpdate>();
        var reads = new List<ReadWatermark>();
        var kind = Str(root, "object");
        foreach (var entry in Items(root, "entry"))
        {
            foreach (var change in Items(entry, "changes"))
            {
                var field = Str(change, "field");
                if (!change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                switch (kind, field)
                {
                    case ("whatsapp_business_account", "messages"):
                        WhatsApp(value, messages, receipts);
                        break;
                    case ("page", "feed") when Str(value, "item") == "comment" && Str(value, "verb") == "add":
                        PageComment(value, meta, messages);
                        break;
                    case ("instagram", "comments"):
                        InstagramComment(value, meta, messages);
                        break;
                }
            }

            if (kind is "page" or "instagram")
            {
                var channel = kind == "page" ? ConversationChannel.Messenger : ConversationChannel.Instagram;
                var prefix = kind == "page" ? "fb:" : "ig:";
                foreach (var messaging in Items(entry, "messaging"))
                {
                    Messaging(messaging, channel, prefix, messages, receipts, reads);
                }
            }
        }

        return new MetaBatch(messages, receipts, reads);
    }

    private static void WhatsApp(JsonElement value, List<InboundItem> messages, List<DeliveryUpdate> receipts)
    {
        var account = value.TryGetProperty("metadata", out var metadata) ? Str(metadata, "phone_number_id") : null;
        var names = Items(value, "contacts").Where(c => Str(c, "wa_id") is not null)
            .ToDictionary(c => Str(c, "wa_id")!, c => c.TryGetProperty("profile", out var p) ? Str(p, "name") : null);
        foreach (var message in Items(value, "messages"))
        {
            if (Str(message, "id") is not { } id || Str(message, "from") is not { } from)
            {
                continue;
            }

            var type = Str(message, "type") ?? "unknown";
            var text = type switch
            {
                "text" when message.TryGetProperty("text", out var t) => Str(t, "body"),
                "button" when message.TryGetProperty("button", out var b) => Str(b, "text"),
                "interactive" => "(chose an option)",
                _ => $"(sent a {type} message)",
            };
            messages.Add(new InboundItem(ConversationChannel.WhatsApp, from, from, account, names.GetValueOrDefault(from), text ?? "(empty message)", "wa:" + id,
                UnixSeconds(Str(message, "timestamp"))));
        }

        foreach (var status in Items(value, "statuses"))
        {
            if (Str(status, "id") is not { } id)
            {
                continue;
            }

            var state = Str(status, "status") switch
            {
                "sent" => DeliveryState.Sent,
                "delivered" => DeliveryState.Delivered,
                "read" => DeliveryState.Read,
                "failed" => DeliveryState.Failed,
                _ => (DeliveryState?)null,
            };
            if (state is null)
            {
                continue;
            }

            var error = Items(status, "errors").FirstOrDefault();
            int? code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            var detail = error.ValueKind == JsonValueKind.Object
                ? (error.TryGetProperty("error_data", out var data) ? Str(data, "details") : null) ?? Str(error, "message") ?? Str(error, "title")
                : null;
            receipts.Add(new DeliveryUpdate("wa:" + id, state.Value, detail is null ? null : $"{detail} ({code})", code));
        }
    }

    private static void Messaging(
        JsonElement messaging, ConversationChannel channel, string prefix, List<InboundItem> messages, List<DeliveryUpdate> receipts, List<ReadWatermark> reads)
    {
        var sender = messaging.TryGetProperty("sender", out var s) ? Str(s, "id") : null;
        var recipient = messaging.TryGetProperty("recipient", out var r) ? Str(r, "id") : null;
        if (sender is null)
        {
            return;
        }

        if (messaging.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            if (message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True || Str(message, "mid") is not { } mid)
            {
                return; // our own message coming back
            }

            var text = Str(message, "text") ?? (message.TryGetProperty("attachments", out _) ? "(sent an attachment)" : "(empty message)");
            messages.Add(new InboundItem(channel, sender, sender, recipient, null, text, prefix + mid, UnixMilliseconds(messaging)));
        }
        else if (messaging.TryGetProperty("delivery", out var delivery))
        {
            foreach (var mid in Items(delivery, "mids").Select(m => m.GetString()).OfType<string>())
            {
                receipts.Add(new DeliveryUpdate(prefix + mid, DeliveryState.Delivered, null));
            }
        }
        else if ((messaging.TryGetProperty("read", out var read) || messaging.TryGetProperty("messaging_seen", out read))
                 && read.TryGetProperty("watermark", out var watermark) && watermark.TryGetInt64(out var ms))
        {
            reads.Add(new ReadWatermark(channel, sender, DateTimeOffset.FromUnixTimeMilliseconds(ms)));
        }
    }

    private static void PageComment(JsonElement value, MetaOptions meta, List<InboundItem> messages)
    {
        var from = value.TryGetProperty("from", out var f) ? f : default;
        var fromId = from.ValueKind == JsonValueKind.Object ? Str(from, "id") : null;
        if (Str(value, "comment_id") is not { } id || fromId is null || fromId == meta.PageId)
        {
            return;
        }

        // A reply to a comment joins its thread; a comment on the post starts one.
        var parent = Str(value, "parent_id");
        var thread = parent is not null && parent != Str(value, "post_id") ? parent : id;
        messages.Add(new InboundItem(ConversationChannel.FacebookComment, thread, fromId, Str(value, "post_id"), Str(from, "name"),
            Str(value, "message") ?? "(empty comment)", "fbc:" + id, UnixSeconds(Str(value, "created_time"))) { IsComment = true });
    }

    private static void InstagramComment(JsonElement value, MetaOptions meta, List<InboundItem> messages)
    {
        var from = value.TryGetProperty("from", out var f) ? f : default;
        var fromId = from.ValueKind == JsonValueKind.Object ? Str(from, "id") : null;
        if (Str(value, "id") is not { } id || fromId is null || fromId == meta.InstagramAccountId)
        {
            return;
        }

        var media = value.TryGetProperty("media", out var m) ? Str(m, "id") : null;
        messages.Add(new InboundItem(ConversationChannel.InstagramComment, Str(value, "parent_id") ?? id, fromId, media,
            from.ValueKind == JsonValueKind.Object ? Str(from, "username") : null, Str(value, "text") ?? "(empty comment)", "igc:" + id, DateTimeOffset.UtcNow)
        { IsComment = true });
    }

    private static DateTimeOffset UnixSeconds(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;

    private static DateTimeOffset UnixMilliseconds(JsonElement messaging) =>
        messaging.TryGetProperty("timestamp", out var t) && t.TryGetInt64(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.UtcNow;
}
