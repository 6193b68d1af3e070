using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MyHibachi.TestSupport;

/// <summary>
/// A stand-in for Stripe on 127.0.0.1 that speaks Stripe's documented wire format: form-encoded
/// requests with bracketed keys, JSON objects with their "object" names, list envelopes, error
/// envelopes (402 card errors with the PaymentIntent they left), idempotency keys that replay the
/// first answer, a hosted Checkout page, and webhooks signed as Stripe signs them
/// (Stripe-Signature: t=…,v1=HMAC-SHA256 of "t.payload"). Tests steer it: decline cards, stop
/// delivering webhooks, replay or reorder events.
/// </summary>
public sealed class LocalStripeServer : IAsyncDisposable
{
    public const string ApiVersion = "2026-10-28.endive";

    /// <summary>Cards the hosted page and off-session charges understand (Stripe's test numbers).</summary>
    public const string CardSucceeds = "4242424242424242";
    public const string CardDeclines = "4000000000000002";

    /// <summary>Saved payment methods for off-session charges: succeeds, needs the customer, or declines.</summary>
    public const string MethodSucceeds = "pm_card_visa";
    public const string MethodNeedsAuthentication = "pm_card_authenticationRequired";
    public const string MethodDeclines = "pm_card_chargeDeclined";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _idempotent = new(StringComparer.Ordinal);
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<Task> _deliveries = [];
    private LocalProviderServer _server = null!;
    private long _sequence;

    private LocalStripeServer(string webhookSecret) => WebhookSecret = webhookSecret;

    public Uri Address => _server.Address;

    public string SecretKey { get; } = "sk_test_local_" + Guid.NewGuid().ToString("N");

    public string WebhookSecret { get; }

    /// <summary>Where signed events are posted (the Api's /api/v1/stripe/webhook); nothing is sent while null.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>False drops every event on the floor (a lost webhook), though it is still kept in <see cref="Events"/>.</summary>
    public bool DeliverWebhooks { get; set; } = true;

    /// <summary>The payment method a completed Checkout saves for later (off-session) use.</summary>
    public string SavedMethod { get; set; } = MethodSucceeds;

    /// <summary>Every event made, in order, as the JSON sent.</summary>
    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>Every API request received (method, path, headers, form body).</summary>
    public ConcurrentQueue<ReceivedRequest> Requests => _server.Requests;

    /// <summary>Webhook answers: event id, the status the Api answered.</summary>
    public ConcurrentQueue<(string EventId, HttpStatusCode Status)> Deliveries { get; } = new();

