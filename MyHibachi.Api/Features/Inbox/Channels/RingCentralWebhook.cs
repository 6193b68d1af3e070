using System.Globalization;
using System.Text.Json;
using static MyHibachi.Api.Features.Inbox.Channels.ProviderJson;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Channels;

namespace MyHibachi.Api.Features.Inbox.Channels;

/// <summary>One party's state in a RingCentral telephony session event.</summary>
public sealed record TelephonyEvent(
    string SessionId, CallDirection Direction, string From, string? FromName, string To, string StatusCode, string? Reason, bool MissedCall,
    string? RecordingId, DateTimeOffset At);

/// <summary>
/// RingCentral's webhook: the subscription's <c>Validation-Token</c> handshake is echoed; every request
/// is authenticated before its body is parsed, by the <c>Verification-Token</c> RingCentral sends (the
/// subscription's verificationToken, our webhook secret) or an <c>X-RC-Signature</c> HMAC-SHA256 of the
/// body with the same secret; then inbound SMS become inbox messages and telephony sessions become calls.
/// </summary>
public sealed class RingCentralWebhook(InboxIngest ingest, CallLog calls, IOptions<ChannelOptions> options, TimeProvider clock, ILogger<RingCentralWebhook> logger)
{
    public async Task<IResult> ReceiveAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var validation = request.Headers["Validation-Token"].ToString();
        if (validation.Length is > 0 and <= 512)
        {
            http.Response.Headers["Validation-Token"] = validation;
        }

        var secret = options.Value.RingCentral.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return new Failure(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ChannelNotConfigured, "RingCentral webhooks are not set up here.",
                "Set Channels:RingCentral:WebhookSecret (RC_WEBHOOK_SECRET) and use it as the subscription's verificationToken.").ToResult();
        }

        var body = await WebhookBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return new Failure(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The webhook body is too large.").ToResult();
        }

        var verified = WebhookBody.SecretEquals(request.Headers["Verification-Token"].ToString(), secret)
            || WebhookBody.HmacMatches(request.Headers["X-RC-Signature"].ToString(), secret, body);
        if (!verified)
        {
            logger.LogWarning("Refused a RingCentral webhook without a valid Verification-Token or X-RC-Signature.");
            return new Failure(StatusCodes.Status401Unauthorized, ProblemCodes.ChannelSignatureInvalid, "The RingCentral webhook is not authenticated.",
                "Send the subscription's Verification-Token (or an X-RC-Signature HMAC-SHA256 of the body) made with the webhook secret.").ToResult();
        }

        if (body.Length == 0)
        {
            // The handshake RingCentral makes when a subscription is created: answered with its token echoed.
            return Results.Ok();
        }

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return Failure.Invalid("body", "A signed body that is not JSON.").ToResult();
        }

        if (root.ValueKind != JsonValueKind.Object || Str(root, "event") is not { } eventFilter || !root.TryGetProperty("body", out var payload)
            || payload.ValueKind != JsonValueKind.Object)
        {
            return Failure.Invalid("body", "A RingCentral notification has an event and a body.").ToResult();
        }

        if (eventFilter.Contains("/message-store/instant", StringComparison.Ordinal))
        {
            if (ParseSms(payload) is { } sms)
            {
                var outcome = await ingest.ReceiveAsync(sms, cancellationToken);
                return Results.Ok(new { received = outcome.ToString().ToLowerInvariant() });
            }

            return Results.Ok(new { received = "ignored" });
        }

        if (eventFilter.Contains("/telephony/sessions", StringComparison.Ordinal))
        {
            if (ParseTelephony(payload, clock.GetUtcNow()) is { } call)
            {
                await calls.OnTelephonyAsync(call, cancellationToken);
                return Results.Ok(new { received = "call" });
            }

            return Results.Ok(new { received = "ignored" });
        }

        return Results.Ok(new { received = "ignored" });
    }

    /// <summary>An inbound SMS: the text is in <c>subject</c>, the sender in <c>from.phoneNumber</c>, our number in <c>to[0]</c>.</summary>
    public static InboundItem? ParseSms(JsonElement body)
    {
        if (Str(body, "type") != "SMS" || Str(body, "direction") != "Inbound" || Str(body, "id") is not { } id
            || !body.TryGetProperty("from", out var from) || Str(from, "phoneNumber") is not { } phone)
        {
            return null;
        }

        var to = body.TryGetProperty("to", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? Str(list[0], "phoneNumber") : null;
        var text = Str(body, "subject") ?? "";
        var sent = Str(body, "creationTime") is { } created && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : DateTimeOffset.UtcNow;
        return new InboundItem(ConversationChannel.Sms, phone, phone, to, Str(from, "name"), text.Length == 0 ? "(empty message)" : text, "rc-sms:" + id, sent);
    }

    /// <summary>The first party of a telephony session event (our extension's side of the call).</summary>
    public static TelephonyEvent? ParseTelephony(JsonElement body, DateTimeOffset now)
    {
        var session = Str(body, "telephonySessionId") ?? Str(body, "sessionId");
        if (session is null || !body.TryGetProperty("parties", out var parties) || parties.ValueKind != JsonValueKind.Array || parties.GetArrayLength() == 0)
        {
            return null;
        }

        var party = parties[0];
        var direction = Str(party, "direction") == "Outbound" ? CallDirection.Outbound : CallDirection.Inbound;
        var from = party.TryGetProperty("from", out var f) ? f : default;
        var to = party.TryGetProperty("to", out var t) ? t : default;
        var status = party.TryGetProperty("status", out var s) ? s : default;
        var recording = party.TryGetProperty("recordings", out var r) && r.ValueKind == JsonValueKind.Array && r.GetArrayLength() > 0 ? Str(r[0], "id") : null;
        var at = Str(body, "eventTime") is { } time && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : now;
        var fromNumber = from.ValueKind == JsonValueKind.Object ? Str(from, "phoneNumber") : null;
        var toNumber = to.ValueKind == JsonValueKind.Object ? Str(to, "phoneNumber") : null;
        if (fromNumber is null || toNumber is null || status.ValueKind != JsonValueKind.Object || Str(status, "code") is not { } code)
        {
            return null;
        }

        var missed = party.TryGetProperty("missedCall", out var m) && m.ValueKind == JsonValueKind.True;
        return new TelephonyEvent(session, direction, fromNumber, Str(from, "name"), toNumber, code, Str(status, "reason"), missed, recording, at);
    }
}
