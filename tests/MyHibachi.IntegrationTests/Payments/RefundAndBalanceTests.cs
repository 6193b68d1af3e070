using System.Net;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Payments;

/// <summary>Refunds by the cancellation policy, manual money, and the balance charged to the saved card.</summary>
public sealed class RefundAndBalanceTests(ApiAppHost host) : PaymentTest(host)
{
    private async Task<(BookingDto Booking, HibachiApiClient Guest)> PaidBookingAsync(int daysAhead, string? email = null)
    {
        var (booking, guest) = await GuestBookingAsync(daysAhead, email);
        var checkout = await CheckoutAsync(guest, booking);
        Stripe.Pay(checkout.SessionId);
        await WaitForPaymentAsync(checkout.PaymentId, PaymentAttemptStatus.Succeeded);
        return (booking, guest);
    }

    [Fact]
    public async Task Partial_refunds_add_up_and_never_exceed_what_was_paid()
    {
        var (booking, _) = await PaidBookingAsync(daysAhead: 20);
        var deposit = booking.Pricing.DepositCents;
        var quote = (await MoneyAsync(booking.Id)).RefundQuote;
        Assert.Equal((100, deposit), (quote.RefundPercent, quote.RefundableCents));

        var first = (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, deposit * 40 / 100, null, null))).Ok();
        Assert.Equal(deposit * 40 / 100, first.AmountCents);
        Assert.StartsWith("re_", Assert.Single(first.Entries).StripeRefundId, StringComparison.Ordinal);
        var tooMuch = (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, deposit, null, null))).Refused(HttpStatusCode.Conflict);
        Assert.Equal(ProblemCodes.RefundTooLarge, tooMuch.Code);
        var rest = (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, null, null, null))).Ok();
        Assert.Equal(deposit - deposit * 40 / 100, rest.AmountCents);
        Assert.Equal(ProblemCodes.NothingToRefund,
            (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, 1, null, null))).Refused(HttpStatusCode.Conflict).Code);

        // Stripe's charge.refunded events for our own refunds add nothing.
        await Stripe.WaitForDeliveriesAsync();
        var money = await MoneyAsync(booking.Id);
        Assert.Equal((deposit, deposit, 0L), (money.Summary.PaidCents, money.Summary.RefundedCents, money.Summary.NetPaidCents));
        Assert.Equal(3, money.Entries.Count);
        (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, -5, null, null))).InvalidField("amountCents");
        (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(null, 5, null, null))).InvalidField("bookingId");
    }

    [Fact]
    public async Task Inside_the_half_refund_tier_more_than_half_needs_an_override_with_a_reason()
    {
        var (booking, _) = await PaidBookingAsync(daysAhead: 5);
        var deposit = booking.Pricing.DepositCents;
        var quote = (await MoneyAsync(booking.Id)).RefundQuote;
        Assert.Equal((50, deposit / 2), (quote.RefundPercent, quote.RefundableCents));
        Assert.Contains("100% when cancelled 10 days or more", quote.Policy, StringComparison.Ordinal);

        var refused = (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, deposit, null, null))).Refused(HttpStatusCode.Conflict);
        Assert.Equal(ProblemCodes.RefundTooLarge, refused.Code);
        (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, deposit, "short", true))).InvalidField("reason");

        var overridden = (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund",
            new RefundRequest(booking.Id, deposit, "Chef fell ill; we could not send a replacement", true))).Ok();
        Assert.Equal(deposit, overridden.AmountCents);
        Assert.Equal("Chef fell ill; we could not send a replacement", Assert.Single(overridden.Entries).Note);
        Assert.Equal(0, overridden.Booking.NetPaidCents);
    }

    [Fact]
    public async Task Cancelling_refunds_by_the_policy_once_and_tells_the_customer()
    {
        var email = $"cancel-{Guid.NewGuid():N}@example.com";
        var (booking, _) = await PaidBookingAsync(daysAhead: 20, email);
        var (_, etag) = await Api.GetBookingAsync(booking.Id);

        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/cancel", new CancelBookingRequest("The party moved abroad"), etag)).Ok();

        var money = await Until(() => MoneyAsync(booking.Id), m => m.Summary.RefundedCents > 0, "the cancellation refund");
        Assert.Equal(booking.Pricing.DepositCents, money.Summary.RefundedCents);
        Assert.Equal("cancellation", money.Entries.Single(e => e.Kind == LedgerEntryKind.Refund).Reference);
        // The Workers' refund call repeated (a redelivered event) refunds nothing more.
        var repeat = (await (await ServiceAsync()).PostAsync<RefundDto>($"/api/internal/payments/refund-cancelled/{booking.Id}")).Ok();
        Assert.Equal(0, repeat.AmountCents);
        Assert.Equal(2, (await MoneyAsync(booking.Id)).Entries.Count);
        Assert.Contains("Refund of", await Host.WaitForMailAsync(email, "Refund of"));
    }

    [Fact]
    public async Task Staff_record_cash_and_other_payments_with_audit_and_refund_them_by_hand()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(20));

        (await Api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual", new ManualPaymentRequest(5_000, PaymentMethod.Card, null, null, null)))
            .InvalidField("method");
        (await Api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual", new ManualPaymentRequest(0, PaymentMethod.Cash, null, null, null)))
            .InvalidField("amountCents");
        (await Api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual",
            new ManualPaymentRequest(booking.Pricing.TotalCents + 1, PaymentMethod.Cash, null, null, null))).InvalidField("amountCents");

        var zelle = (await Api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual",
            new ManualPaymentRequest(booking.Pricing.DepositCents, PaymentMethod.Zelle, PaymentPurpose.Deposit, "ZL-7781", "Paid by the host's sister"))).Ok();
        Assert.Equal(("manual", ApiAppHost.AdminEmail), (zelle.Source, zelle.RecordedByName));
        Assert.Equal(BookingStatus.Confirmed, (await Api.GetBookingAsync(booking.Id)).Booking.Status);
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity_type = 'LedgerEntry' AND entity_id = @id", ("id", zelle.Id.ToString())));

        var cash = (await Api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual",
            new ManualPaymentRequest(booking.Pricing.TotalCents - booking.Pricing.DepositCents, PaymentMethod.Cash, null, null, null))).Ok();
        Assert.Equal(PaymentPurpose.Balance, cash.Purpose);
        Assert.Equal(0, (await MoneyAsync(booking.Id)).Summary.DueCents);

        // Card refunds need Stripe money; by hand, the same policy and limits hold.
        Assert.Equal(ProblemCodes.NothingToRefund,
            (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, 100, null, null))).Refused(HttpStatusCode.Conflict).Code);
        var back = (await Api.PostAsync<RefundDto>($"/api/v1/payments/bookings/{booking.Id}/manual-refund",
            new ManualRefundRequest(2_000, PaymentMethod.Venmo, "Two guests fewer", null))).Ok();
        Assert.Equal(booking.Pricing.TotalCents - 2_000, back.Booking.NetPaidCents);
        (await Api.PostAsync<RefundDto>($"/api/v1/payments/bookings/{booking.Id}/manual-refund",
            new ManualRefundRequest(booking.Pricing.TotalCents, PaymentMethod.Cash, null, null))).Refused(HttpStatusCode.Conflict);

        // Nobody else records money.
        using var anonymous = Host.CreateAnonymousClient();
        (await anonymous.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual",
            new ManualPaymentRequest(100, PaymentMethod.Cash, null, null, null))).Refused(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_balance_is_charged_to_the_saved_card_and_a_card_that_needs_the_customer_gets_a_pay_link_and_a_dashboard_alert()
    {
        var (charged, _) = await PaidBookingAsync(daysAhead: 6);
        Stripe.SavedMethod = LocalStripeServer.MethodNeedsAuthentication;
        var email = $"balance-{Guid.NewGuid():N}@example.com";
        var (needsCustomer, guest) = await PaidBookingAsync(daysAhead: 7, email);

        var service = await ServiceAsync();
        var run = (await service.PostAsync<PaymentJobResult>("/api/internal/payments/charge-balances")).Ok();
        Assert.Equal(2, run.Checked);
        Assert.Equal(0, (await service.PostAsync<PaymentJobResult>("/api/internal/payments/charge-balances")).Ok().Checked);

        var paid = await MoneyAsync(charged.Id);
        Assert.Equal(0, paid.Summary.DueCents);
        var balance = paid.Entries.Single(e => e.Purpose == PaymentPurpose.Balance);
        Assert.Equal(charged.Pricing.TotalCents - charged.Pricing.DepositCents, balance.AmountCents);
        Assert.Single(Stripe.Requests, r => r.Path == "/v1/payment_intents" && r.Body.Contains(charged.Id.ToString(), StringComparison.Ordinal)
                                            && r.Body.Contains("off_session=true", StringComparison.Ordinal));

        var owing = await MoneyAsync(needsCustomer.Id);
        Assert.True(owing.Summary.DueCents > 0);
        Assert.Equal(PaymentAttemptStatus.Failed, owing.LastAttempt!.Status);
        var mail = await Host.WaitForMailAsync(email, "Action needed");
        Assert.Contains($"/Pay/{needsCustomer.Id}?token=", mail);
        var dashboard = (await Api.GetAsync<DashboardDto>("/api/admin/dashboard")).Ok();
        Assert.Contains(dashboard.PaymentAlerts, a => a.BookingId == needsCustomer.Id && a.AmountCents == owing.Summary.DueCents);

        // The customer pays the balance through the link.
        var checkout = await CheckoutAsync(guest, needsCustomer, PaymentPurpose.Balance);
        Assert.Equal(owing.Summary.DueCents, checkout.AmountCents);
        Stripe.Pay(checkout.SessionId);
        await WaitForPaymentAsync(checkout.PaymentId, PaymentAttemptStatus.Succeeded);
        Assert.Equal(0, (await MoneyAsync(needsCustomer.Id)).Summary.DueCents);
        Assert.DoesNotContain((await Api.GetAsync<DashboardDto>("/api/admin/dashboard")).Ok().PaymentAlerts, a => a.BookingId == needsCustomer.Id);
    }
}
