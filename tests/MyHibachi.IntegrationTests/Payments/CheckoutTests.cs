using System.Net;
using System.Net.Http.Headers;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Payments;

/// <summary>The deposit through Stripe Checkout, from quote to confirmed booking, invoice and e-mail; failures, expiry, lost webhooks and doubles.</summary>
public sealed class CheckoutTests(ApiAppHost host) : PaymentTest(host)
{
    [Fact]
    public async Task A_guest_pays_the_deposit_and_the_booking_is_confirmed_with_its_ledger_row_and_an_invoice_pdf_stored_and_emailed()
    {
        var email = $"payer-{Guid.NewGuid():N}@example.com";
        var (booking, guest) = await GuestBookingAsync(email: email);
        Assert.Equal(BookingStatus.Pending, booking.Status);
        var before = await MoneyAsync(booking.Id);
        Assert.NotNull(before.Summary.HoldExpiresAt);
        Assert.Equal(booking.Pricing.DepositCents, before.Summary.DepositDueCents);

        var checkout = await CheckoutAsync(guest, booking);
        Assert.Equal(booking.Pricing.DepositCents, checkout.AmountCents);
        Assert.StartsWith(Stripe.Address.ToString(), checkout.Url, StringComparison.Ordinal);
        // The create call carried an idempotency key made from our payment id.
        var create = Assert.Single(Stripe.Requests, r => r.Method == "POST" && r.Path == "/v1/checkout/sessions" && r.Body.Contains(booking.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal($"checkout-{checkout.PaymentId}", create.Headers["Idempotency-Key"]);
        Assert.Contains("payment_intent_data[setup_future_usage]=off_session", Uri.UnescapeDataString(create.Body), StringComparison.Ordinal);

        // The return page says "processing" until Stripe's word arrives.
        var processing = (await guest.GetAsync<PaymentStatusDto>($"/api/v1/stripe/payment/{checkout.PaymentId}")).Ok();
        Assert.Equal(PaymentAttemptStatus.Open, processing.Status);

        Stripe.Pay(checkout.SessionId);
        var paid = await WaitForPaymentAsync(checkout.PaymentId, PaymentAttemptStatus.Succeeded);
        Assert.True(paid.Booking.DepositPaid);
        Assert.Null(paid.Booking.HoldExpiresAt);

        var (confirmed, _) = await Api.GetBookingAsync(booking.Id);
        Assert.Equal(BookingStatus.Confirmed, confirmed.Status);
        var money = await Until(() => MoneyAsync(booking.Id), m => m.Invoices.Any(i => i.HasPdf && i.EmailedAt is not null), "the invoice to be stored and e-mailed");
        var entry = Assert.Single(money.Entries);
        Assert.Equal((LedgerEntryKind.Payment, PaymentMethod.Card, booking.Pricing.DepositCents), (entry.Kind, entry.Method, entry.AmountCents));
        Assert.Equal(booking.Pricing.TotalCents - booking.Pricing.DepositCents, money.Summary.DueCents);
        var invoice = Assert.Single(money.Invoices);
        Assert.Matches($"^{DateTime.UtcNow.Year}-\\d{{6}}$", invoice.Number);
        Assert.Equal(invoice.Number, entry.InvoiceNumber);

        // The customer downloads it with the pay token; a stranger cannot.
        var pdf = await guest.Http.GetAsync($"/api/v1/invoices/{invoice.Id}/pdf?token={booking.PayToken}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.Contains("private", pdf.Headers.CacheControl?.ToString());
        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/invoices/{invoice.Id}/pdf?token={booking.PayToken}") { Headers = { Range = new RangeHeaderValue(0, 99) } };
        Assert.Equal(HttpStatusCode.PartialContent, (await guest.Http.SendAsync(range)).StatusCode);
        using var stranger = Host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/v1/invoices/{invoice.Id}/pdf")).StatusCode);

        var mail = await Host.WaitForMailAsync(email, "Payment received");
        Assert.Contains(invoice.Number, mail);
        Assert.Contains($"filename=invoice-{invoice.Number}.pdf", mail.Replace("\"", ""), StringComparison.Ordinal);
        Assert.Contains("application/pdf", mail);
    }

    [Fact]
    public async Task A_declined_card_records_no_money_and_confirms_nothing_and_a_second_card_then_pays()
    {
        var (booking, guest) = await GuestBookingAsync();
        var checkout = await CheckoutAsync(guest, booking);

        Assert.Throws<InvalidOperationException>(() => Stripe.Pay(checkout.SessionId, LocalStripeServer.CardDeclines));
        var failed = await WaitForPaymentAsync(checkout.PaymentId, PaymentAttemptStatus.Failed);
        Assert.Contains("declined", failed.FailureMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await MoneyAsync(booking.Id)).Entries);
        Assert.Equal(BookingStatus.Pending, (await Api.GetBookingAsync(booking.Id)).Booking.Status);

        // Still on Stripe's page, the customer tries another card: that one counts.
        Stripe.Pay(checkout.SessionId);
        await WaitForPaymentAsync(checkout.PaymentId, PaymentAttemptStatus.Succeeded);
        Assert.Equal(BookingStatus.Confirmed, (await Api.GetBookingAsync(booking.Id)).Booking.Status);
        Assert.Single((await MoneyAsync(booking.Id)).Entries);
    }

    [Fact]
    public async Task Concurrent_checkout_requests_share_one_open_session_and_a_paid_deposit_is_never_asked_for_again()
    {
        var (booking, guest) = await GuestBookingAsync();

        var sessions = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var tab = Host.CreateAnonymousClient();
            return await CheckoutAsync(tab, booking);
        }));