    public static async Task<LocalStripeServer> StartAsync()
    {
        var stripe = new LocalStripeServer("whsec_local_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        stripe._server = await LocalProviderServer.StartAsync(stripe.Map);
        return stripe;
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/customers", context => Api(context, form => CreateCustomer(form)));
        app.MapPost("/v1/checkout/sessions", context => Api(context, form => CreateSession(form)));
        app.MapGet("/v1/checkout/sessions/{id}", context => Api(context, _ => Find(context.GetRouteValue("id") as string, "checkout.session")));
        app.MapPost("/v1/checkout/sessions/{id}/expire", context => Api(context, _ => Expire((string)context.GetRouteValue("id")!)));
        app.MapPost("/v1/payment_intents", context => Api(context, form => CreatePaymentIntent(form)));
        app.MapGet("/v1/payment_intents/{id}", context => Api(context, _ => Find(context.GetRouteValue("id") as string, "payment_intent")));
        app.MapPost("/v1/payment_intents/{id}/cancel", context => Api(context, _ => CancelPaymentIntent((string)context.GetRouteValue("id")!)));
        app.MapPost("/v1/refunds", context => Api(context, form => CreateRefund(form)));
        app.MapGet("/v1/payment_methods/{id}", context => Api(context, _ => PaymentMethodObject((string)context.GetRouteValue("id")!)));
        app.MapGet("/v1/refunds/{id}", context => Api(context, _ => Find(context.GetRouteValue("id") as string, "refund")));
        app.MapGet("/v1/refunds", context => Api(context, _ => ListRefunds(context.Request.Query["charge"].ToString())));
        app.MapGet("/pay/{id}", HostedPage);
        app.MapPost("/pay/{id}", HostedPay);
    }

    // ----- The API envelope: authentication, idempotency, errors -----

    private sealed class StripeError(int status, string type, string message, string? code = null, string? declineCode = null, JsonObject? paymentIntent = null)
        : Exception(message)
    {
        public int Status { get; } = status;

        public JsonObject Body => new()
        {
            ["error"] = new JsonObject
            {
                ["type"] = type,
                ["code"] = code,
                ["decline_code"] = declineCode,
                ["message"] = Message,
                ["payment_intent"] = paymentIntent?.DeepClone(),
            },
        };
    }

    private async Task Api(HttpContext context, Func<IFormCollection, JsonObject> handle)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
        {
            await Write(context, 401, new StripeError(401, "invalid_request_error", "Invalid API Key provided.").Body.ToJsonString());
            return;
        }

        var key = context.Request.Method == "POST" ? context.Request.Headers["Idempotency-Key"].ToString() : "";
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : FormCollection.Empty;
        int status;
        string body;
        lock (_gate)
        {
            // The same key on the same endpoint gets the first answer again (Stripe keeps keys for 24 hours).
            if (key.Length > 0 && _idempotent.TryGetValue($"{context.Request.Path}|{key}", out var replay))
            {
                context.Response.Headers["Idempotent-Replayed"] = "true";
                (status, body) = replay;
            }
            else
            {
                try
                {
                    (status, body) = (200, handle(form).ToJsonString());
                }
                catch (StripeError error)
                {
                    (status, body) = (error.Status, error.Body.ToJsonString());
                }

                if (key.Length > 0)
                {
                    _idempotent[$"{context.Request.Path}|{key}"] = (status, body);
                }
            }
        }

        await Write(context, status, body);
    }

    private static async Task Write(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = "req_" + Guid.NewGuid().ToString("N")[..14];
        await context.Response.WriteAsync(body);
    }

    private JsonObject Find(string? id, string kind)
    {
        if (id is not null && _objects.TryGetValue(id, out var found) && (string?)found["object"] == kind)
        {
            return (JsonObject)found.DeepClone();
        }

        throw new StripeError(404, "invalid_request_error", $"No such {kind}: '{id}'", "resource_missing");
    }

    private string NewId(string prefix) => $"{prefix}_{Interlocked.Increment(ref _sequence):D6}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static JsonObject Metadata(IFormCollection form, string prefix)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal) && f.Key.EndsWith(']')))
        {
            metadata[key[(prefix.Length + 1)..^1]] = value.ToString();
        }

