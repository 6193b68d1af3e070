using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Api;

/// <summary>An Api with the audit trail, soft delete and failed-booking lead capture switched off.</summary>
public sealed class FlagsOffAppHost : ApiAppHost
{
    /// <summary>No Stripe keys either: money is taken by hand only.</summary>
    protected override bool WithStripe => false;

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--Api:FeatureManagement:FEATURE_AUDIT_TRAIL=false",
        "--Api:FeatureManagement:FEATURE_SOFT_DELETE=false",
        "--Api:FeatureManagement:FEATURE_FAILED_BOOKING_LEAD_CAPTURE=false",
    ];
}

/// <summary>
/// Switching a feature off takes it away whole: its endpoints answer 404 with a problem naming the
/// flag, and its side effects (audit rows, leads from failed bookings) stop, while the rest works.
/// </summary>
public sealed class FeatureFlagsOffTests : IClassFixture<FlagsOffAppHost>
{
    private readonly FlagsOffAppHost _host;

    public FeatureFlagsOffTests(FlagsOffAppHost host) => _host = host;

    [Fact]
    public async Task Switched_off_features_answer_404_and_leave_no_trace_while_the_core_keeps_working()
    {
        using var api = await _host.CreateAdminClientAsync();
        var auditRows = await _host.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var station = await api.CreateStationAsync();
        await api.CreateChefAsync(station.Id);
        var booking = await api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        Assert.Equal(BookingStatus.Pending, booking.Status);

        var audit = (await api.GetAsync<object>("/api/admin/audit")).Refused(HttpStatusCode.NotFound);
        Assert.Contains("FEATURE_AUDIT_TRAIL", audit.Detail);
        Assert.Equal(auditRows, await _host.ScalarAsync<long>("SELECT count(*) FROM audit_log"));

        var delete = await api.DeleteAsync($"/api/bookings/{booking.Id}", "Customer asked us to remove it");
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.Contains("FEATURE_SOFT_DELETE", delete.Problem?.Detail);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync<BookingDto>($"/api/bookings/{booking.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/customers/{booking.CustomerId}", "Customer asked us to remove it")).Status);

        var outOfArea = await api.PostAsync<BookingDto>("/api/bookings",
            api.BookingRequest(station.Id, HibachiApiClient.FutureDate(), zip: "10001", email: "flags.off@example.com"));
        outOfArea.InvalidField("address.zip");
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT count(*) FROM leads WHERE email = 'flags.off@example.com'"));
    }

    [Fact]
    public async Task Without_Stripe_keys_the_site_says_how_to_pay_and_staff_record_the_money_by_hand()
    {
        using var api = await _host.CreateAdminClientAsync();
        var station = await api.CreateStationAsync();
        await api.CreateChefAsync(station.Id);
        var booking = await api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(15));

        var refused = (await api.PostAsync<CheckoutSessionDto>("/api/v1/stripe/checkout-session", new CheckoutSessionRequest(booking.Id, PaymentPurpose.Deposit)))
            .Refused(HttpStatusCode.Conflict);
        Assert.Equal(ProblemCodes.CardPaymentsNotConfigured, refused.Code);
        var money = (await api.GetAsync<BookingPaymentsDto>($"/api/v1/payments/bookings/{booking.Id}")).Ok();
        Assert.False(money.Summary.CardPaymentsAvailable);
        Assert.Contains("Zelle", money.PayInstructions, StringComparison.Ordinal);
        var webhook = await api.PostAsync<object>("/api/v1/stripe/webhook", """{"id":"evt_1","type":"checkout.session.completed"}""",
            headers: new Dictionary<string, string> { ["Stripe-Signature"] = "t=1,v1=00" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, webhook.Status);

        var entry = (await api.PostAsync<LedgerEntryDto>($"/api/v1/payments/bookings/{booking.Id}/manual",
            new ManualPaymentRequest(booking.Pricing.DepositCents, PaymentMethod.Check, null, "Check #1042", null))).Ok();
        Assert.Equal(PaymentPurpose.Deposit, entry.Purpose);
        Assert.Equal(BookingStatus.Confirmed, (await api.GetAsync<BookingDto>($"/api/bookings/{booking.Id}")).Ok().Status);
        (await api.PostAsync<RefundDto>("/api/v1/stripe/refund", new RefundRequest(booking.Id, 100, null, null))).Refused(HttpStatusCode.Conflict);
    }
}
