using MyHibachi.Api.Infrastructure;

namespace MyHibachi.UnitTests.Contracts;

public sealed class EnumMapTests
{
    [Fact]
    public void Every_entity_status_has_its_contract_twin_and_back()
    {
        foreach (var status in Enum.GetValues<MyHibachi.Api.Data.Entities.BookingStatus>())
        {
            var contract = status.ToContract();
            Assert.Equal(status.ToString(), contract.ToString());
            Assert.Equal(status, contract.ToEntity());
        }
    }

    [Fact]
    public void Every_review_status_maps_by_name_both_ways()
    {
        foreach (var status in Enum.GetValues<MyHibachi.Api.Data.Entities.ReviewStatus>())
        {
            Assert.Equal(status.ToString(), status.ToContract().ToString());
            Assert.Equal(status, status.ToContract().ToEntity());
        }
    }

    [Fact]
    public void Every_loyalty_enum_maps_by_name()
    {
        Assert.All(Enum.GetValues<MyHibachi.Api.Data.Entities.LoyaltyTier>(), v => Assert.Equal(v.ToString(), v.ToContract().ToString()));
        Assert.All(Enum.GetValues<MyHibachi.Api.Data.Entities.LoyaltyTransactionKind>(), v => Assert.Equal(v.ToString(), v.ToContract().ToString()));
        Assert.All(Enum.GetValues<MyHibachi.Api.Data.Entities.LoyaltyTransactionStatus>(), v => Assert.Equal(v.ToString(), v.ToContract().ToString()));
        Assert.All(Enum.GetValues<MyHibachi.Api.Data.Entities.ReferralStatus>(), v => Assert.Equal(v.ToString(), v.ToContract().ToString()));
        Assert.All(Enum.GetValues<MyHibachi.Api.Data.Entities.LoyaltyCampaignKind>(), v => Assert.Equal(v, v.ToContract().ToEntity()));
        Assert.All(Enum.GetValues<MyHibachi.Api.Data.Entities.PaymentMethod>(), v => Assert.Equal(v, v.ToContract().ToEntity()));
    }

    [Fact]
    public void Every_lead_source_status_and_reason_maps_by_name()
    {
        foreach (var source in Enum.GetValues<MyHibachi.Api.Data.Entities.LeadSource>())
        {
            Assert.Equal(source, source.ToContract().ToEntity());
        }

        foreach (var status in Enum.GetValues<MyHibachi.Api.Data.Entities.LeadStatus>())
        {
            Assert.Equal(status, status.ToContract().ToEntity());
        }

        foreach (var reason in Enum.GetValues<MyHibachi.Api.Data.Entities.LeadReason>())
        {
            Assert.Equal(reason.ToString(), reason.ToContract().ToString());
        }

        foreach (var category in Enum.GetValues<MyHibachi.Api.Features.Pricing.MenuCategory>())
        {
            Assert.Equal(category.ToString(), category.ToContract().ToString());
        }

        foreach (var unit in Enum.GetValues<MyHibachi.Api.Features.Pricing.PricingUnit>())
        {
            Assert.Equal(unit.ToString(), unit.ToContract().ToString());
        }
    }

    [Fact]
    public void Conversation_states_channels_and_events_map_by_name()
    {
        foreach (var status in Enum.GetValues<MyHibachi.Api.Data.Entities.ConversationStatus>())
        {
            Assert.Equal(status, status.ToContract().ToEntity());
        }

        foreach (var channel in Enum.GetValues<MyHibachi.Api.Data.Entities.ConversationChannel>())
        {
            Assert.Equal(channel, channel.ToContract().ToEntity());
        }

        foreach (var kind in Enum.GetValues<MyHibachi.Api.Data.Entities.ConversationEventKind>())
        {
            Assert.Equal(kind.ToString(), kind.ToContract().ToString());
        }
    }

    private enum Wide { A, B, C }

    private enum Narrow { A, B }

    [Fact]
    public void A_member_without_a_twin_fails_loudly_instead_of_mapping_to_something_else()
    {
        var error = Assert.Throws<TypeInitializationException>(() => EnumMap<Wide, Narrow>.Convert(Wide.A));
        Assert.Contains("Wide.C", error.InnerException!.Message);
    }

    [Fact]
    public void A_number_that_is_not_a_member_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((MyHibachi.Contracts.BookingStatus)42).ToEntity());
    }
}
