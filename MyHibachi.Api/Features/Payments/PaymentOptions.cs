using System.ComponentModel.DataAnnotations;

namespace MyHibachi.Api.Features.Payments;

/// <summary>Stripe: without a secret key the product takes money by staff-recorded payments only.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>sk_live_… or sk_test_…; empty means card payments are off.</summary>
    public string? SecretKey { get; set; }

    /// <summary>pk_…, for an embedded card form (Stripe.js).</summary>
    public string? PublishableKey { get; set; }

    /// <summary>whsec_…, the signing secret of the webhook endpoint.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where Stripe's API is (any server that speaks it); Stripe's own when empty.</summary>
    [Url]
    public string? ApiBase { get; set; }

    [RegularExpression("^[a-z]{3}$")]
    public string Currency { get; set; } = "usd";

    [Range(1, 3600)]
    public int WebhookToleranceSeconds { get; set; } = StripeSignature.DefaultToleranceSeconds;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}

public sealed class PaymentOptions : IValidatableObject
{
    public const string Section = "Payments";

    /// <summary>How long a pending booking holds its chef before the deposit must be paid.</summary>
    [Range(1, 24 * 14)]
    public int HoldHours { get; set; } = 24;

    /// <summary>An open payment not settled by a webhook after this long is asked about (reconciliation).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many days before the event the saved card is charged for the balance.</summary>
    [Range(0, 60)]
    public int ChargeBalanceDaysBefore { get; set; } = 3;

    /// <summary>How long a Checkout page stays open (Stripe allows 30 minutes to 24 hours).</summary>
    [Range(30, 24 * 60)]
    public int CheckoutMinutes { get; set; } = 60;

    /// <summary>The customer site, for Checkout's return links.</summary>
    [Required, Url]
    public string SiteBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How to pay without a card, shown on the site (always, and as the only way when Stripe is not set up).</summary>
    [Required, StringLength(1000, MinimumLength = 10)]
    public string ManualInstructions { get; set; } =
        "Pay by Zelle or Venmo to payments@myhibachi.example (put your booking reference in the note), by check, or in cash to our team. We record it and confirm your booking within one business day.";

    /// <summary>The cancellation policy, most notice first (default: 100% from 10 days out, 50% from 48 hours, then nothing).</summary>
    public List<RefundTier> RefundTiers { get; set; } = [];

    public IReadOnlyList<RefundTier> Tiers => RefundTiers.Count == 0 ? RefundPolicy.DefaultTiers : RefundTiers;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        RefundPolicy.Validate(Tiers).Select(problem => new ValidationResult(problem, [nameof(RefundTiers)]));
}
