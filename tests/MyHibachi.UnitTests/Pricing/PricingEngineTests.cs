using MyHibachi.Api.Features.Pricing;

namespace MyHibachi.UnitTests.Pricing;

public sealed class PricingEngineTests
{
    private static readonly PriceSheet Sheet = new(
        AdultCents: 6000, ChildCents: 3000, PartyMinimumCents: 60000, TravelFreeMiles: 30, TravelCentsPerMile: 200,
        DepositCents: 10000, GratuityPercent: 20, MaxGuests: 60,
        MenuItems:
        [
            new("chicken", "Chicken", MenuCategory.Protein, PricingUnit.Included, 0),
            new("filet_mignon", "Filet mignon", MenuCategory.ProteinUpgrade, PricingUnit.PerPerson, 500),
            new("lobster_tail", "Lobster tail", MenuCategory.ProteinUpgrade, PricingUnit.PerPerson, 1500),
            new("gyoza", "Gyoza", MenuCategory.AddOn, PricingUnit.PerOrder, 1200),
        ]);

    private static PriceBreakdown Price(int adults, int children = 0, double miles = 0, params MenuSelection[] selections)
    {
        var outcome = PricingEngine.Calculate(Sheet, new PricingRequest(adults, children, selections, miles));
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors.Messages));
        return outcome.Breakdown!;
    }

    [Fact]
    public void Adults_children_and_upgrades_add_up_in_cents()
    {
        var price = Price(12, 2, 10, new MenuSelection("filet_mignon", 4), new MenuSelection("gyoza", 2));

        Assert.Equal(12 * 6000 + 2 * 3000 + 4 * 500 + 2 * 1200, price.FoodSubtotalCents);
        Assert.Equal(price.FoodSubtotalCents, price.TotalCents);
        Assert.Equal(price.Lines.Sum(l => l.TotalCents), price.TotalCents);
        Assert.DoesNotContain(price.Lines, l => l.Code == "party_minimum");
    }

    [Fact]
    public void A_small_party_pays_the_party_minimum()
    {
        var price = Price(4);

        Assert.Equal(60000, price.FoodSubtotalCents);
        var minimum = Assert.Single(price.Lines, l => l.Code == "party_minimum");
        Assert.Equal(60000 - 4 * 6000, minimum.TotalCents);
    }

    [Fact]
    public void Exactly_at_the_minimum_adds_no_adjustment()
    {
        var price = Price(10);

        Assert.Equal(60000, price.FoodSubtotalCents);
        Assert.DoesNotContain(price.Lines, l => l.Code == "party_minimum");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(30.0004, 0)] // rounding noise inside the free radius is free
    [InlineData(30.2, 200)] // any part of a mile beyond the radius is a mile
    [InlineData(31, 200)]
    [InlineData(55.5, 26 * 200)]
    public void Travel_is_charged_per_started_mile_beyond_the_free_radius(double miles, long expectedCents)
    {
        var price = Price(10, miles: miles);

        Assert.Equal(expectedCents, price.TravelFeeCents);
        Assert.Equal(price.FoodSubtotalCents + expectedCents, price.TotalCents);
    }

    [Fact]
    public void Deposit_never_exceeds_the_total_and_the_balance_is_the_rest()
    {
        var cheap = PricingEngine.Calculate(Sheet with { PartyMinimumCents = 0, DepositCents = 10000 }, new PricingRequest(1, 0, [], 0)).Breakdown!;

        Assert.Equal(6000, cheap.DepositCents);
        Assert.Equal(0, cheap.BalanceDueCents);

        var regular = Price(20);
        Assert.Equal(10000, regular.DepositCents);
        Assert.Equal(regular.TotalCents - 10000, regular.BalanceDueCents);
    }

    [Fact]
    public void Suggested_gratuity_is_on_food_only_and_rounds_half_up_to_the_cent()
    {
        var sheet = Sheet with { GratuityPercent = 15, PartyMinimumCents = 0, AdultCents = 3333 };

        var price = PricingEngine.Calculate(sheet, new PricingRequest(1, 0, [], 80)).Breakdown!;

        // 15% of 3333 = 499.95 → 500; the travel fee is not tipped.
        Assert.Equal(500, price.SuggestedGratuityCents);
        Assert.True(price.TravelFeeCents > 0);
    }

    [Fact]
    public void Included_choices_cost_nothing_but_are_kept_on_the_quote()
    {
        var price = Price(10, 0, 0, new MenuSelection("chicken", 20));

        var chicken = Assert.Single(price.Lines, l => l.Code == "chicken");
        Assert.Equal(0, chicken.TotalCents);
        Assert.Equal(20, chicken.Quantity);
    }

    [Fact]
    public void Repeated_lines_for_one_item_are_merged()
    {
        var price = Price(10, 0, 0, new MenuSelection("gyoza", 1), new MenuSelection("gyoza", 2));

        Assert.Equal(3, Assert.Single(price.Lines, l => l.Code == "gyoza").Quantity);
    }

    [Theory]
    [InlineData(0, 0, "adults")]
    [InlineData(-1, 0, "adults")]
    [InlineData(5, -2, "children")]
    [InlineData(61, 0, "adults")]
    [InlineData(50, 11, "children")]
    public void Guest_counts_outside_the_rules_are_refused_by_field(int adults, int children, string field)
    {
        var outcome = PricingEngine.Calculate(Sheet, new PricingRequest(adults, children, [], 0));

        Assert.False(outcome.IsValid);
        Assert.True(outcome.Errors.Has(field), string.Join("; ", outcome.Errors.Messages));
    }

    [Fact]
    public void Unknown_menu_codes_and_impossible_quantities_are_refused_by_line()
    {
        var outcome = PricingEngine.Calculate(Sheet, new PricingRequest(10, 0,
            [new("caviar", 1), new("filet_mignon", 11), new("gyoza", 0), new("chicken", 21)], 0));

        Assert.True(outcome.Errors.Has("selections[0].code"));
        Assert.True(outcome.Errors.Has("selections[1].quantity")); // more upgrades than guests
        Assert.True(outcome.Errors.Has("selections[2].quantity"));
        Assert.True(outcome.Errors.Has("selections[3].quantity")); // two included choices per guest
    }

    [Fact]
    public void Split_lines_cannot_exceed_the_per_guest_limit_together()
    {
        var outcome = PricingEngine.Calculate(Sheet, new PricingRequest(4, 0, [new("lobster_tail", 3), new("lobster_tail", 3)], 0));

        Assert.True(outcome.Errors.Has("selections"));
    }

    [Fact]
    public void The_same_sheet_and_request_always_give_the_same_price()
    {
        var request = new PricingRequest(17, 3, [new("lobster_tail", 5), new("gyoza", 3)], 47.3);

        var first = PricingEngine.Calculate(Sheet, request).Breakdown!;
        var second = PricingEngine.Calculate(Sheet, request).Breakdown!;

        Assert.Equal(first.TotalCents, second.TotalCents);
        Assert.Equal(first.Lines, second.Lines);
    }
}
