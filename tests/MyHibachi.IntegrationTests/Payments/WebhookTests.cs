using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Payments;

/// <summary>Stripe's webhooks: signatures checked before anything is read, every event processed once, any order ending in the same state.</summary>
public sealed class WebhookTests(ApiAppHost host) : PaymentTest(host)
{
    private async Task<HttpStatusCode> PostAsync(string body, string? signature, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stripe/webhook") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        using var client = Host.CreateAnonymousClient();
        using var response = await client.Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return response.StatusCode;
    }

    private Task<long> StoredEventsAsync() => Host.ScalarAsync<long>("SELECT count(*) FROM stripe_events");

    [Fact]
    public async Task Forged_stale_and_unsigned_webhooks_are_refused_with_400_before_anything_is_read_or_stored()
    {
        var (booking, guest) = await GuestBookingAsync();
        var checkout = await CheckoutAsync(guest, booking);
        Stripe.DeliverWebhooks = false;
        Stripe.Pay(checkout.SessionId);
        var completed = Stripe.EventsOf("checkout.session.completed").Last();
        var stored = await StoredEventsAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(completed, null));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(completed, ""));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(completed, $"t={now}"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(completed, Stripe.Sign(completed, secret: "whsec_someone_else")));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(completed, Stripe.Sign(completed, now - 600)));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(completed, Stripe.Sign(completed, now + 600)));
        // Signed for one body, sent with another (the amount doubled): the signature no longer matches.
        var tampered = completed.Replace($"\"amount_total\":{checkout.AmountCents}", $"\"amount_total\":{checkout.AmountCents * 2}", StringComparison.Ordinal);
        Assert.NotEqual(completed, tampered);
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(tampered, Stripe.Sign(completed)));
        // Garbage with a forged signature is refused for its signature, not for its content.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{{{ not json", "t=1,v1=00"));
        // A valid signature over something that is not an event is still refused, and stored nowhere.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{\"hello\":\"world\"}", Stripe.Sign("{\"hello\":\"world\"}")));

        Assert.Equal(stored, await StoredEventsAsync());
        Assert.Empty((await MoneyAsync(booking.Id)).Entries);
        Assert.Equal(PaymentAttemptStatus.Open, (await Api.GetAsync<PaymentStatusDto>($"/api/v1/stripe/payment/{checkout.PaymentId}")).Ok().Status);

        // While a secret rolls, Stripe signs with both: any matching v1 is enough.
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var rolled = $"t={t},v1={Stripe.Sign(completed, t, "whsec_old_secret").Split("v1=")[1]},{Stripe.Sign(completed, t).Split(',')[1]}";
        Assert.Equal(HttpStatusCode.OK, await PostAsync(completed, rolled));
        Assert.Equal(booking.Pricing.DepositCents, Assert.Single((await MoneyAsync(booking.Id)).Entries).AmountCents);
    }

    [Fact]
    public async Task A_thousand_replays_of_one_event_record_the_payment_once()
    {
        var (booking, guest) = await GuestBookingAsync();
        var checkout = await CheckoutAsync(guest, booking);
        Stripe.Pay(checkout.SessionId);
        await WaitForPaymentAsync(checkout.PaymentId, PaymentAttemptStatus.Succeeded);
        await Stripe.WaitForDeliveriesAsync();
        var completed = Stripe.EventsOf("checkout.session.completed").Single(e => e.Contains(checkout.SessionId, StringComparison.Ordinal));
        var stored = await StoredEventsAsync();

        using var gate = new SemaphoreSlim(8);
        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                return await Stripe.DeliverAsync(completed, attempts: 1);
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(stored, await StoredEventsAsync());
        var money = await MoneyAsync(booking.Id);
        Assert.Single(money.Entries);
        Assert.Equal(booking.Pricing.DepositCents, money.Summary.NetPaidCents);
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE type = 'payment.recorded' AND payload::text LIKE @b",
            ("b", $"%{booking.Id}%")));
    }

    [Fact]
    public async Task Events_in_any_order_leave_the_same_money_and_states()
    {
        // One booking's whole story with every webhook held back: a declined card, a good one, a refund
        // staff made in the Api and one made in Stripe's dashboard.
        var (booking, guest) = await GuestBookingAsync();
        var checkout = await CheckoutAsync(guest, booking);
        Stripe.DeliverWebhooks = false;
        Assert.Throws<InvalidOperationException>(() => Stripe.Pay(checkout.SessionId, TestSupport.LocalStripeServer.CardDeclines));
        var intent = Stripe.Pay(checkout.SessionId);
        (await (await ServiceAsync()).PostAsync<PaymentJobResult>("/api/internal/payments/reconcile")).Ok();
        (await Api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, 1_000, null, null))).Ok();
        await DashboardRefundAsync(intent, 2_500);
        var story = Stripe.Events.Where(e => e.Contains(booking.Id.ToString(), StringComparison.Ordinal) || e.Contains(intent, StringComparison.Ordinal)).ToList();
        Assert.Contains(story, e => e.Contains("\"charge.refunded\"", StringComparison.Ordinal));
        Assert.Contains(story, e => e.Contains("\"payment_intent.payment_failed\"", StringComparison.Ordinal));

        var random = new Random(20261202);
        for (var round = 0; round < 3; round++)
        {
            foreach (var stripeEvent in story.OrderBy(_ => random.Next()))
            {
                Assert.Equal(HttpStatusCode.OK, await Stripe.DeliverAsync(stripeEvent, attempts: 1));
            }
        }

        var money = await MoneyAsync(booking.Id);
        Assert.Equal(3, money.Entries.Count);
        Assert.Equal(booking.Pricing.DepositCents, money.Entries.Single(e => e.Kind == LedgerEntryKind.Payment).AmountCents);
        Assert.Equal([1_000, 2_500], money.Entries.Where(e => e.Kind == LedgerEntryKind.Refund).Select(e => e.AmountCents).Order());
        Assert.Equal(booking.Pricing.DepositCents - 3_500, money.Summary.NetPaidCents);
        Assert.Equal(PaymentAttemptStatus.Succeeded, money.LastAttempt!.Status);
        Assert.Equal(BookingStatus.Confirmed, (await Api.GetBookingAsync(booking.Id)).Booking.Status);
    }

    [Fact]
    public async Task A_payment_whose_events_arrive_refund_first_is_recorded_with_its_refund()
    {
        var (booking, guest) = await GuestBookingAsync();
        var checkout = await CheckoutAsync(guest, booking);
        Stripe.DeliverWebhooks = false;
        var intent = Stripe.Pay(checkout.SessionId);
        await DashboardRefundAsync(intent, 4_000);

        var refunded = Stripe.EventsOf("charge.refunded").Single(e => e.Contains(intent, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await Stripe.DeliverAsync(refunded, attempts: 1));

        var money = await MoneyAsync(booking.Id);
        Assert.Equal(booking.Pricing.DepositCents, money.Summary.PaidCents);
        Assert.Equal(4_000, money.Summary.RefundedCents);
        Assert.Equal(PaymentAttemptStatus.Succeeded, money.LastAttempt!.Status);
    }

    /// <summary>A refund made in Stripe's dashboard: straight to Stripe's API, not through ours.</summary>
    private async Task DashboardRefundAsync(string paymentIntent, long amount)
    {
        using var dashboard = new HttpClient { BaseAddress = Stripe.Address };
        dashboard.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Stripe.SecretKey);
        using var response = await dashboard.PostAsync("/v1/refunds", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["payment_intent"] = paymentIntent,
            ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("refund", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["object"]!.GetValue<string>());
    }
}
