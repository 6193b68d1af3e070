using System.Net;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace MyHibachi.Api.Features.Payments;

/// <summary>What Stripe said about a checkout page.</summary>
public sealed record StripeCheckout(string SessionId, string? Url, string Status, string PaymentStatus, string? PaymentIntentId, long? AmountTotal, DateTimeOffset? ExpiresAt);

/// <summary>What Stripe said about a PaymentIntent.</summary>
public sealed record StripePayment(
    string PaymentIntentId, string Status, long Amount, long AmountReceived, string? PaymentMethodId, string? ChargeId, string? CustomerId,
    string? ClientSecret, string? FailureCode, string? FailureMessage, IReadOnlyDictionary<string, string> Metadata);

/// <summary>What Stripe said about a refund.</summary>
public sealed record StripeRefund(string RefundId, string Status, long Amount, string? PaymentIntentId, string? ChargeId);

/// <summary>Stripe refused or failed a request; <see cref="Code"/> and <see cref="DeclineCode"/> are Stripe's own.</summary>
public sealed class PaymentProviderException(string message, HttpStatusCode? status, string? code, string? declineCode, Exception inner, string? paymentIntentId = null)
    : Exception(message, inner)
{
    /// <summary>The PaymentIntent a refused charge left behind (status requires_payment_method), when Stripe named it.</summary>
    public string? PaymentIntentId { get; } = paymentIntentId;

    public HttpStatusCode? Status { get; } = status;

    public string? Code { get; } = code;

    public string? DeclineCode { get; } = declineCode;

    /// <summary>The card was declined or needs the customer (not a fault of ours or Stripe's).</summary>
    public bool IsCardProblem => Status == HttpStatusCode.PaymentRequired;
}

/// <summary>
/// Our one door to Stripe, through Stripe.net with a configurable API base (so tests and staging
/// can point it at any server that speaks Stripe's API). Every create carries an idempotency key
/// made from our own ids, so a retried call never charges or refunds twice.
/// </summary>
public sealed class StripeGateway(IOptions<StripeOptions> options)
{
    private readonly StripeOptions _options = options.Value;

    private StripeClient? _client;

    public bool IsConfigured => _options.IsConfigured;

    private StripeClient Client => _client ??= new StripeClient(new StripeClientOptions
    {
        ApiKey = _options.SecretKey ?? throw new InvalidOperationException("Stripe is not configured."),
        ApiBase = string.IsNullOrWhiteSpace(_options.ApiBase) ? null : _options.ApiBase.TrimEnd('/'),
    });

    public Task<string> CreateCustomerAsync(Guid customerId, string email, string name, CancellationToken cancellationToken) =>
        CallAsync(async () => (await new Stripe.CustomerService(Client).CreateAsync(new CustomerCreateOptions
        {
            Email = email,
            Name = name,
            Metadata = new Dictionary<string, string> { ["customer_id"] = customerId.ToString() },
        }, Keyed($"customer-{customerId}"), cancellationToken)).Id);