        return metadata;
    }

    private static long Long(IFormCollection form, string key) =>
        long.TryParse(form[key].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StripeError(400, "invalid_request_error", $"Missing required param: {key}.", "parameter_missing");

    // ----- Objects -----

    private JsonObject CreateCustomer(IFormCollection form)
    {
        var customer = new JsonObject
        {
            ["id"] = NewId("cus"),
            ["object"] = "customer",
            ["created"] = Now,
            ["email"] = form["email"].ToString(),
            ["name"] = form["name"].ToString(),
            ["livemode"] = false,
            ["metadata"] = Metadata(form, "metadata"),
        };
        _objects[(string)customer["id"]!] = customer;
        Emit("customer.created", customer);
        return (JsonObject)customer.DeepClone();
    }

    private JsonObject CreateSession(IFormCollection form)
    {
        var amount = Long(form, "line_items[0][price_data][unit_amount]") * Math.Max(1, Long(form, "line_items[0][quantity]"));
        var id = "cs_test_" + NewId("a")[2..];
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = amount,
            ["amount_total"] = amount,
            ["client_reference_id"] = form["client_reference_id"].ToString(),
            ["created"] = Now,
            ["currency"] = form["line_items[0][price_data][currency]"].ToString(),
            ["customer"] = form["customer"].ToString(),
            ["expires_at"] = long.TryParse(form["expires_at"], out var expires) ? expires : Now + 86_400,
            ["livemode"] = false,
            ["metadata"] = Metadata(form, "metadata"),
            ["mode"] = form["mode"].ToString(),
            ["payment_intent"] = null,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = form["success_url"].ToString(),
            ["cancel_url"] = form["cancel_url"].ToString(),
            ["url"] = new Uri(Address, $"/pay/{id}").ToString(),
            // Kept for the payment: what the PaymentIntent will carry.
            ["__intent_metadata"] = Metadata(form, "payment_intent_data[metadata]"),
            ["__setup_future_usage"] = form["payment_intent_data[setup_future_usage]"].ToString(),
        };
        _objects[id] = session;
        return Public(session);
    }

    private static JsonObject Public(JsonObject stored)
    {
        var copy = (JsonObject)stored.DeepClone();
        foreach (var hidden in copy.Select(p => p.Key).Where(k => k.StartsWith("__", StringComparison.Ordinal)).ToList())
        {
            copy.Remove(hidden);
        }

        return copy;
    }

    private JsonObject Expire(string id)
    {
        var session = _objects.TryGetValue(id, out var found) ? found : throw new StripeError(404, "invalid_request_error", $"No such checkout.session: '{id}'", "resource_missing");
        if ((string?)session["status"] != "open")
        {
            throw new StripeError(400, "invalid_request_error", "Only Checkout Sessions with a status of `open` can be expired.");
        }

        session["status"] = "expired";
        session["url"] = null;
        Emit("checkout.session.expired", Public(session));
        return Public(session);
    }

    private JsonObject CreatePaymentIntent(IFormCollection form)
    {
        var intent = NewIntent(Long(form, "amount"), form["currency"].ToString(), form["customer"].ToString(), Metadata(form, "metadata"),
            form["setup_future_usage"].ToString());
        var method = form["payment_method"].ToString();
        if (form["confirm"] == "true" && method.Length > 0)
        {
            intent["payment_method"] = method;
            if (method == MethodNeedsAuthentication || method == MethodDeclines)
            {
                var code = method == MethodNeedsAuthentication ? "authentication_required" : "card_declined";
                var message = method == MethodNeedsAuthentication
                    ? "This payment required an authentication action to complete, but `off_session` was set to true."
                    : "Your card was declined.";
                intent["last_payment_error"] = new JsonObject
                {
                    ["type"] = "card_error",
                    ["code"] = code,
                    ["decline_code"] = method == MethodDeclines ? "generic_decline" : null,
                    ["message"] = message,
                };
                Emit("payment_intent.payment_failed", intent);
                throw new StripeError(402, "card_error", message, code, method == MethodDeclines ? "generic_decline" : null, intent);
            }

            Succeed(intent, method);
        }

        return (JsonObject)intent.DeepClone();
    }

    private JsonObject NewIntent(long amount, string currency, string customer, JsonObject metadata, string setupFutureUsage)
    {
        var id = NewId("pi");
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = 0L,
            ["capture_method"] = "automatic",
            ["client_secret"] = $"{id}_secret_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}",
            ["created"] = Now,
            ["currency"] = currency.Length == 0 ? "usd" : currency,
            ["customer"] = customer.Length == 0 ? null : customer,
            ["latest_charge"] = null,
            ["last_payment_error"] = null,
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["payment_method"] = null,
            ["setup_future_usage"] = setupFutureUsage.Length == 0 ? null : setupFutureUsage,
            ["status"] = "requires_payment_method",
        };
        _objects[id] = intent;
        return intent;
    }

    /// <summary>The PaymentIntent succeeds: a charge is made and payment_intent.succeeded is sent.</summary>
    private void Succeed(JsonObject intent, string method)
    {
        var charge = new JsonObject
        {
            ["id"] = NewId("ch"),
            ["object"] = "charge",
            ["amount"] = (long)intent["amount"]!,
            ["amount_captured"] = (long)intent["amount"]!,
            ["amount_refunded"] = 0L,
            ["captured"] = true,
            ["created"] = Now,
            ["currency"] = (string?)intent["currency"],
            ["customer"] = intent["customer"]?.DeepClone(),
            ["livemode"] = false,
            ["metadata"] = intent["metadata"]!.DeepClone(),
            ["paid"] = true,
            ["payment_intent"] = (string)intent["id"]!,
            ["payment_method"] = method,
            ["refunded"] = false,
            ["status"] = "succeeded",
        };
        _objects[(string)charge["id"]!] = charge;
        intent["status"] = "succeeded";
        intent["amount_received"] = (long)intent["amount"]!;
        intent["latest_charge"] = (string)charge["id"]!;
        intent["payment_method"] = method;
        intent["last_payment_error"] = null;
        Emit("payment_intent.succeeded", intent);
    }

    /// <summary>
    /// A card payment method as Stripe describes it. Every method here is the one card that succeeds
    /// (4242…), so all share its fingerprint, as one card's methods do at Stripe.
    /// </summary>
    private static JsonObject PaymentMethodObject(string id)
    {
        if (!id.StartsWith("pm_card_visa", StringComparison.Ordinal))
        {
            throw new StripeError(404, "invalid_request_error", $"No such PaymentMethod: '{id}'", "resource_missing");
        }

        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_method",
            ["type"] = "card",
            ["created"] = Now,
            ["livemode"] = false,
            ["customer"] = null,
            ["card"] = new JsonObject
            {
                ["brand"] = "visa", ["last4"] = CardSucceeds[^4..], ["exp_month"] = 12, ["exp_year"] = 2034, ["funding"] = "credit", ["country"] = "US",
                ["fingerprint"] = CardFingerprint(CardSucceeds),
            },
        };
    }

    /// <summary>A card number's fingerprint: 16 characters derived from the number alone.</summary>
    public static string CardFingerprint(string number) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(number)))[..16].Replace('+', 'x').Replace('/', 'y');

    private JsonObject CancelPaymentIntent(string id)
    {
        var intent = _objects.TryGetValue(id, out var found) ? found : throw new StripeError(404, "invalid_request_error", $"No such payment_intent: '{id}'", "resource_missing");
        if ((string?)intent["status"] is "succeeded" or "canceled")
        {
            throw new StripeError(400, "invalid_request_error",
                $"You cannot cancel this PaymentIntent because it has a status of {(string?)intent["status"]}.", "payment_intent_unexpected_state", paymentIntent: intent);
        }

        intent["status"] = "canceled";
        Emit("payment_intent.canceled", intent);
        return (JsonObject)intent.DeepClone();
    }

    private JsonObject CreateRefund(IFormCollection form)
    {
        var intentId = form["payment_intent"].ToString();
        var intent = _objects.TryGetValue(intentId, out var found) ? found : throw new StripeError(404, "invalid_request_error", $"No such payment_intent: '{intentId}'", "resource_missing");
        if ((string?)intent["status"] != "succeeded" || intent["latest_charge"] is null)
        {
            throw new StripeError(400, "invalid_request_error", "This PaymentIntent does not have a successful charge to refund.", "charge_not_refundable");
        }

        var charge = _objects[(string)intent["latest_charge"]!];
        var left = (long)charge["amount"]! - (long)charge["amount_refunded"]!;
        var amount = form.ContainsKey("amount") ? Long(form, "amount") : left;
        if (amount <= 0 || amount > left)
        {
            throw new StripeError(400, "invalid_request_error",
                $"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})", "amount_too_large");
        }

        var refund = new JsonObject
        {
            ["id"] = NewId("re"),
            ["object"] = "refund",
            ["amount"] = amount,
            ["charge"] = (string)charge["id"]!,
            ["created"] = Now,
            ["currency"] = (string?)charge["currency"],
            ["metadata"] = Metadata(form, "metadata"),
            ["payment_intent"] = intentId,
            ["reason"] = form["reason"].ToString(),
            ["status"] = "succeeded",
        };
        _objects[(string)refund["id"]!] = refund;
        charge["amount_refunded"] = (long)charge["amount_refunded"]! + amount;
        charge["refunded"] = (long)charge["amount_refunded"]! == (long)charge["amount"]!;
        Emit("charge.refunded", charge);
        return (JsonObject)refund.DeepClone();
    }

    private JsonObject ListRefunds(string chargeId)
    {
        var data = new JsonArray();
        foreach (var refund in _objects.Values.Where(o => (string?)o["object"] == "refund" && (string?)o["charge"] == chargeId)
                     .OrderByDescending(o => (long)o["created"]!))
        {
            data.Add(refund.DeepClone());
        }

        return new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false, ["url"] = "/v1/refunds" };
    }

    // ----- Checkout: the hosted page and paying it -----

    /// <summary>
    /// Pays an open Checkout session as the hosted page would (for API tests); returns the
    /// PaymentIntent id, or throws when the card is declined.
    /// </summary>
    public string Pay(string sessionId, string card = CardSucceeds)
    {
        lock (_gate)
        {
            var session = _objects.TryGetValue(sessionId, out var found) ? found : throw new InvalidOperationException($"No session {sessionId}.");
            if ((string?)session["status"] != "open")
            {
                throw new InvalidOperationException($"Session {sessionId} is {(string?)session["status"]}.");
            }

            var intent = NewIntent((long)session["amount_total"]!, (string)session["currency"]!, (string)session["customer"]!,
                (JsonObject)session["__intent_metadata"]!.DeepClone(), (string?)session["__setup_future_usage"] ?? "");
            session["payment_intent"] = (string)intent["id"]!;
            if (card != CardSucceeds)
            {
                intent["last_payment_error"] = new JsonObject
                {
                    ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "generic_decline", ["message"] = "Your card was declined.",
                };
                Emit("payment_intent.payment_failed", intent);
                throw new InvalidOperationException("Your card was declined.");
            }

            Succeed(intent, string.IsNullOrEmpty((string?)intent["setup_future_usage"]) ? "pm_card_visa_once" : SavedMethod);
            session["status"] = "complete";
            session["payment_status"] = "paid";
            session["url"] = null;
            Emit("checkout.session.completed", Public(session));
            return (string)intent["id"]!;
        }
    }

    /// <summary>The customer's browser confirms a PaymentIntent with Stripe.js and a card: it succeeds (or is declined).</summary>
    public void ConfirmPaymentIntent(string paymentIntentId, string card = CardSucceeds)
    {
        lock (_gate)
        {
            var intent = _objects[paymentIntentId];
            if (card != CardSucceeds)
            {
                intent["last_payment_error"] = new JsonObject
                {
                    ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "generic_decline", ["message"] = "Your card was declined.",
                };
                Emit("payment_intent.payment_failed", intent);
                return;
            }

            Succeed(intent, string.IsNullOrEmpty((string?)intent["setup_future_usage"]) ? "pm_card_visa_once" : SavedMethod);
        }
    }

    /// <summary>Stripe expires a session on its own when its time is up: the same, on demand.</summary>
    public void ExpireNow(string sessionId)
    {
        lock (_gate)
        {
            Expire(sessionId);
        }
    }

    /// <summary>A stored object as Stripe would answer for it now.</summary>
    public JsonObject Get(string id)
    {
        lock (_gate)
        {
            return Public(_objects[id]);
        }
    }

    private async Task HostedPage(HttpContext context)
    {
        var id = (string)context.GetRouteValue("id")!;
        JsonObject session;
        lock (_gate)
        {
            if (!_objects.TryGetValue(id, out var found))
            {
                context.Response.StatusCode = 404;
                return;
            }

            session = Public(found);
        }

        var amount = ((long)session["amount_total"]! / 100m).ToString("$#,0.00", CultureInfo.InvariantCulture);
        var error = context.Request.Query["error"].ToString();
        var open = (string?)session["status"] == "open";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Pay {{amount}} · Local Stripe Checkout</title>
            <style>body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0;padding:32px 16px;color:#30313d}
            main{max-width:420px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 2px 8px rgba(0,0,0,.08)}
            label{display:block;margin:14px 0 4px;font-size:14px}input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #d5dbe1;border-radius:6px;font-size:16px}
            button{margin-top:20px;width:100%;padding:12px;border:0;border-radius:6px;background:#635bff;color:#fff;font-size:16px;font-weight:600}
            .error{color:#df1b41}.note{font-size:12px;color:#6d6e78;margin-top:16px}</style></head>
            <body><main>
            <p class="note">Local Stripe test server</p>
            <h1>Pay {{amount}}</h1>
            {{(error.Length > 0 ? $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>" : "")}}
            {{(open ? $"""
                <form method="post" action="/pay/{id}">
                <label for="card">Card number</label><input id="card" name="card" inputmode="numeric" autocomplete="cc-number" value="">
                <label for="expiry">Expiry (MM / YY)</label><input id="expiry" name="expiry" value="12 / 34">
                <label for="cvc">CVC</label><input id="cvc" name="cvc" value="123">
                <button type="submit">Pay {amount}</button>
                </form>
                <p class="note"><a href="{WebUtility.HtmlEncode((string?)session["cancel_url"])}">Back</a></p>
                """ : $"<p>This checkout is {(string?)session["status"]}.</p>")}}
            </main></body></html>
            """);
    }

    private async Task HostedPay(HttpContext context)
    {
        var id = (string)context.GetRouteValue("id")!;
        var form = await context.Request.ReadFormAsync();
        var card = new string(form["card"].ToString().Where(char.IsDigit).ToArray());
        try
        {
            Pay(id, card);
        }
        catch (InvalidOperationException exception)
        {
            context.Response.Redirect($"/pay/{id}?error={Uri.EscapeDataString(exception.Message)}");
            return;
        }

        string successUrl;
        lock (_gate)
        {
            successUrl = (string)_objects[id]["success_url"]!;
        }

        context.Response.StatusCode = 303;
        context.Response.Headers.Location = successUrl.Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal);
    }

    // ----- Events and webhooks -----

    private void Emit(string type, JsonObject subject)
    {
        var created = Now;
        var stripeEvent = new JsonObject
        {
            ["id"] = NewId("evt"),
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = created,
            ["data"] = new JsonObject { ["object"] = Public(subject) },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        var json = stripeEvent.ToJsonString();
        Events.Enqueue(json);
        if (DeliverWebhooks && WebhookUrl is not null)
        {
            lock (_deliveries)
            {
                _deliveries.Add(Task.Run(() => DeliverAsync(json)));
            }
        }
    }

    /// <summary>Signs a payload exactly as Stripe does.</summary>
    public string Sign(string payload, long? timestamp = null, string? secret = null)
    {
        var t = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? WebhookSecret), Encoding.UTF8.GetBytes($"{t}.{payload}")));
        return $"t={t},v1={signature}";
    }

    /// <summary>Posts one event as Stripe would (signed now), retrying a few times when the answer is not 2xx.</summary>
    public async Task<HttpStatusCode> DeliverAsync(string payload, int attempts = 4)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                using var content = new StringContent(payload, Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = content };
                request.Headers.TryAddWithoutValidation("Stripe-Signature", Sign(payload));
                request.Headers.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
                using var response = await _webhookClient.SendAsync(request);
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = HttpStatusCode.ServiceUnavailable;
            }

            Deliveries.Enqueue((JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!, status));
            if ((int)status is >= 200 and < 300)
            {
                return status;
            }

            await Task.Delay(200 * attempt);
        }

        return status;
    }

    /// <summary>Waits until every webhook sent so far has been answered.</summary>
    public async Task WaitForDeliveriesAsync()
    {
        Task[] pending;
        lock (_deliveries)
        {
            pending = [.. _deliveries];
        }

        await Task.WhenAll(pending);
    }

    /// <summary>The events of one type, newest last, as JSON.</summary>
    public IReadOnlyList<string> EventsOf(string type) =>
        Events.Where(e => JsonDocument.Parse(e).RootElement.GetProperty("type").GetString() == type).ToList();

    public async ValueTask DisposeAsync()
    {
        await WaitForDeliveriesAsync();
        _webhookClient.Dispose();
        await _server.DisposeAsync();
    }
}
