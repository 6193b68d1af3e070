using MyHibachi.Api.Features.Loyalty;
using Tier = MyHibachi.Api.Data.Entities.LoyaltyTier;

namespace MyHibachi.UnitTests.Loyalty;

public sealed class LoyaltyRulesTests
{
    [Theory]
    [InlineData(0, Tier.Bronze)]
    [InlineData(499, Tier.Bronze)]
    [InlineData(500, Tier.Silver)]
    [InlineData(999, Tier.Silver)]
    [InlineData(1000, Tier.Gold)]
    [InlineData(2499, Tier.Gold)]
    [InlineData(2500, Tier.Platinum)]
    [InlineData(-50, Tier.Bronze)]
    public void The_tier_follows_the_points_of_the_last_365_days(int points, Tier tier)
    {
        Assert.Equal(tier, LoyaltyRules.TierFor(points));
    }

    [Fact]
    public void Points_are_one_per_whole_dollar_times_the_multipliers()
    {
        Assert.Equal(612, LoyaltyRules.PointsFor(61_299, 1m));
        Assert.Equal(918, LoyaltyRules.PointsFor(61_299, 1.5m));
        Assert.Equal(0, LoyaltyRules.PointsFor(99, 3m));
        Assert.Equal(0, LoyaltyRules.PointsFor(-5_000, 1m));
        // Gold (2×) in a double-points season: 4×; a season below 1× never lowers points.
        Assert.Equal(4m, LoyaltyRules.Multiplier(Tier.Gold, [2m, 1.5m]));
        Assert.Equal(1m, LoyaltyRules.Multiplier(Tier.Bronze, [0.5m]));
        Assert.Equal(3m, LoyaltyRules.Multiplier(Tier.Platinum, []));
    }

    [Fact]
    public void A_redemption_is_in_hundreds_within_the_balance_and_what_is_due()
    {
        Assert.Null(LoyaltyRules.WhyNotRedeem(300, 350, 50_000));
        Assert.Contains("hundreds", LoyaltyRules.WhyNotRedeem(250, 350, 50_000));
        Assert.Contains("hundreds", LoyaltyRules.WhyNotRedeem(0, 350, 50_000));
        Assert.Contains("350 points", LoyaltyRules.WhyNotRedeem(400, 350, 50_000));
        // $25 due: 200 points ($20) is the most.
        Assert.Contains("at most 200 points", LoyaltyRules.WhyNotRedeem(300, 1_000, 2_500));
        Assert.Equal(200, LoyaltyRules.MaxRedeemable(1_000, 2_500));
    }

    [Fact]
    public void The_next_tier_says_how_far_it_is()
    {
        Assert.Equal((Tier.Gold, 250), LoyaltyRules.NextTier(Tier.Silver, 750));
        Assert.Equal((null, null), LoyaltyRules.NextTier(Tier.Platinum, 9_000));
    }

    [Theory]
    [InlineData("Jane.Doe+party@GMail.com", "janedoe@gmail.com")]
    [InlineData("jane.doe@googlemail.com", "janedoe@gmail.com")]
    [InlineData("Jane.Doe+x@example.com", "jane.doe@example.com")]
    public void The_same_mailbox_is_recognised(string email, string mailbox)
    {
        Assert.Equal(mailbox, LoyaltyRules.Mailbox(email));
    }

    [Fact]
    public void Phones_and_addresses_are_compared_loosely_and_codes_read_well()
    {
        Assert.Equal(LoyaltyRules.PhoneDigits("+1 (404) 555-0142"), LoyaltyRules.PhoneDigits("404.555.0142"));
        Assert.Null(LoyaltyRules.PhoneDigits("12"));
        Assert.Equal(LoyaltyRules.Address("8 Magnolia Ct.", "30305"), LoyaltyRules.Address("8 magnolia ct", "30305"));
        Assert.Matches("^OLIVIA-[A-HJ-NP-Z2-9]{4}$", LoyaltyRules.ReferralCode("Olivia"));
        Assert.Matches("^FRIEND-", LoyaltyRules.ReferralCode("李"));
    }
}