        Assert.Single(sessions.Select(s => s.SessionId).Distinct());
        Assert.Single(sessions.Select(s => s.PaymentId).Distinct());
        Assert.Single(Stripe.Requests, r => r.Method == "POST" && r.Path == "/v1/checkout/sessions" && r.Body.Contains(booking.Id.ToString(), StringComparison.Ordinal));

        Stripe.Pay(sessions[0].SessionId);
        await WaitForPaymentAsync(sessions[0].PaymentId, PaymentAttemptStatus.Succeeded);
        var again = (await guest.PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session",
            new CheckoutSessionRequest(booking.Id, PaymentPurpose.Deposit, booking.PayToken))).Refused(HttpStatusCode.Conflict);
        Assert.Equal(ProblemCodes.NothingToPay, again.Code);

        // A reschedule moves the party; the deposit stays paid and nothing is charged again.
        var (current, etag) = await Api.GetBookingAsync(booking.Id);
        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}",
            new UpdateBookingRequest(current.LocalDate.AddDays(2), "17:00", null, null, null, null, null, null, null), etag)).Ok();
        Assert.Equal(ProblemCodes.NothingToPay, (await guest.PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session",
            new CheckoutSessionRequest(booking.Id, PaymentPurpose.Deposit, booking.PayToken))).Refused(HttpStatusCode.Conflict).Code);
        var money = await MoneyAsync(booking.Id);
        Assert.Single(money.Entries);
        Assert.True(money.Summary.DepositPaid);
        Assert.Equal(BookingStatus.Confirmed, (await Api.GetBookingAsync(booking.Id)).Booking.Status);
    }

    [Fact]
    public async Task A_price_change_during_checkout_changes_nothing_charged_for_the_booking()
    {
        var (booking, guest) = await GuestBookingAsync();
        var checkout = await CheckoutAsync(guest, booking);
        var deposit = (await Api.GetAsync<IReadOnlyList<PriceItemDto>>("/api/v1/admin/pricing")).Ok().Single(p => p.Code == "deposit");
        try
        {
            (await Api.PutAsync<PriceItemDto>($"/api/v1/admin/pricing/{deposit.Id}", new PriceUpdateRequest(deposit.Value + 5000, "Deposit raised for the holiday season"))).Ok();

            var again = await CheckoutAsync(guest, booking);
            Assert.Equal((checkout.SessionId, checkout.AmountCents), (again.SessionId, again.AmountCents));
            Stripe.Pay(again.SessionId);
            await WaitForPaymentAsync(again.PaymentId, PaymentAttemptStatus.Succeeded);

            var money = await MoneyAsync(booking.Id);
            Assert.Equal(booking.Pricing.DepositCents, Assert.Single(money.Entries).AmountCents);
            Assert.Equal(booking.Pricing.TotalCents, money.Summary.TotalCents);
            Assert.True(money.Summary.DepositPaid);
        }
        finally
        {
            await Host.ExecuteAsync("UPDATE price_items SET value = @v WHERE id = @id", ("v", deposit.Value), ("id", deposit.Id));
        }
    }

    [Fact]
    public async Task A_lost_webhook_is_repaired_by_reconciliation_and_its_late_delivery_changes_nothing()
    {
        var (booking, guest) = await GuestBookingAsync();
        var checkout = await CheckoutAsync(guest, booking);
        Stripe.DeliverWebhooks = false;
        Stripe.Pay(checkout.SessionId);
        var events = Stripe.Events.ToList();

        await Task.Delay(500);
        Assert.Equal(PaymentAttemptStatus.Open, (await Api.GetAsync<PaymentStatusDto>($"/api/v1/stripe/payment/{checkout.PaymentId}")).Ok().Status);
        var daily = (await Api.GetAsync<DailyPaymentsDto>("/api/v1/payments/daily")).Ok();
        Assert.Contains(daily.Rows, r => r.BookingId == booking.Id && r.Entry is null && r.Difference != null && r.StripeReportedCents == checkout.AmountCents);

        var reconciled = (await (await ServiceAsync()).PostAsync<PaymentJobResult>("/api/internal/payments/reconcile")).Ok();
        Assert.True(reconciled.Changed >= 1);
        var status = (await Api.GetAsync<PaymentStatusDto>($"/api/v1/stripe/payment/{checkout.PaymentId}")).Ok();
        Assert.Equal(PaymentAttemptStatus.Succeeded, status.Status);
        Assert.Equal(BookingStatus.Confirmed, (await Api.GetBookingAsync(booking.Id)).Booking.Status);

        // Stripe retries the lost events later: each is processed, none adds money.
        Stripe.DeliverWebhooks = true;
        foreach (var late in events.Where(e => e.Contains(booking.Id.ToString(), StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, await Stripe.DeliverAsync(late));
        }

        var money = await MoneyAsync(booking.Id);
        Assert.Single(money.Entries);
        Assert.Equal(booking.Pricing.DepositCents, money.Summary.NetPaidCents);
        daily = (await Api.GetAsync<DailyPaymentsDto>("/api/v1/payments/daily")).Ok();
        Assert.DoesNotContain(daily.Rows, r => r.BookingId == booking.Id && r.Difference != null);
        Assert.Contains(daily.Rows, r => r.BookingId == booking.Id && r.Entry != null && r.StripeReportedCents == r.RecordedCents);
    }

    [Fact]
    public async Task An_expired_checkout_and_an_unpaid_hold_release_the_chef_and_leave_a_lead_while_a_paid_one_is_kept()
    {
        var (unpaid, guest) = await GuestBookingAsync();
        var checkout = await CheckoutAsync(guest, unpaid);
        Stripe.ExpireNow(checkout.SessionId);
        await WaitForPaymentAsync(checkout.PaymentId, PaymentAttemptStatus.Expired);

        // Paid, but every webhook lost (Stripe gave up): the hold must not cancel it.
        var (paid, payer) = await GuestBookingAsync(daysAhead: 22);
        var paidCheckout = await CheckoutAsync(payer, paid);
        Stripe.DeliverWebhooks = false;
        Stripe.Pay(paidCheckout.SessionId);

        await Host.ExecuteAsync("UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = ANY(@ids)", ("ids", new[] { unpaid.Id, paid.Id }));
        var released = (await (await ServiceAsync()).PostAsync<PaymentJobResult>("/api/internal/payments/release-holds")).Ok();
        Assert.Equal(1, released.Changed);

        var (cancelled, _) = await Api.GetBookingAsync(unpaid.Id);
        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.Contains("deposit was not paid", cancelled.CancelReason, StringComparison.Ordinal);
        var leads = (await Api.GetAsync<PagedList<LeadDto>>($"/api/admin/leads?q={Uri.EscapeDataString(unpaid.Contact.Email)}")).Ok();
        Assert.Contains(leads.Items, l => l.Reason == LeadReason.DepositNotPaid);
        Assert.Equal(BookingStatus.Confirmed, (await Api.GetBookingAsync(paid.Id)).Booking.Status);
        Assert.Single((await MoneyAsync(paid.Id)).Entries);

        // The released chef takes a new party at that very time.
        var again = await Api.CreateBookingAsync(unpaid.StationId, unpaid.LocalDate, unpaid.LocalStartTime);
        Assert.Equal(unpaid.ChefId, again.ChefId);
    }

    [Fact]
    public async Task A_payment_intent_for_an_embedded_card_form_is_shared_by_concurrent_requests_and_counts_once_confirmed()
    {
        var (booking, guest) = await GuestBookingAsync();

        var intents = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
            (await guest.PostAsync<PaymentIntentDto>("/api/v1/stripe/payment-intent", new PaymentIntentRequest(booking.Id, PaymentPurpose.Deposit, booking.PayToken))).Ok()));
        var intent = Assert.Single(intents.DistinctBy(i => i.PaymentIntentId));
        Assert.StartsWith($"{intent.PaymentIntentId}_secret_", intent.ClientSecret, StringComparison.Ordinal);
        Assert.Equal(booking.Pricing.DepositCents, intent.AmountCents);

        Stripe.ConfirmPaymentIntent(intent.PaymentIntentId, TestSupport.LocalStripeServer.CardDeclines);
        await WaitForPaymentAsync(intent.PaymentId, PaymentAttemptStatus.Failed);
        Stripe.ConfirmPaymentIntent(intent.PaymentIntentId);
        await WaitForPaymentAsync(intent.PaymentId, PaymentAttemptStatus.Succeeded);
        var money = await MoneyAsync(booking.Id);
        Assert.Equal(booking.Pricing.DepositCents, Assert.Single(money.Entries).AmountCents);
        Assert.Equal(BookingStatus.Confirmed, (await Api.GetBookingAsync(booking.Id)).Booking.Status);
    }

    [Fact]
    public async Task Paying_needs_the_booking_s_own_customer_staff_or_its_pay_token()
    {
        var (booking, _) = await GuestBookingAsync();
        using var stranger = Host.CreateAnonymousClient();

        foreach (var token in new string?[] { null, "", "not-the-token", booking.PayToken![..^2] + "xx" })
        {
            (await stranger.PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session", new CheckoutSessionRequest(booking.Id, PaymentPurpose.Deposit, token)))
                .Refused(HttpStatusCode.NotFound);
            (await stranger.GetAsync<BookingPaymentsDto>($"/api/v1/payments/bookings/{booking.Id}?token={token}")).Refused(HttpStatusCode.NotFound);
        }

        var view = (await stranger.GetAsync<BookingPaymentsDto>($"/api/v1/payments/bookings/{booking.Id}?token={booking.PayToken}")).Ok();
        Assert.Equal(booking.Reference, view.Reference);
        Assert.NotEmpty(view.PayInstructions);
        (await stranger.PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session", new CheckoutSessionRequest(null, null))).InvalidField("bookingId");
        (await stranger.PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session", """{"bookingId":"00000000-0000-0000-0000-000000000001","purpose":"Tip"}"""))
            .InvalidField("purpose");
        (await stranger.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, 100, null, null))).Refused(HttpStatusCode.Unauthorized);
    }
}
