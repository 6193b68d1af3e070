using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.WholeSystem;

/// <summary>Api → outbox → RabbitMQ → Workers → back through the Api: the whole event path, for real.</summary>
public sealed class WorkerFlowTests(ApiAppHost host) : ApiTest(host)
{
    private string Pickup => Host.MailPickup;

    [Fact]
    public async Task A_new_booking_reaches_the_customer_s_inbox_once()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var email = $"worker-{Guid.NewGuid():N}@example.com";

        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(), email: email);

        var message = await WaitForMailAsync(email);
        Assert.Contains(booking.Reference, message);
        // Pending with no deposit paid: the e-mail says the date is held, not booked.
        Assert.Contains("Subject: Your date is held", message);
        var inbox = (await (await Host.CreateServiceClientAsync()).GetAsync<PagedList<HandledMessageDto>>("/api/internal/handled-messages/notifications")).Ok();
        var entry = Assert.Single(inbox.Items);
        Assert.Equal(1, entry.Deliveries);
        Assert.True(File.Exists(Path.Combine(Pickup, entry.MessageId + ".eml")));
    }

    [Fact]
    public async Task A_captured_lead_is_followed_up_by_e_mail_and_noted_for_staff()
    {
        var email = $"lead-{Guid.NewGuid():N}@example.com";

        var receipt = (await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("Dana Lead", email, null, "Do you cater weddings?", null, null)))
            .Ok(HttpStatusCode.Accepted);

        var message = await WaitForMailAsync(email);
        Assert.Contains("Thanks for reaching out", message);
        LeadDto? lead = null;
        for (var i = 0; i < 100 && lead?.Notes.Count is null or 0; i++)
        {
            await Task.Delay(100);
            lead = (await Api.GetAsync<LeadDto>($"/api/admin/leads/{receipt.Id}")).Ok();
        }

        Assert.Contains(lead!.Notes, n => n.Text.Contains($"Follow-up e-mail sent to {email}", StringComparison.Ordinal));
    }

    private Task<string> WaitForMailAsync(string recipient) => Host.WaitForMailAsync(recipient);
}
