using System.Net;
using MyHibachi.Contracts;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Loyalty;

public sealed class LoyaltyTests(ApiAppHost host) : ApiTest(host)
{
    private const string Password = "Loyal-customers-1";

    private int _events;

    [Fact]
    public async Task Points_for_a_paid_completed_event_are_pending_then_available_and_taken_back_on_a_refund()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var (customer, booking) = await PaidEventAsync(station.Id, "earner.loyalty@example.com");
        var service = await Host.CreateServiceClientAsync();

        var settled = (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok();
        Assert.Equal(1, settled.Earned);
        var dollars = (int)(booking.Pricing.TotalCents / 100);
        var mine = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        Assert.Equal((0, dollars), (mine.Available, mine.Pending));
        // Pending points count towards the tier at once ($600 and more: Silver).
        Assert.Equal(dollars >= 500 ? LoyaltyTier.Silver : LoyaltyTier.Bronze, mine.Tier);
        Assert.Contains("First party", mine.Badges.Select(b => b.Name));

        // Settling again changes nothing: every reason gives points once.
        Assert.Equal(0, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().Earned);
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM loyalty_transactions WHERE booking_id = @id", ("id", booking.Id)));

        // $100 refunded while pending: 100 points taken back, still pending.
        (await Api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual-refund",
            new ManualRefundRequest(10_000, PaymentMethod.Cash, "A burner failed for half an hour", true))).Ok();
        Assert.Equal(1, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().Reversed);
        mine = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        Assert.Equal((0, dollars - 100), (mine.Available, mine.Pending));

        // The refund window closes: the points can be spent.
        await Host.ExecuteAsync("UPDATE loyalty_transactions SET available_at = now() - interval '1 minute' WHERE booking_id = @id", ("id", booking.Id));
        Assert.Equal(2, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().Released);
        mine = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        Assert.Equal((dollars - 100, 0), (mine.Available, mine.Pending));

