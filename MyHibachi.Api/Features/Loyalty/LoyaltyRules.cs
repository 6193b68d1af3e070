using System.Security.Cryptography;

namespace MyHibachi.Api.Features.Loyalty;

public sealed class LoyaltyOptions
{
    public const string Section = "Loyalty";

    /// <summary>Days after an event during which its points stay pending (a refund can still take them back).</summary>
    public int PendingDays { get; set; } = 14;

    /// <summary>Points the referrer gets when the friend's first event is completed and paid.</summary>
    public int ReferralPoints { get; set; } = 500;

    /// <summary>The friend's welcome offer, in points (200 = $20 off their first party).</summary>
    public int WelcomePoints { get; set; } = 200;
}

/// <summary>The program's arithmetic: tiers, multipliers, points for money, what a redemption may take. No database, no clock.</summary>
public static class LoyaltyRules
{
    public const int PointsPerRedemption = 100;

    public const long CentsPerRedemption = 1000;

    public static readonly IReadOnlyList<LoyaltyTierDto> Tiers =
    [
        new(Contracts.LoyaltyTier.Bronze, 0, 1m, ["1 point for every dollar paid", "100 points = $10 off a party"]),
        new(Contracts.LoyaltyTier.Silver, 500, 1.5m, ["1.5 points per dollar", "Priority booking: book with half the usual notice"]),
        new(Contracts.LoyaltyTier.Gold, 1000, 2m, ["2 points per dollar", "Priority booking", "Free setup upgrade: the garlic butter fried rice at no charge"]),
        new(Contracts.LoyaltyTier.Platinum, 2500, 3m, ["3 points per dollar", "Priority booking", "Free setup upgrade", "VIP chef access: choose your chef when you book"]),
    ];

    public static LoyaltyTierDto Of(LoyaltyTier tier) => Tiers[(int)tier];

    /// <summary>The tier that points earned in the last 365 days reach.</summary>
    public static LoyaltyTier TierFor(int pointsIn365Days) =>
        (LoyaltyTier)Tiers.Select((t, i) => (t, i)).LastOrDefault(x => pointsIn365Days >= x.t.Threshold).i;

    public static (LoyaltyTier? Next, int? Missing) NextTier(LoyaltyTier tier, int pointsIn365Days) =>
        (int)tier + 1 < Tiers.Count ? ((LoyaltyTier)((int)tier + 1), Math.Max(0, Tiers[(int)tier + 1].Threshold - pointsIn365Days)) : (null, null);

    /// <summary>1 point per whole dollar paid, times the multiplier, rounded down.</summary>
    public static int PointsFor(long paidCents, decimal multiplier) =>
        paidCents <= 0 ? 0 : (int)Math.Floor(paidCents / 100 * multiplier);

    /// <summary>The tier's multiplier times the best seasonal one running (never below 1).</summary>
    public static decimal Multiplier(LoyaltyTier tier, IEnumerable<decimal> seasonal) =>
        Of(tier).Multiplier * Math.Max(1m, seasonal.DefaultIfEmpty(1m).Max());

    /// <summary>
    /// Why a redemption cannot be made, or null: a positive multiple of 100, no more than the balance,
    /// and worth no more than what the booking still owes.
    /// </summary>
    public static string? WhyNotRedeem(int points, int available, long dueCents)
    {
        if (points <= 0 || points % PointsPerRedemption != 0)
        {
            return $"Redeem points in hundreds ({PointsPerRedemption} points = $10).";
        }

        if (points > available)
        {
            return $"You have {available} points to spend.";
        }

        return points / PointsPerRedemption * CentsPerRedemption > dueCents
            ? $"This booking owes {dueCents / 100m:$#,0.00}; use at most {MaxRedeemable(available, dueCents)} points on it."
            : null;
    }

    public static int MaxRedeemable(int available, long dueCents) =>
        (int)Math.Min(available / PointsPerRedemption, dueCents / CentsPerRedemption) * PointsPerRedemption;

    /// <summary>A referral code: the first name's letters and four random characters without look-alikes ("OLIVIA-7K3Q").</summary>
    public static string ReferralCode(string firstName)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var letters = new string(firstName.ToUpperInvariant().Where(c => c is >= 'A' and <= 'Z').Take(8).ToArray());
        var suffix = new string(Enumerable.Range(0, 4).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
        return $"{(letters.Length == 0 ? "FRIEND" : letters)}-{suffix}";
    }

    /// <summary>An e-mail address as a mailbox: case, dots and +tags ignored where the provider ignores them.</summary>
    public static string Mailbox(string email)
    {
        var at = email.Trim().ToLowerInvariant().LastIndexOf('@');
        if (at <= 0)
        {
            return email.Trim().ToLowerInvariant();
        }

        var (local, domain) = (email.Trim().ToLowerInvariant()[..at], email.Trim().ToLowerInvariant()[(at + 1)..]);
        var plus = local.IndexOf('+');
        if (plus >= 0)
        {
            local = local[..plus];
        }

        if (domain is "gmail.com" or "googlemail.com")
        {
            local = local.Replace(".", "", StringComparison.Ordinal);
            domain = "gmail.com";
        }

        return $"{local}@{domain}";
    }

    public static string? PhoneDigits(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        return digits.Length >= 7 ? digits : null;
    }

    /// <summary>A street address compared loosely: letters and digits of the first line and the ZIP.</summary>
    public static string Address(string line1, string zip) =>
        new string($"{line1}{zip}".ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
