using Microsoft.Extensions.Options;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.UnitTests.Payments;

public sealed class PaymentRulesTests
{
    private static readonly DateTimeOffset Event = new(2026, 12, 24, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_ledger_derives_paid_refunded_and_due_in_cents()
    {
        var summary = Ledger.Summarize(78_800, 10_000,
            [(LedgerEntryKind.Payment, 10_000), (LedgerEntryKind.Payment, 30_000), (LedgerEntryKind.Refund, 2_500), (LedgerEntryKind.Refund, 500)]);

        Assert.Equal((40_000L, 3_000L, 37_000L, 41_800L), (summary.PaidCents, summary.RefundedCents, summary.NetPaidCents, summary.DueCents));
        Assert.True(summary.DepositPaid);
        Assert.Equal(0, summary.AmountFor(PaymentPurpose.Deposit));
        Assert.Equal(41_800, summary.AmountFor(PaymentPurpose.Balance));
    }

    [Fact]
    public void A_refunded_deposit_is_owed_again_and_overpayment_owes_nothing()
    {
        var refunded = Ledger.Summarize(50_000, 10_000, [(LedgerEntryKind.Payment, 10_000), (LedgerEntryKind.Refund, 10_000)]);
        Assert.False(refunded.DepositPaid);
        Assert.Equal(10_000, refunded.AmountFor(PaymentPurpose.Deposit));

        var over = Ledger.Summarize(50_000, 10_000, [(LedgerEntryKind.Payment, 60_000)]);
        Assert.Equal(0, over.DueCents);
    }

    [Theory]
    [InlineData(24 * 30, 100)]
    [InlineData(240, 100)]
    [InlineData(239, 50)]
    [InlineData(48, 50)]
    [InlineData(47, 0)]
    [InlineData(1, 0)]
    [InlineData(-5, 0)]
    public void The_policy_tier_depends_on_the_notice_given(int hoursBefore, int percent)
    {
        var tier = RefundPolicy.TierAt(RefundPolicy.DefaultTiers, Event, Event.AddHours(-hoursBefore));
        Assert.Equal(percent, tier.RefundPercent);
    }

    [Fact]
    public void Refundable_amounts_round_down_to_the_cent_and_never_go_negative()
    {
        Assert.Equal(5_000, RefundPolicy.Refundable(new RefundTier(48, 50), 10_001));
        Assert.Equal(3_333, RefundPolicy.Refundable(new RefundTier(48, 33), 10_101));
        Assert.Equal(0, RefundPolicy.Refundable(new RefundTier(0, 100), -400));
    }

    [Fact]
    public void The_policy_is_described_for_customers_and_bad_tiers_are_refused()
    {
        Assert.Equal("100% when cancelled 10 days or more before the event; 50% when cancelled 2 days or more before the event; 0% after that.",
            RefundPolicy.Describe(RefundPolicy.DefaultTiers));
        Assert.Empty(RefundPolicy.Validate(RefundPolicy.DefaultTiers));
        Assert.NotEmpty(RefundPolicy.Validate([]));
        Assert.NotEmpty(RefundPolicy.Validate([new RefundTier(24, 120)]));
        Assert.NotEmpty(RefundPolicy.Validate([new RefundTier(24, 50), new RefundTier(24, 10)]));
    }

    [Fact]
    public void A_succeeded_attempt_never_moves_but_money_always_wins_over_an_ending()
    {
        foreach (var to in Enum.GetValues<PaymentAttemptStatus>())
        {
            Assert.False(PaymentAttemptRules.CanMove(PaymentAttemptStatus.Succeeded, to));
        }

        Assert.True(PaymentAttemptRules.CanMove(PaymentAttemptStatus.Expired, PaymentAttemptStatus.Succeeded));
        Assert.True(PaymentAttemptRules.CanMove(PaymentAttemptStatus.Failed, PaymentAttemptStatus.Succeeded));
        Assert.False(PaymentAttemptRules.CanMove(PaymentAttemptStatus.Failed, PaymentAttemptStatus.Expired));
        Assert.NotNull(PaymentAttemptRules.WhyNot(PaymentAttemptStatus.Succeeded, PaymentAttemptStatus.Failed));
    }
}

public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_test_secret";
    private const string Payload = """{"id":"evt_1","object":"event","type":"checkout.session.completed"}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static string Header(long t, params string[] secrets) =>
        $"t={t}," + string.Join(',', secrets.Select(s => "v1=" + StripeSignature.Compute(Payload, s, t)));

    [Fact]
    public void A_signature_made_as_Stripe_makes_it_is_accepted()
    {
        // HMAC-SHA256 of "t.payload" with the whole whsec_ string as the key, lower-case hex.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Secret), System.Text.Encoding.UTF8.GetBytes($"1800000000.{Payload}")));
        Assert.Equal(expected, StripeSignature.Compute(Payload, Secret, 1_800_000_000));
        Assert.Null(StripeSignature.WhyInvalid(Payload, Header(1_800_000_000, Secret), Secret, Now));
    }

    [Fact]
    public void Any_v1_signature_may_match_while_a_secret_rolls()
    {
        Assert.Null(StripeSignature.WhyInvalid(Payload, Header(1_800_000_000, "whsec_old", Secret), Secret, Now));
        Assert.Null(StripeSignature.WhyInvalid(Payload, Header(1_800_000_000, Secret) + ",v0=ignored", Secret, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("t=1800000000")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=abc")]
    [InlineData("garbage")]
    public void Missing_or_malformed_headers_are_refused(string? header) =>
        Assert.NotNull(StripeSignature.WhyInvalid(Payload, header, Secret, Now));

    [Fact]
    public void Another_secret_another_body_or_a_stale_timestamp_is_refused()
    {
        Assert.NotNull(StripeSignature.WhyInvalid(Payload, Header(1_800_000_000, "whsec_other"), Secret, Now));
        Assert.NotNull(StripeSignature.WhyInvalid(Payload + " ", Header(1_800_000_000, Secret), Secret, Now));
        Assert.NotNull(StripeSignature.WhyInvalid(Payload, Header(1_800_000_000 - 301, Secret), Secret, Now));
        Assert.NotNull(StripeSignature.WhyInvalid(Payload, Header(1_800_000_000 + 301, Secret), Secret, Now));
        Assert.Null(StripeSignature.WhyInvalid(Payload, Header(1_800_000_000 - 299, Secret), Secret, Now));
    }
}

public sealed class PayLinksTests
{
    private static PayLinks Links(string key) => new(
        Options.Create(new AuthOptions { SigningKey = key }), Options.Create(new PaymentOptions { SiteBaseUrl = "https://myhibachi.example/" }));

    [Fact]
    public void A_pay_link_opens_its_own_booking_only_and_depends_on_the_secret()
    {
        var links = Links(new string('k', 64));
        var booking = Guid.NewGuid();
        var link = links.Link(booking);

        Assert.Equal($"https://myhibachi.example/Pay/{booking}?token={link.Token}", link.Url);
        Assert.True(links.IsValid(booking, link.Token));
        Assert.False(links.IsValid(Guid.NewGuid(), link.Token));
        Assert.False(links.IsValid(booking, null));
        Assert.False(links.IsValid(booking, link.Token[..^1]));
        Assert.False(Links(new string('x', 64)).IsValid(booking, link.Token));
    }
}
