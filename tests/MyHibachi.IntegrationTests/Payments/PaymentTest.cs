using System.Net;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Payments;

/// <summary>
/// Payment tests against the running AppHost with the local Stripe server in Stripe's place:
/// Stripe.net in the Api talks to it through Stripe:ApiBase, and it posts webhooks signed with the
/// Api's webhook secret, as Stripe does.
/// </summary>
public abstract class PaymentTest(ApiAppHost host) : ApiTest(host), IAsyncLifetime
{
    protected LocalStripeServer Stripe => Host.Stripe!;

    /// <summary>Stripe's delivery switch is shared by the host: every test starts with webhooks on.</summary>
    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Stripe.DeliverWebhooks = true;
        Stripe.SavedMethod = LocalStripeServer.MethodSucceeds;
    }

    /// <summary>A station with a chef, and a guest (no account) who quoted and booked: the booking carries its pay token.</summary>
    protected async Task<(BookingDto Booking, HibachiApiClient Guest)> GuestBookingAsync(int daysAhead = 20, string? email = null, int adults = 12)
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        email ??= $"guest-{Guid.NewGuid():N}@example.com";
        var guest = Host.CreateAnonymousClient();
        var quote = (await guest.PostAsync<QuoteDto>("/api/quote/calculate",
            new QuoteRequest(null, "30305", adults, 0, null, null, new QuoteContact("Gia Guest", email, null), null))).Ok(HttpStatusCode.Created);
        var booking = (await guest.PostAsync<BookingDto>($"/api/quote/{quote.Id}/convert", new ConvertQuoteRequest(
            HibachiApiClient.FutureDate(daysAhead), "18:00", null, new ContactRequest("Gia", "Guest", email, null),
            new AddressDto("12 Peachtree St", null, "Atlanta", "GA", null), null, null))).Ok(HttpStatusCode.Created);
        Assert.NotNull(booking.PayToken);
        return (booking, guest);
    }

    protected static async Task<CheckoutSessionDto> CheckoutAsync(HibachiApiClient client, BookingDto booking, PaymentPurpose purpose = PaymentPurpose.Deposit) =>
        (await client.PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session", new CheckoutSessionRequest(booking.Id, purpose, booking.PayToken))).Ok();

    protected async Task<BookingPaymentsDto> MoneyAsync(Guid bookingId) =>
        (await Api.GetAsync<BookingPaymentsDto>($"/api/v1/payments/bookings/{bookingId}")).Ok();

    protected async Task<PaymentStatusDto> WaitForPaymentAsync(Guid paymentId, PaymentAttemptStatus expected) =>
        await Until(async () => (await Api.GetAsync<PaymentStatusDto>($"/api/v1/stripe/payment/{paymentId}")).Ok(), p => p.Status == expected,
            $"payment {paymentId} to become {expected}");

    protected async Task<HibachiApiClient> ServiceAsync() => await Host.CreateServiceClientAsync();

    /// <summary>Asks again until the condition holds (events travel through the outbox, RabbitMQ and the Workers).</summary>
    protected static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 45)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var pause = 100.0;
        T value;
        while (!done(value = await read()))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            // Backing off keeps a long wait within the Api's per-client rate limit.
            await Task.Delay((int)pause);
            pause = Math.Min(pause * 1.5, 1_000);
        }

        return value;
    }
}