    public Task<StripeCheckout> CreateCheckoutAsync(
        Guid paymentId, Guid bookingId, string reference, string description, long amountCents, string customerId, string successUrl, string cancelUrl,
        DateTimeOffset expiresAt, bool saveCard, CancellationToken cancellationToken) =>
        CallAsync(async () => ToCheckout(await new SessionService(Client).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            Customer = customerId,
            ClientReferenceId = bookingId.ToString(),
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            ExpiresAt = expiresAt.UtcDateTime,
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = _options.Currency,
                        UnitAmount = amountCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = description },
                    },
                },
            ],
            Metadata = Metadata(paymentId, bookingId, reference),
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = Metadata(paymentId, bookingId, reference),
                // The deposit keeps the card for the balance, charged days before the event.
                SetupFutureUsage = saveCard ? "off_session" : null,
            },
        }, Keyed($"checkout-{paymentId}"), cancellationToken)));

    public Task<StripeCheckout> GetCheckoutAsync(string sessionId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToCheckout(await new SessionService(Client).GetAsync(sessionId, cancellationToken: cancellationToken)));

    public Task<StripeCheckout> ExpireCheckoutAsync(string sessionId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToCheckout(await new SessionService(Client).ExpireAsync(sessionId, cancellationToken: cancellationToken)));

    public Task<StripePayment> CreatePaymentIntentAsync(
        Guid paymentId, Guid bookingId, string reference, long amountCents, string customerId, bool saveCard, CancellationToken cancellationToken) =>
        CallAsync(async () => ToPayment(await new PaymentIntentService(Client).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = amountCents,
            Currency = _options.Currency,
            Customer = customerId,
            SetupFutureUsage = saveCard ? "off_session" : null,
            Metadata = Metadata(paymentId, bookingId, reference),
        }, Keyed($"payment-intent-{paymentId}"), cancellationToken)));

    /// <summary>Charges a saved card without the customer; a decline or a bank asking for authentication throws with Stripe's code.</summary>
    public Task<StripePayment> ChargeSavedCardAsync(
        Guid paymentId, Guid bookingId, string reference, long amountCents, string customerId, string paymentMethodId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToPayment(await new PaymentIntentService(Client).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = amountCents,
            Currency = _options.Currency,
            Customer = customerId,
            PaymentMethod = paymentMethodId,
            OffSession = true,
            Confirm = true,
            Metadata = Metadata(paymentId, bookingId, reference),
        }, Keyed($"off-session-{paymentId}"), cancellationToken)));

    /// <summary>The card's fingerprint (the same card gives the same one, whoever pays with it), or null for another kind of method.</summary>
    public Task<string?> CardFingerprintAsync(string paymentMethodId, CancellationToken cancellationToken) =>
        CallAsync(async () => (await new PaymentMethodService(Client).GetAsync(paymentMethodId, cancellationToken: cancellationToken)).Card?.Fingerprint);

    public Task<StripePayment> GetPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToPayment(await new PaymentIntentService(Client).GetAsync(paymentIntentId, cancellationToken: cancellationToken)));

    public Task<StripeRefund> RefundAsync(Guid refundId, Guid bookingId, string paymentIntentId, long amountCents, CancellationToken cancellationToken) =>
        CallAsync(async () => ToRefund(await new RefundService(Client).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = paymentIntentId,
            Amount = amountCents,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string> { ["refund_id"] = refundId.ToString(), ["booking_id"] = bookingId.ToString() },
        }, Keyed($"refund-{refundId}"), cancellationToken)));

    public Task<StripeRefund> GetRefundAsync(string refundId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToRefund(await new RefundService(Client).GetAsync(refundId, cancellationToken: cancellationToken)));

    /// <summary>Every refund of a charge (a charge.refunded event may not carry them: its refunds list is not included by default).</summary>
    public Task<IReadOnlyList<StripeRefund>> ListRefundsAsync(string chargeId, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<StripeRefund>>(async () =>
        {
            var found = new List<StripeRefund>();
            await foreach (var refund in new RefundService(Client).ListAutoPagingAsync(new RefundListOptions { Charge = chargeId, Limit = 100 },
                               cancellationToken: cancellationToken))
            {
                found.Add(ToRefund(refund));
            }

            return found;
        });

    /// <summary>Cancels a PaymentIntent nobody should pay any more; Stripe refuses when it already succeeded.</summary>
    public Task<StripePayment> CancelPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToPayment(await new PaymentIntentService(Client).CancelAsync(paymentIntentId, cancellationToken: cancellationToken)));

    public static StripeCheckout ToCheckout(Session session) => new(
        session.Id, session.Url, session.Status ?? "open", session.PaymentStatus ?? "unpaid", session.PaymentIntentId, session.AmountTotal,
        session.ExpiresAt == default ? null : new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));

    public static StripePayment ToPayment(PaymentIntent intent) => new(
        intent.Id, intent.Status ?? "requires_payment_method", intent.Amount, intent.AmountReceived, intent.PaymentMethodId, intent.LatestChargeId,
        intent.CustomerId, intent.ClientSecret, intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code, intent.LastPaymentError?.Message,
        intent.Metadata ?? new Dictionary<string, string>());

    public static StripeRefund ToRefund(Refund refund) => new(refund.Id, refund.Status ?? "pending", refund.Amount, refund.PaymentIntentId, refund.ChargeId);

    private static Dictionary<string, string> Metadata(Guid paymentId, Guid bookingId, string reference) => new()
    {
        ["payment_id"] = paymentId.ToString(),
        ["booking_id"] = bookingId.ToString(),
        ["booking_reference"] = reference,
    };

    private static RequestOptions Keyed(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException exception)
        {
            throw new PaymentProviderException(exception.StripeError?.Message ?? exception.Message, exception.HttpStatusCode,
                exception.StripeError?.Code, exception.StripeError?.DeclineCode, exception, exception.StripeError?.PaymentIntent?.Id);
        }
        catch (HttpRequestException exception)
        {
            throw new PaymentProviderException($"Stripe could not be reached: {exception.Message}", null, null, null, exception);
        }
    }
}
