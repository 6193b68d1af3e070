using System.Security.Cryptography;
using System.Text;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Features.Payments;

/// <summary>What a booking has paid and owes: always derived from its ledger rows, never stored.</summary>
public sealed record LedgerSummary(long TotalCents, long DepositCents, long PaidCents, long RefundedCents)
{
    public long NetPaidCents => PaidCents - RefundedCents;

    public long DueCents => Math.Max(0, TotalCents - NetPaidCents);

    public long DepositDueCents => Math.Max(0, DepositCents - NetPaidCents);

    public bool DepositPaid => DepositDueCents == 0;

    /// <summary>What a payment for <paramref name="purpose"/> would be now (0 when nothing is owed for it).</summary>
    public long AmountFor(PaymentPurpose purpose) => purpose == PaymentPurpose.Deposit ? DepositDueCents : DueCents;
}

/// <summary>The ledger's arithmetic, pure: sums in integer cents.</summary>
public static class Ledger
{
    public static LedgerSummary Summarize(long totalCents, long depositCents, IEnumerable<(LedgerEntryKind Kind, long AmountCents)> entries)
    {
        long paid = 0, refunded = 0;
        foreach (var (kind, amount) in entries)
        {
            if (kind == LedgerEntryKind.Payment)
            {
                paid += amount;
            }
            else
            {
                refunded += amount;
            }
        }

        return new LedgerSummary(totalCents, depositCents, paid, refunded);
    }
}

/// <summary>
/// A payment attempt's life: open until Stripe says how it ended. Money Stripe confirms always
/// counts, even for an attempt we had given up on (a late webhook, a session that expired after paying).
/// </summary>
public static class PaymentAttemptRules
{
    private static readonly Dictionary<PaymentAttemptStatus, PaymentAttemptStatus[]> Moves = new()
    {
        [PaymentAttemptStatus.Open] = [PaymentAttemptStatus.Succeeded, PaymentAttemptStatus.Failed, PaymentAttemptStatus.Expired, PaymentAttemptStatus.Canceled],
        [PaymentAttemptStatus.Failed] = [PaymentAttemptStatus.Succeeded],
        [PaymentAttemptStatus.Expired] = [PaymentAttemptStatus.Succeeded],
        [PaymentAttemptStatus.Canceled] = [PaymentAttemptStatus.Succeeded],
        [PaymentAttemptStatus.Succeeded] = [],
    };

    public static bool CanMove(PaymentAttemptStatus from, PaymentAttemptStatus to) => Moves[from].Contains(to);

    /// <summary>Why the attempt cannot move to <paramref name="to"/> (an out-of-order or repeated event), or null when it can.</summary>
    public static string? WhyNot(PaymentAttemptStatus from, PaymentAttemptStatus to) =>
        CanMove(from, to) ? null : $"A {from.ToString().ToLowerInvariant()} payment cannot become {to.ToString().ToLowerInvariant()}.";
}

/// <summary>One tier of the cancellation policy: cancelled at least this many hours before the event, this share comes back.</summary>
public sealed record RefundTier(int MinHoursBefore, int RefundPercent);

/// <summary>The business's cancellation policy: the tier that applies decides how much of what was paid comes back.</summary>
public static class RefundPolicy
{
    /// <summary>The default tiers: full refund more than 10 days out, half down to 48 hours, nothing after.</summary>
    public static readonly IReadOnlyList<RefundTier> DefaultTiers = [new(240, 100), new(48, 50), new(0, 0)];

    /// <summary>The tier for a cancellation at <paramref name="now"/>: the first (largest notice) whose notice is met.</summary>
    public static RefundTier TierAt(IReadOnlyList<RefundTier> tiers, DateTimeOffset eventStart, DateTimeOffset now)
    {
        var hoursBefore = (eventStart - now).TotalHours;
        return tiers.OrderByDescending(t => t.MinHoursBefore).FirstOrDefault(t => hoursBefore >= t.MinHoursBefore) ?? new RefundTier(0, 0);
    }

    /// <summary>What comes back of <paramref name="netPaidCents"/> under the tier (rounded down to the cent).</summary>
    public static long Refundable(RefundTier tier, long netPaidCents) => Math.Max(0, netPaidCents) * tier.RefundPercent / 100;

    /// <summary>The policy in words, for the page that asks a customer to confirm a cancellation.</summary>
    public static string Describe(IReadOnlyList<RefundTier> tiers)
    {
        var parts = tiers.OrderByDescending(t => t.MinHoursBefore).Select(t => t.MinHoursBefore switch
        {
            0 => $"{t.RefundPercent}% after that",
            >= 48 when t.MinHoursBefore % 24 == 0 => $"{t.RefundPercent}% when cancelled {t.MinHoursBefore / 24} days or more before the event",
            _ => $"{t.RefundPercent}% when cancelled {t.MinHoursBefore} hours or more before the event",
        });
        return string.Join("; ", parts) + ".";
    }

    public static IReadOnlyList<string> Validate(IReadOnlyList<RefundTier> tiers)
    {
        var problems = new List<string>();
        if (tiers.Count == 0)
        {
            problems.Add("Give at least one refund tier.");
        }

        if (tiers.Any(t => t.MinHoursBefore < 0 || t.RefundPercent is < 0 or > 100))
        {
            problems.Add("Refund tiers need hours of 0 or more and a percent from 0 to 100.");
        }

        if (tiers.Select(t => t.MinHoursBefore).Distinct().Count() != tiers.Count)
        {
            problems.Add("Two refund tiers have the same notice.");
        }

        return problems;
    }
}

/// <summary>
/// Checks a Stripe webhook's <c>Stripe-Signature</c> header before its body is trusted:
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;[,v1=…]</c>, any v1 matching (Stripe sends
/// several while a secret rolls), the timestamp within the tolerance either way.
/// </summary>
public static class StripeSignature
{
    public const int DefaultToleranceSeconds = 300;

    public static string? WhyInvalid(string payload, string? header, string secret, DateTimeOffset now, int toleranceSeconds = DefaultToleranceSeconds)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return "The Stripe-Signature header is missing.";
        }

        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var (key, value) = (item[..separator], item[(separator + 1)..]);
            if (key == "t" && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1")
            {
                signatures.Add(value);
            }
        }

        if (timestamp is null || signatures.Count == 0)
        {
            return "The Stripe-Signature header has no timestamp or no v1 signature.";
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp.Value) > toleranceSeconds)
        {
            return "The signature's timestamp is outside the tolerance (a replayed or delayed request).";
        }

        var expected = Encoding.ASCII.GetBytes(Compute(payload, secret, timestamp.Value));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)))
            ? null
            : "No v1 signature matches.";
    }

    /// <summary>The v1 signature of a payload at a timestamp: lower-case hex HMAC-SHA256 of "t.payload" keyed with the secret.</summary>
    public static string Compute(string payload, string secret, long timestamp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
}
