using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Api;

public sealed class LeadsApiTests(ApiAppHost host) : ApiTest(host)
{
    [Fact]
    public async Task An_inquiry_enters_the_queue_and_staff_claim_it_move_it_and_take_notes()
    {
        var receipt = (await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("Chloe Davis", null, "(470) 555-0199", "Corporate lunch for 40?", LeadSource.Facebook, null)))
            .Ok(HttpStatusCode.Accepted);

        var queue = (await Api.GetAsync<PagedList<LeadDto>>("/api/admin/leads?status=New")).Ok();
        var lead = Assert.Single(queue.Items);
        Assert.Equal(receipt.Id, lead.Id);
        Assert.Equal(LeadSource.Facebook, lead.Source);
        Assert.Equal(LeadReason.Inquiry, lead.Reason);
        Assert.Equal("Corporate lunch for 40?", lead.Details["message"]);

        var claimed = (await Api.PostAsync<LeadDto>($"/api/admin/leads/{lead.Id}/claim")).Ok();
        Assert.NotNull(claimed.ClaimedAt);
        var contacted = (await Api.PostAsync<LeadDto>($"/api/admin/leads/{lead.Id}/status", new LeadStatusRequest(LeadStatus.Contacted, "Left a voicemail"))).Ok();
        Assert.Equal(LeadStatus.Contacted, contacted.Status);
        var noted = (await Api.PostAsync<LeadDto>($"/api/admin/leads/{lead.Id}/notes", new LeadNoteRequest("Call back Thursday"))).Ok();
        // The workers add their own follow-up note at some point; staff notes keep their order.
        string[] staffNotes = ["[Contacted] Left a voicemail", "Call back Thursday"];
        Assert.Equal(staffNotes, noted.Notes.Select(n => n.Text).Where(staffNotes.Contains));
        Assert.Empty((await Api.GetAsync<PagedList<LeadDto>>("/api/admin/leads?status=New")).Ok().Items);
    }

    [Fact]
    public async Task Lead_queue_input_is_checked()
    {
        (await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("No Contact", null, null, null, null, null))).InvalidField("email");
        (await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest(null, "a@example.com", null, null, null, null))).InvalidField("name");
        (await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("X", "a@example.com", null, new string('m', 2001), null, null))).InvalidField("message");
        var receipt = (await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("X", "x@example.com", null, null, null, null))).Ok(HttpStatusCode.Accepted);
        (await Api.PostAsync<LeadDto>($"/api/admin/leads/{receipt.Id}/status", new LeadStatusRequest(null, null))).InvalidField("status");
        (await Api.PostAsync<string>($"/api/admin/leads/{receipt.Id}/status", """{"status":"Married"}""")).InvalidField("status");
        (await Api.PostAsync<LeadDto>($"/api/admin/leads/{receipt.Id}/notes", new LeadNoteRequest(" "))).InvalidField("text");
        (await Api.PostAsync<LeadDto>($"/api/admin/leads/{Guid.NewGuid()}/claim")).Refused(HttpStatusCode.NotFound);
        (await Api.GetAsync<string>("/api/admin/leads?source=Pigeon")).InvalidField("source");
    }

    [Fact]
    public async Task A_booking_converts_the_open_lead_of_the_same_person()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("Sam", "convert.me@example.com", null, "Pricing?", null, null));

        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(), email: "convert.me@example.com");

        var lead = Assert.Single((await Api.GetAsync<PagedList<LeadDto>>("/api/admin/leads?q=convert.me")).Ok().Items);
        Assert.Equal(LeadStatus.Converted, lead.Status);
        Assert.Equal(booking.Id, lead.BookingId);
    }

    [Fact]
    public async Task A_deleted_lead_leaves_the_queue_and_can_be_restored()
    {
        var receipt = (await Api.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("Spam Bot", "spam@example.com", null, null, null, null))).Ok(HttpStatusCode.Accepted);

        (await Api.DeleteAsync($"/api/admin/leads/{receipt.Id}", "spam")).InvalidField("reason");
        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/admin/leads/{receipt.Id}", "Obvious spam submission")).Status);
        Assert.Empty((await Api.GetAsync<PagedList<LeadDto>>("/api/admin/leads")).Ok().Items);
        (await Api.PostAsync<LeadDto>($"/api/admin/leads/{receipt.Id}/restore")).Ok();
        Assert.Single((await Api.GetAsync<PagedList<LeadDto>>("/api/admin/leads")).Ok().Items);
    }
}
