using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MyHibachi.Contracts;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.UnitTests.Notifications;

public sealed class EmailTemplatesTests
{
    private static readonly EmailTemplates Templates = new(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);

    private static BookingDto Booking(string name, string? chef = "Kenji Tanaka") => new(
        Guid.NewGuid(), "MH-7K3Q9P", Guid.NewGuid(), Guid.NewGuid(), null, chef, null, BookingStatus.Pending,
        DateTimeOffset.Parse("2027-03-06T23:00:00Z"), DateTimeOffset.Parse("2027-03-07T01:00:00Z"), new DateOnly(2027, 3, 6), "18:00",
        "America/New_York", 120, 10, 2, new ContactDto(name, "pat@example.com", null),
        new AddressDto("12 Peachtree St", null, "Atlanta", "GA", "30305"), [],
        new PricingDto([], 65_000, 0, 65_000, 10_000, 55_000, 20, 13_000, 3.2), null, null, LeadSource.Web, null,
        null, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, []);

    [Fact]
    public async Task A_booking_email_shows_the_booking_and_encodes_what_the_customer_typed()
    {
        var model = new BookingEmailModel(Booking("Pat <script>alert(1)</script>"), "We've got your date: MH-7K3Q9P", "Thank you for booking!");

        var html = await Templates.RenderAsync<BookingEmail>(new Dictionary<string, object?> { [nameof(BookingEmail.Model)] = model });

        Assert.Contains("MH-7K3Q9P", html);
        Assert.Contains("Saturday, March 6, 2027 at 6:00 PM ET", html);
        Assert.Contains("12 Peachtree St, Atlanta, GA 30305", html);
        Assert.Contains("Kenji Tanaka", html);
        Assert.Contains("$650.00", html);
        Assert.Contains("deposit $100.00", html);
        Assert.Contains("balance $550.00", html);
        Assert.Contains("Pat &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Guests: 10 adults, 2 children", model.Text);
    }

    [Fact]
    public async Task A_booking_waiting_for_its_deposit_says_what_is_held_until_when_what_is_owed_and_what_cancelling_costs()
    {
        var booking = Booking("Pat");
        var hold = DateTimeOffset.Parse("2027-02-01T23:00:00Z");
        var summary = new PaymentSummaryDto(65_000, 10_000, 0, 0, 0, 65_000, 10_000, false, hold, true);
        var money = new BookingPaymentsDto(booking.Id, booking.Reference, BookingStatus.Pending, booking.LocalDate, booking.LocalStartTime, booking.TimeZone, 12,
            "Pat", summary, [], [], new RefundQuoteDto(booking.Id, 0, 0, 100, "100% when cancelled 10 days or more before the event; 0% after that."), null,
            "Pay by Zelle to payments@myhibachi.example.");
        var terms = new BookingTermsDto(24, 3, "100% when cancelled 10 days or more before the event; 0% after that.", true, money.PayInstructions);
        var model = new BookingEmailModel(booking, "Your date is held: MH-7K3Q9P", "Held.", "https://pay.example/x");
        model = model with { Terms = BookingEmailModel.DepositTerms(model, money, terms) };

        var html = await Templates.RenderAsync<BookingEmail>(new Dictionary<string, object?> { [nameof(BookingEmail.Model)] = model });

        // 23:00 UTC on Feb 1 is 6:00 PM in Atlanta: the hold is told in the station's own time.
        Assert.Contains("we hold your date until Monday, February 1 at 6:00 PM ET", html);
        Assert.Contains("Pay the $100.00 deposit by then", html);
        Assert.Contains("The balance of $550.00 is due before the party; the card you pay the deposit with is charged 3 days before.", html);
        Assert.Contains("Pay by Zelle to payments@myhibachi.example.", model.Text);
        Assert.Contains("If you cancel: 100% when cancelled 10 days or more", model.Text);
    }

    [Fact]
    public async Task A_booking_without_a_chef_leaves_the_chef_row_out()
    {
        var model = new BookingEmailModel(Booking("Pat", chef: null), "Subject", "Lead");

        var html = await Templates.RenderAsync<BookingEmail>(new Dictionary<string, object?> { [nameof(BookingEmail.Model)] = model });

        Assert.DoesNotContain(">Chef<", html);
        Assert.DoesNotContain("Chef:", model.Text);
    }

    [Fact]
    public async Task The_confirmation_email_links_to_the_confirmation_page()
    {
        var html = await Templates.RenderAsync<AccountConfirmationEmail>(new Dictionary<string, object?>
        {
            [nameof(AccountConfirmationEmail.DisplayName)] = "Robin",
            [nameof(AccountConfirmationEmail.Link)] = "https://myhibachi.example/Account/Confirm?email=r%40x.com&token=abc",
        });

        Assert.Contains("href=\"https://myhibachi.example/Account/Confirm?email=r%40x.com&amp;token=abc\"", html);
        Assert.Contains("Hi Robin,", html);
    }
}
