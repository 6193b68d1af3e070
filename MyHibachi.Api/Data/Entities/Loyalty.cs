namespace MyHibachi.Api.Data.Entities;

// Stored by name (see HibachiDbContext); the contracts have twins of the same names.
public enum LoyaltyTier
{
    Bronze,
    Silver,
    Gold,
    Platinum,
}

public enum LoyaltyTransactionKind
{
    /// <summary>Points for a paid, completed event (1 per dollar, times the tier's and the season's multipliers).</summary>
    Earn,

    /// <summary>Points taken back because the event's money was refunded.</summary>
    Reversal,

    /// <summary>Points spent as money on a booking (negative).</summary>
    Redemption,

    /// <summary>For a friend whose first event was completed and paid.</summary>
    Referral,

    /// <summary>A friend's welcome offer.</summary>
    Welcome,

    /// <summary>A challenge completed.</summary>
    Bonus,

    /// <summary>Staff correcting a balance, with a reason.</summary>
    Adjustment,
}

public enum LoyaltyTransactionStatus
{
    /// <summary>Counted but not spendable: the event's refund window is still open.</summary>
    Pending,

    Available,
}

/// <summary>
/// A customer's place in the loyalty program (table <c>loyalty_points</c>): their tier, when it is
/// reviewed, their referral code. The balance is not here: it is the sum of their transactions.
/// </summary>
public sealed class LoyaltyAccount
{
    public Guid CustomerId { get; set; }

    public required string ReferralCode { get; set; }

    public LoyaltyTier Tier { get; set; } = LoyaltyTier.Bronze;

    public DateTimeOffset TierSince { get; set; }

    /// <summary>The yearly review: a tier only goes down here (it goes up at once).</summary>
    public DateTimeOffset TierReviewAt { get; set; }

    /// <summary>Who referred this customer (a referral row), if anyone.</summary>
    public Guid? ReferredBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// One movement of points (table <c>loyalty_transactions</c>), never changed once written except a
/// pending row becoming available. SourceKey makes each reason happen once (earn:booking, referral:id…).
/// </summary>
public sealed class LoyaltyTransaction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CustomerId { get; set; }

    public LoyaltyTransactionKind Kind { get; set; }

    public LoyaltyTransactionStatus Status { get; set; }

    /// <summary>Positive in, negative out.</summary>
    public int Points { get; set; }

    /// <summary>When a pending row becomes available (the end of the refund window).</summary>
    public DateTimeOffset? AvailableAt { get; set; }

    public Guid? BookingId { get; set; }

    public Guid? LedgerEntryId { get; set; }

    public Guid? CampaignId { get; set; }

    /// <summary>The multiplier the earn was made with (tier × season), kept so a refund takes back exactly what was given.</summary>
    public decimal Multiplier { get; set; } = 1m;

    public required string Description { get; set; }

    public required string SourceKey { get; set; }

    public Guid? CreatedBy { get; set; }

    public string? CreatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum ReferralStatus
{
    /// <summary>The friend signed up with the code; waiting for their first completed, paid event.</summary>
    Pending,

    Rewarded,

    /// <summary>A guard said no (the same person, address, phone or card); the reason says which.</summary>
    Refused,
}

/// <summary>A friend who came with a customer's referral code.</summary>
public sealed class Referral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReferrerId { get; set; }

    public Guid FriendId { get; set; }

    public ReferralStatus Status { get; set; } = ReferralStatus.Pending;

    public string? RefusedReason { get; set; }

    public Guid? RewardBookingId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

public enum LoyaltyCampaignKind
{
    /// <summary>Earned points are multiplied for events in the window ("double points in January").</summary>
    SeasonalMultiplier,

    /// <summary>"Book N parties in the window, get a bonus and a badge."</summary>
    Challenge,
}

/// <summary>A seasonal multiplier or a challenge, set up by admins.</summary>
public sealed class LoyaltyCampaign : IAudited, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public LoyaltyCampaignKind Kind { get; set; }

    public required string Name { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>For a seasonal multiplier, e.g. 2.0.</summary>
    public decimal Multiplier { get; set; } = 1m;

    /// <summary>For a challenge: completed, paid events needed within the window.</summary>
    public int TargetEvents { get; set; }

    public int BonusPoints { get; set; }

    /// <summary>The badge a challenge gives, e.g. "Party starter".</summary>
    public string? Badge { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>A badge a customer earned (from a challenge, or a milestone such as a first party).</summary>
public sealed class LoyaltyBadge
{
    public Guid CustomerId { get; set; }

    public required string Name { get; set; }

    public Guid? CampaignId { get; set; }

    public DateTimeOffset AwardedAt { get; set; }
}
