namespace MyHibachi.Contracts;

public enum LoyaltyTier
{
    Bronze,
    Silver,
    Gold,
    Platinum,
}

public enum LoyaltyTransactionKind
{
    Earn,
    Reversal,
    Redemption,
    Referral,
    Welcome,
    Bonus,
    Adjustment,
}

public enum LoyaltyTransactionStatus
{
    Pending,
    Available,
}

public enum ReferralStatus
{
    Pending,
    Rewarded,
    Refused,
}

public enum LoyaltyCampaignKind
{
    SeasonalMultiplier,
    Challenge,
}

/// <summary>A tier: the points earned in 365 days it needs, its multiplier and what it gives.</summary>
public sealed record LoyaltyTierDto(LoyaltyTier Tier, int Threshold, decimal Multiplier, IReadOnlyList<string> Benefits);

/// <summary>
/// A customer's loyalty standing. Available can be spent; Pending waits for events' refund windows;
/// TierPoints are the points earned in the last 365 days, which set the tier.
/// </summary>
public sealed record LoyaltySummaryDto(
    Guid CustomerId, int Available, int Pending, LoyaltyTier Tier, decimal Multiplier, int TierPoints, LoyaltyTier? NextTier, int? PointsToNextTier,
    DateTimeOffset TierReviewAt, IReadOnlyList<string> Benefits, string ReferralCode, string ReferralLink, IReadOnlyList<LoyaltyBadgeDto> Badges,
    int PointsPerRedemption, long CentsPerRedemption, int PendingDays, int WelcomePoints, int ReferralPoints);

public sealed record LoyaltyBadgeDto(string Name, DateTimeOffset AwardedAt);

public sealed record LoyaltyTransactionDto(
    Guid Id, LoyaltyTransactionKind Kind, LoyaltyTransactionStatus Status, int Points, string Description, Guid? BookingId, DateTimeOffset? AvailableAt,
    string? CreatedByName, DateTimeOffset CreatedAt);

/// <summary>Spend points on a booking: a multiple of 100 (100 points = $10), never more than is due.</summary>
public sealed record RedeemPointsRequest(Guid? BookingId, int? Points);

public sealed record RedemptionDto(Guid BookingId, int Points, long AmountCents, Guid LedgerEntryId, int Available, long DueCents);

public sealed record ClaimReferralRequest(string? Code);

public sealed record ReferralDto(Guid Id, string FriendName, ReferralStatus Status, string? RefusedReason, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

public sealed record LoyaltyAdjustmentRequest(int? Points, string? Reason);

public sealed record LoyaltyCampaignDto(
    Guid Id, LoyaltyCampaignKind Kind, string Name, DateOnly StartsOn, DateOnly EndsOn, decimal Multiplier, int TargetEvents, int BonusPoints, string? Badge, bool IsActive);

public sealed record SaveLoyaltyCampaignRequest(
    LoyaltyCampaignKind? Kind, string? Name, DateOnly? StartsOn, DateOnly? EndsOn, decimal? Multiplier, int? TargetEvents, int? BonusPoints, string? Badge, bool? IsActive);

/// <summary>What one run of the loyalty settlement did (the Workers' job).</summary>
public sealed record LoyaltySettleResult(int Earned, int Released, int Reversed, int TiersChanged, int ReferralsDecided, int BonusesGiven);