        // A refund after that takes the points back from the balance.
        (await Api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual-refund",
            new ManualRefundRequest(5_000, PaymentMethod.Cash, "Goodwill for the rain delay", true))).Ok();
        (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok();
        mine = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        Assert.Equal(dollars - 150, mine.Available);
        var history = (await customer.GetAsync<PagedList<LoyaltyTransactionDto>>("/api/v1/loyalty/me/history")).Ok();
        Assert.Equal([LoyaltyTransactionKind.Reversal, LoyaltyTransactionKind.Reversal, LoyaltyTransactionKind.Earn], history.Items.Select(t => t.Kind));
        Assert.Equal(dollars - 150, history.Items.Sum(t => t.Points));
    }

    [Fact]
    public async Task Points_are_spent_on_a_booking_as_a_ledger_line_never_above_what_is_due()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var customer = await ConfirmedCustomerAsync("spender.loyalty@example.com", Password);
        var me = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        var booking = await customer.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(), email: "spender.loyalty@example.com");

        (await customer.PostAsync<RedemptionDto>("/api/v1/loyalty/redeem", new RedeemPointsRequest(booking.Id, 300))).InvalidField("points");
        (await Api.PostAsync<LoyaltySummaryDto>($"/api/v1/loyalty/customers/{me.CustomerId}/adjust", new LoyaltyAdjustmentRequest(350, null))).InvalidField("reason");
        (await customer.PostAsync<LoyaltySummaryDto>($"/api/v1/loyalty/customers/{me.CustomerId}/adjust", new LoyaltyAdjustmentRequest(350, "I deserve it")))
            .Refused(HttpStatusCode.Forbidden);
        Assert.Equal(350, (await Api.PostAsync<LoyaltySummaryDto>($"/api/v1/loyalty/customers/{me.CustomerId}/adjust",
            new LoyaltyAdjustmentRequest(350, "Apology for the late chef in March"))).Ok().Available);
        Assert.Equal("Apology for the late chef in March", await Host.ScalarAsync<string>(
            "SELECT after->>'reason' FROM audit_log WHERE action = 'loyalty.adjust' AND entity_id = @id", ("id", me.CustomerId.ToString())));

        (await customer.PostAsync<RedemptionDto>("/api/v1/loyalty/redeem", new RedeemPointsRequest(booking.Id, 250))).InvalidField("points");
        (await customer.PostAsync<RedemptionDto>("/api/v1/loyalty/redeem", new RedeemPointsRequest(booking.Id, 400))).InvalidField("points");
        var redeemed = (await customer.PostAsync<RedemptionDto>("/api/v1/loyalty/redeem", new RedeemPointsRequest(booking.Id, 300))).Ok();
        Assert.Equal((3_000L, 50), (redeemed.AmountCents, redeemed.Available));

        var money = (await customer.GetAsync<BookingPaymentsDto>($"/api/v1/payments/bookings/{booking.Id}")).Ok();
        var line = Assert.Single(money.Entries);
        Assert.Equal((PaymentMethod.LoyaltyPoints, 3_000L, "300 points"), (line.Method, line.AmountCents, line.Reference));
        Assert.Equal(booking.Pricing.TotalCents - 3_000, money.Summary.DueCents);

        // More than is due: refused, whatever the balance.
        (await Api.PostAsync<LoyaltySummaryDto>($"/api/v1/loyalty/customers/{me.CustomerId}/adjust", new LoyaltyAdjustmentRequest(99_950, "Test balance"))).Ok();
        var tooMuch = (int)((booking.Pricing.TotalCents - 3_000) / 1_000 + 1) * 100;
        var refused = (await customer.PostAsync<RedemptionDto>("/api/v1/loyalty/redeem", new RedeemPointsRequest(booking.Id, tooMuch))).InvalidField("points");
        Assert.Contains("use at most", refused.Errors!["points"][0]);
        // Someone else's booking: not found.
        var other = await ConfirmedCustomerAsync("other.loyalty@example.com", Password);
        (await other.PostAsync<RedemptionDto>("/api/v1/loyalty/redeem", new RedeemPointsRequest(booking.Id, 100))).Refused(HttpStatusCode.NotFound);
        (await Api.PostAsync<RefundDto>($"/api/v1/payments/bookings/{booking.Id}/manual-refund",
            new ManualRefundRequest(1_000, PaymentMethod.LoyaltyPoints, null, null))).InvalidField("method");

        // The party is cancelled: the points spent on it come back whole, once, with a refund line in its ledger.
        (await customer.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/cancel", new CancelBookingRequest("Plans changed"))).Ok();
        var service = await Host.CreateServiceClientAsync();
        Assert.Equal(1, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().Reversed);
        Assert.Equal(0, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().Reversed);
        Assert.Equal(100_300, (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok().Available);
        money = (await customer.GetAsync<BookingPaymentsDto>($"/api/v1/payments/bookings/{booking.Id}")).Ok();
        Assert.Equal((LedgerEntryKind.Refund, PaymentMethod.LoyaltyPoints, 3_000L),
            (money.Entries[^1].Kind, money.Entries[^1].Method, money.Entries[^1].AmountCents));
        Assert.Equal(0, money.Summary.NetPaidCents);
    }

    [Fact]
    public async Task A_tier_goes_up_at_once_and_down_only_at_the_yearly_review()
    {
        await Api.CreateStationAsync();
        var customer = await ConfirmedCustomerAsync("tiers.loyalty@example.com", Password);
        var me = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        Assert.Equal((LoyaltyTier.Bronze, LoyaltyTier.Silver, 500), (me.Tier, me.NextTier!.Value, me.PointsToNextTier!.Value));
        var service = await Host.CreateServiceClientAsync();

        (await Api.PostAsync<LoyaltySummaryDto>($"/api/v1/loyalty/customers/{me.CustomerId}/adjust", new LoyaltyAdjustmentRequest(1_200, "Corporate events last year"))).Ok();
        Assert.Equal(1, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().TiersChanged);
        me = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        Assert.Equal((LoyaltyTier.Gold, 2m), (me.Tier, me.Multiplier));
        Assert.Contains(me.Benefits, b => b.StartsWith("Free setup upgrade", StringComparison.Ordinal));

        // The points age past 365 days: still Gold until the review.
        await Host.ExecuteAsync("UPDATE loyalty_transactions SET created_at = now() - interval '400 days' WHERE customer_id = @id", ("id", me.CustomerId));
        (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok();
        Assert.Equal(LoyaltyTier.Gold, (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok().Tier);

        await Host.ExecuteAsync("UPDATE loyalty_points SET tier_review_at = now() - interval '1 minute' WHERE customer_id = @id", ("id", me.CustomerId));
        Assert.Equal(1, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().TiersChanged);
        me = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        Assert.Equal(LoyaltyTier.Bronze, me.Tier);
        Assert.True(me.TierReviewAt > DateTimeOffset.UtcNow.AddDays(360));
    }

    [Fact]
    public async Task A_referral_is_rewarded_once_and_self_referral_and_the_same_address_are_refused()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var referrer = await ConfirmedCustomerAsync("referrer.loyalty@example.com", Password);
        var code = (await referrer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok().ReferralCode;
        Assert.Matches("^CAM-[A-Z2-9]{4}$", code);
        Assert.Contains("refer yourself", (await referrer.PostAsync<ReferralDto>("/api/v1/loyalty/referrals/claim", new ClaimReferralRequest(code)))
            .Refused(HttpStatusCode.Conflict).Detail);
        (await referrer.PostAsync<ReferralDto>("/api/v1/loyalty/referrals/claim", new ClaimReferralRequest("NOPE-0000"))).InvalidField("code");

        // A friend: the welcome offer at once, usable on the first party.
        var friend = await ConfirmedCustomerAsync("friend.loyalty@example.com", Password);
        (await friend.PostAsync<ReferralDto>("/api/v1/loyalty/referrals/claim", new ClaimReferralRequest(code.ToLowerInvariant()))).Ok();
        Assert.Equal(200, (await friend.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok().Available);
        (await friend.PostAsync<ReferralDto>("/api/v1/loyalty/referrals/claim", new ClaimReferralRequest(code))).Refused(HttpStatusCode.Conflict);

        // Another "friend" whose party is at the referrer's own address.
        var sameHouse = await ConfirmedCustomerAsync("samehouse.loyalty@example.com", Password);
        (await sameHouse.PostAsync<ReferralDto>("/api/v1/loyalty/referrals/claim", new ClaimReferralRequest(code))).Ok();
        await PaidEventAsync(station.Id, "referrer.loyalty@example.com", referrer);

        await PaidEventAsync(station.Id, "friend.loyalty@example.com", friend, street: "41 Peachtree Way");
        await PaidEventAsync(station.Id, "samehouse.loyalty@example.com", sameHouse);
        var service = await Host.CreateServiceClientAsync();
        Assert.Equal(2, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().ReferralsDecided);
        Assert.Equal(0, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().ReferralsDecided);

        var referrals = (await referrer.GetAsync<IReadOnlyList<ReferralDto>>("/api/v1/loyalty/referrals")).Ok();
        Assert.Equal(ReferralStatus.Rewarded, referrals.Single(r => r.FriendName == "Cam C." && r.Status != ReferralStatus.Refused).Status);
        Assert.Equal("An event at the referrer's address.", Assert.Single(referrals, r => r.Status == ReferralStatus.Refused).RefusedReason);
        var rewards = (await referrer.GetAsync<PagedList<LoyaltyTransactionDto>>("/api/v1/loyalty/me/history")).Ok().Items
            .Where(t => t.Kind == LoyaltyTransactionKind.Referral).ToList();
        Assert.Equal(500, Assert.Single(rewards).Points);
    }

    [Fact]
    public async Task A_referral_paid_with_the_referrers_card_is_refused()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var referrer = await ConfirmedCustomerAsync("cardowner.loyalty@example.com", Password);
        var code = (await referrer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok().ReferralCode;
        var friend = await ConfirmedCustomerAsync("cardfriend.loyalty@example.com", Password);
        (await friend.PostAsync<ReferralDto>("/api/v1/loyalty/referrals/claim", new ClaimReferralRequest(code))).Ok();

        // Both deposits paid by card through Stripe (the same card), the rest in cash.
        await PaidEventAsync(station.Id, "cardowner.loyalty@example.com", referrer, byCard: true);
        var (_, friendsParty) = await PaidEventAsync(station.Id, "cardfriend.loyalty@example.com", friend, street: "9 Other Rd", byCard: true);
        Assert.NotNull(await Host.ScalarAsync<string>("SELECT card_fingerprint FROM ledger_entries WHERE booking_id = @id AND method = 'Card'", ("id", friendsParty.Id)));

        var service = await Host.CreateServiceClientAsync();
        Assert.Equal(1, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().ReferralsDecided);
        var referral = Assert.Single((await referrer.GetAsync<IReadOnlyList<ReferralDto>>("/api/v1/loyalty/referrals")).Ok());
        Assert.Equal((ReferralStatus.Refused, "Paid with the referrer's card."), (referral.Status, referral.RefusedReason));
    }

    [Fact]
    public async Task A_seasonal_multiplier_doubles_points_and_a_challenge_gives_its_bonus_and_badge_once()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (await Api.PostAsync<LoyaltyCampaignDto>("/api/v1/loyalty/campaigns",
            new SaveLoyaltyCampaignRequest(LoyaltyCampaignKind.SeasonalMultiplier, "Double points", today.AddDays(-30), today, 0.5m, null, null, null, true))).InvalidField("multiplier");
        (await Api.PostAsync<LoyaltyCampaignDto>("/api/v1/loyalty/campaigns",
            new SaveLoyaltyCampaignRequest(LoyaltyCampaignKind.SeasonalMultiplier, "Double points", today.AddDays(-30), today, 2m, null, null, null, true))).Ok();
        (await Api.PostAsync<LoyaltyCampaignDto>("/api/v1/loyalty/campaigns",
            new SaveLoyaltyCampaignRequest(LoyaltyCampaignKind.Challenge, "Two parties this season", today.AddDays(-30), today, null, 2, 300, "Party regular", true))).Ok();

        var (customer, first) = await PaidEventAsync(station.Id, "season.loyalty@example.com");
        var (_, second) = await PaidEventAsync(station.Id, "season.loyalty@example.com", customer);
        var service = await Host.CreateServiceClientAsync();
        var result = (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok();
        Assert.Equal((2, 1), (result.Earned, result.BonusesGiven));
        Assert.Equal(0, (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok().BonusesGiven);

        var me = (await customer.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok();
        var doubled = (int)(first.Pricing.TotalCents / 100 * 2 + second.Pricing.TotalCents / 100 * 2);
        Assert.Equal((300, doubled), (me.Available, me.Pending));
        Assert.Equal(["First party", "Party regular"], me.Badges.Select(b => b.Name).Order());
    }

    [Fact]
    public async Task Each_tier_benefit_works_in_booking_and_pricing()
    {
        var station = await Api.CreateStationAsync(notice: 48);
        var chef = await Api.CreateChefAsync(station.Id, start: "08:00", end: "23:59");
        var bronze = await ConfirmedCustomerAsync("bronze.loyalty@example.com", Password);
        var gold = await ConfirmedCustomerAsync("gold.loyalty@example.com", Password);
        var platinum = await ConfirmedCustomerAsync("platinum.loyalty@example.com", Password);
        var service = await Host.CreateServiceClientAsync();
        foreach (var (client, points) in new[] { (gold, 1_200), (platinum, 3_000) })
        {
            var id = (await client.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok().CustomerId;
            (await Api.PostAsync<LoyaltySummaryDto>($"/api/v1/loyalty/customers/{id}/adjust", new LoyaltyAdjustmentRequest(points, "Tier for the test"))).Ok();
        }

        (await service.PostAsync<LoyaltySettleResult>("/api/internal/loyalty/settle")).Ok();
        Assert.Equal(LoyaltyTier.Gold, (await gold.GetAsync<LoyaltySummaryDto>("/api/v1/loyalty/me")).Ok().Tier);

        // Gold: the setup upgrade (garlic butter fried rice) is free; Bronze pays for it.
        SelectionDto[] rice = [new("fried_rice_upgrade", 10)];
        var paid = (await bronze.PostAsync<BookingDto>("/api/bookings", bronze.BookingRequest(station.Id, HibachiApiClient.FutureDate(12), "12:00",
            email: "bronze.loyalty@example.com", selections: rice))).Ok(HttpStatusCode.Created);
        var free = (await gold.PostAsync<BookingDto>("/api/bookings", gold.BookingRequest(station.Id, HibachiApiClient.FutureDate(13), "12:00",
            email: "gold.loyalty@example.com", selections: rice))).Ok(HttpStatusCode.Created);
        Assert.True(paid.Pricing.Lines.Single(l => l.Code == "fried_rice_upgrade").TotalCents > 0);
        Assert.Equal(0, free.Pricing.Lines.Single(l => l.Code == "fried_rice_upgrade").TotalCents);
        Assert.Equal(paid.Pricing.TotalCents - paid.Pricing.Lines.Single(l => l.Code == "fried_rice_upgrade").TotalCents, free.Pricing.TotalCents);

        // Silver and up: half the station's 48 hours of notice.
        var (date, time) = StartBetween(TimeSpan.FromHours(26), TimeSpan.FromHours(46));
        (await bronze.PostAsync<BookingDto>("/api/bookings", bronze.BookingRequest(station.Id, date, time, email: "bronze.loyalty@example.com")))
            .InvalidField("eventDate");
        (await gold.PostAsync<BookingDto>("/api/bookings", gold.BookingRequest(station.Id, date, time, email: "gold.loyalty@example.com"))).Ok(HttpStatusCode.Created);

        // Platinum: choose the chef; others may not.
        var chosen = bronze.BookingRequest(station.Id, HibachiApiClient.FutureDate(20), "18:00", email: "bronze.loyalty@example.com", chefId: chef.Chef.Id);
        Assert.Contains("Platinum", (await bronze.PostAsync<BookingDto>("/api/bookings", chosen)).Refused(HttpStatusCode.Forbidden).Detail);
        var vip = (await platinum.PostAsync<BookingDto>("/api/bookings", chosen with { Customer = chosen.Customer! with { Email = "platinum.loyalty@example.com" } }))
            .Ok(HttpStatusCode.Created);
        Assert.Equal(chef.Chef.Id, vip.ChefId);
    }

    /// <summary>A local date and a whole-hour time in New York whose start is within the window from now.</summary>
    private static (DateOnly Date, string Time) StartBetween(TimeSpan earliest, TimeSpan latest)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var now = DateTimeOffset.UtcNow;
        for (var hours = (int)earliest.TotalHours + 1; hours < latest.TotalHours; hours++)
        {
            var local = TimeZoneInfo.ConvertTime(now.AddHours(hours), zone);
            if (local.Hour is >= 10 and <= 20)
            {
                return (DateOnly.FromDateTime(local.DateTime), $"{local.Hour:00}:00");
            }
        }

        throw new InvalidOperationException("No daytime start in the window.");
    }

    /// <summary>A customer's party, paid in full (cash) and completed a couple of days ago.</summary>
    private async Task<(HibachiApiClient Customer, BookingDto Booking)> PaidEventAsync(
        Guid stationId, string email, HibachiApiClient? customer = null, string? street = null, bool byCard = false)
    {
        customer ??= await ConfirmedCustomerAsync(email, Password);
        var booking = await customer.CreateBookingAsync(stationId, HibachiApiClient.FutureDate(), email: email);
        if (street is not null)
        {
            // Someone else's party: their own address and phone.
            await Host.ExecuteAsync("UPDATE bookings SET address_line1 = @street, contact_phone = '(470) 555-0177' WHERE id = @id", ("street", street), ("id", booking.Id));
        }

        var cash = booking.Pricing.TotalCents;
        if (byCard)
        {
            // The deposit through Stripe's Checkout with the card that succeeds; recorded when Stripe's webhook arrives.
            var checkout = (await customer.PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session",
                new CheckoutSessionRequest(booking.Id, PaymentPurpose.Deposit))).Ok();
            Host.Stripe!.Pay(checkout.SessionId);
            await EventuallyAsync(() => Host.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE booking_id = @id AND method = 'Card'", ("id", booking.Id)),
                count => count == 1, what: "the card deposit recorded");
            cash -= booking.Pricing.DepositCents;
        }

        (await Api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual",
            new ManualPaymentRequest(cash, PaymentMethod.Cash, null, null, null))).Ok();
        if ((await Api.GetBookingAsync(booking.Id)).Booking.Status == BookingStatus.Pending)
        {
            (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Ok();
        }

        var daysAgo = 2 + Interlocked.Increment(ref _events);
        await Host.ExecuteAsync(
            $"UPDATE bookings SET starts_at = now() - interval '{daysAgo} days', ends_at = now() - interval '{daysAgo} days' + interval '2 hours', "
            + $"chef_busy_from = now() - interval '{daysAgo} days' - interval '1 hour', chef_busy_to = now() - interval '{daysAgo} days' + interval '3 hours' WHERE id = @id",
            ("id", booking.Id));
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/complete")).Ok();
        return (customer, booking);
    }
}
