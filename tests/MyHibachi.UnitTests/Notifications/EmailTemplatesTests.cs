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
        Assert.Contains("Saturday 6 March 2027 at 18:00 (America/New_York)", html);
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
