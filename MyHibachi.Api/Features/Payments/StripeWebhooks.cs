using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace MyHibachi.Api.Features.Payments;

/// <summary>
/// Stripe's webhooks. The signature is checked on the raw bytes before anything is parsed; each
/// event is stored and processed once by its id, and each handler only moves money and states
/// forwards (a payment recorded once per PaymentIntent, a refund once per Stripe refund, an attempt
/// never leaving "succeeded"), so replays and events in any order leave the same result. Slow work
/// (invoice, e-mail) follows through the outbox.
/// </summary>
public sealed class StripeWebhooks(
    HibachiDbContext db,
    PaymentService payments,
    PaymentRefunds refunds,
    PaymentReconciliation sync,
    IOptions<StripeOptions> options,
    TimeProvider clock,
    ILogger<StripeWebhooks> logger)
{
    /// <summary>Stripe's events are a few kilobytes; anything far larger is not from Stripe.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    public async Task<Result<WebhookReceipt>> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return new Failure(StatusCodes.Status503ServiceUnavailable, ProblemCodes.CardPaymentsNotConfigured, "Stripe webhooks are not set up here.",
                "Set Stripe:WebhookSecret to the endpoint's signing secret.");
        }

        var payload = await ReadAsync(request, cancellationToken);
        if (payload is null)
        {
            return new Failure(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The webhook body is too large.");
        }

        if (StripeSignature.WhyInvalid(payload, request.Headers["Stripe-Signature"], secret, clock.GetUtcNow(), options.Value.WebhookToleranceSeconds) is { } why)
        {
            logger.LogWarning("Refused a Stripe webhook: {Reason}", why);
            return new Failure(StatusCodes.Status400BadRequest, ProblemCodes.WebhookSignatureInvalid, "The Stripe signature is not valid.", why);
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception exception) when (exception is StripeException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            return Failure.Invalid("body", "A signed body that is not a Stripe event.");
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            return Failure.Invalid("body", "The event has no id or type.");
        }

        int stored;
        try
        {
            stored = await db.Database.ExecuteSqlAsync(
                $"""
                 INSERT INTO stripe_events (id, type, payload, received_at) VALUES ({stripeEvent.Id}, {stripeEvent.Type}, {payload}::jsonb, {clock.Now()})
                 ON CONFLICT (id) DO NOTHING
                 """, cancellationToken);
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            return Failure.Invalid("body", "The event holds text PostgreSQL cannot store as JSON.");
        }
        if (stored == 0 && await db.StripeEvents.AnyAsync(e => e.Id == stripeEvent.Id && e.ProcessedAt != null, cancellationToken))
        {
            return new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, Replay: true);
        }

        string? error = null;
        try
        {
            await DispatchAsync(stripeEvent, cancellationToken);
        }
        catch (PaymentProviderException exception)
        {
            // Stripe could not be asked about the object; answering 500 makes Stripe deliver it again later.
            error = exception.Message;
        }

        db.ChangeTracker.Clear();
        await db.StripeEvents.Where(e => e.Id == stripeEvent.Id).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.ProcessedAt, error == null ? clock.Now() : null).SetProperty(e => e.Error, error), cancellationToken);
        if (error is not null)
        {
            return new Failure(StatusCodes.Status503ServiceUnavailable, ProblemCodes.PaymentProviderFailed, "The event could not be processed yet.", error);
        }

        return new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, Replay: false);
    }

    private async Task DispatchAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Type, stripeEvent.Data?.Object)
        {
            case (EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session session):
                if (session.PaymentStatus == "paid" && session.PaymentIntentId is { } paidIntent)
                {
                    await sync.SettleFromStripeAsync(PaymentId(session.Metadata), session.Id, paidIntent, session.AmountTotal ?? 0, BookingId(session.Metadata, session.ClientReferenceId),
                        cancellationToken);
                }

                break;
            case (EventTypes.CheckoutSessionExpired, Session session):
                await payments.MarkEndedAsync(PaymentId(session.Metadata), session.Id, null, PaymentAttemptStatus.Expired, null, "The checkout page expired.", cancellationToken);
                break;
            case (EventTypes.PaymentIntentSucceeded, PaymentIntent intent):
                await payments.ApplyPaymentAsync(new PaymentConfirmation(PaymentId(intent.Metadata), null, intent.Id, intent.AmountReceived, intent.PaymentMethodId,
                    intent.LatestChargeId, BookingId(intent.Metadata, null)), cancellationToken);
                break;
            case (EventTypes.PaymentIntentPaymentFailed, PaymentIntent intent):
                await payments.MarkEndedAsync(PaymentId(intent.Metadata), null, intent.Id, PaymentAttemptStatus.Failed,
                    intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code, intent.LastPaymentError?.Message ?? "The card was declined.", cancellationToken);
                break;
            case (EventTypes.ChargeRefunded, Charge charge) when charge.PaymentIntentId is { } refundedIntent:
                // The payment may not be in the ledger yet (its event still on the way): settle it first,
                // then record every refund of the charge, as Stripe lists them now.
                await sync.SettleFromStripeAsync(PaymentId(charge.Metadata), null, refundedIntent, 0, BookingId(charge.Metadata, null), cancellationToken);
                foreach (var refund in await sync.RefundsOfChargeAsync(charge, cancellationToken))
                {
                    if (refund.Status is "succeeded" or "pending")
                    {
                        await refunds.RecordStripeRefundAsync(refundedIntent, charge.Id, refund.RefundId, refund.Amount, cancellationToken);
                    }
                }

                break;
            case (EventTypes.CustomerCreated, Stripe.Customer customer):
                if (customer.Metadata?.TryGetValue("customer_id", out var value) == true && Guid.TryParse(value, out var customerId))
                {
                    await db.Customers.IncludingDeleted().Where(c => c.Id == customerId && c.StripeCustomerId == null)
                        .ExecuteUpdateAsync(set => set.SetProperty(c => c.StripeCustomerId, customer.Id), cancellationToken);
                }

                break;
            default:
                logger.LogDebug("Stripe event {Type} needs nothing here.", stripeEvent.Type);
                break;
        }
    }

    private static Guid? PaymentId(IDictionary<string, string>? metadata) =>
        metadata?.TryGetValue("payment_id", out var value) == true && Guid.TryParse(value, out var id) ? id : null;

    private static Guid? BookingId(IDictionary<string, string>? metadata, string? clientReference) =>
        metadata?.TryGetValue("booking_id", out var value) == true && Guid.TryParse(value, out var id) ? id
        : Guid.TryParse(clientReference, out var fromReference) ? fromReference : null;

    /// <summary>The raw body as sent (the signature covers these exact bytes), or null when it is larger than any Stripe event.</summary>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await WebhookBody.ReadAsync(request, cancellationToken, MaxPayloadBytes) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
