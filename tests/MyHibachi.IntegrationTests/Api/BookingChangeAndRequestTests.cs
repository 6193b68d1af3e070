using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Api;

/// <summary>
/// What the site builds on for changes and requests: a change priced before it is saved, the open
/// times a booking can move to (its own chef's, itself not counted), customers told what they can do
/// (never another booking's reference), the booking terms, and requests that cannot be booked online.
/// </summary>
public sealed class BookingChangeAndRequestTests(ApiAppHost host) : ApiTest(host)
{
    [Fact]
    public async Task A_change_is_priced_and_checked_before_it_is_saved_and_nothing_is_written()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(), adults: 10);
        var (_, etag) = await Api.GetBookingAsync(booking.Id);

        var preview = (await Api.PostAsync<BookingChangePreviewDto>($"/api/bookings/{booking.Id}/preview",
            new UpdateBookingRequest(null, "19:00", 14, null, null, null, null, null, null))).Ok();

        Assert.Equal(booking.Pricing.TotalCents, preview.Current.TotalCents);
        Assert.True(preview.Proposed.TotalCents > preview.Current.TotalCents);
        Assert.Equal(preview.Proposed.TotalCents - preview.Current.TotalCents, preview.DifferenceCents);
        Assert.Equal("19:00", preview.LocalStartTime);
        Assert.True(preview.Moved);
        Assert.Equal(14, preview.Adults);
        var (unchanged, etagAfter) = await Api.GetBookingAsync(booking.Id);
        Assert.Equal(10, unchanged.Adults);
        Assert.Equal(booking.StartsAt, unchanged.StartsAt);
        Assert.Equal(etag, etagAfter);

        (await Api.PostAsync<BookingChangePreviewDto>($"/api/bookings/{booking.Id}/preview",
            new UpdateBookingRequest(null, "25:00", 0, null, null, null, null, null, null))).InvalidField("adults");
        (await Api.PostAsync<string>($"/api/bookings/{Guid.NewGuid()}/preview", new UpdateBookingRequest(null, null, 12, null, null, null, null, null, null)))
            .Refused(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_booking_moves_only_to_its_own_chef_s_open_times_and_its_own_time_counts_as_free()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id, maxPerDay: 1)).Chef;
        var date = HibachiApiClient.FutureDate(12);
        var booking = await Api.CreateBookingAsync(station.Id, date, "18:00");
        Assert.Equal(chef.Id, booking.ChefId);
        var query = $"from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}";

        // For the station, the only chef is taken that day (one event a day); for the booking itself, the day is open.
        var stationSlots = (await Api.GetAsync<StationSlotsDto>($"/api/stations/{station.Id}/slots?{query}")).Ok();
        Assert.Empty(Assert.Single(stationSlots.Days).Slots);
        Assert.False(stationSlots.Days[0].Closed); // booked up, not closed
        var empty = await Api.CreateStationAsync();
        var nobody = (await Api.GetAsync<StationSlotsDto>($"/api/stations/{empty.Id}/slots?{query}")).Ok();
        Assert.True(Assert.Single(nobody.Days).Closed); // no chef works there at all
        var own = (await Api.GetAsync<StationSlotsDto>($"/api/bookings/{booking.Id}/slots?{query}")).Ok();
        var times = Assert.Single(own.Days).Slots.Select(s => s.LocalTime).ToList();
        Assert.Contains("18:00", times);
        Assert.Contains("12:00", times);

        // A second chef's time is not where this booking can go: with chef one busy, a booking on another day shows only chef one's times.
        var other = (await Api.CreateChefAsync(station.Id, start: "09:00", end: "13:00")).Chef;
        var second = await Api.CreateBookingAsync(station.Id, date.AddDays(1), "18:00");
        Assert.Equal(chef.Id, second.ChefId);
        var secondDay = (await Api.GetAsync<StationSlotsDto>($"/api/bookings/{second.Id}/slots?from={date.AddDays(1):yyyy-MM-dd}&to={date.AddDays(1):yyyy-MM-dd}")).Ok();
        Assert.All(Assert.Single(secondDay.Days).Slots, s => Assert.Equal(1, s.AvailableChefs));
        Assert.Contains(secondDay.Days[0].Slots, s => s.LocalTime == "20:00");
        _ = other;
    }

    [Fact]
    public async Task A_customer_whose_chef_is_busy_is_told_what_to_do_without_another_booking_s_reference()
    {
        var station = await Api.CreateStationAsync();
        var chef = (await Api.CreateChefAsync(station.Id, maxPerDay: 2)).Chef;
        var date = HibachiApiClient.FutureDate(14);
        var email = $"mover-{Guid.NewGuid():N}@example.com";
        var customer = await ConfirmedCustomerAsync(email, "Moving day passphrase 4");
        var mine = await Api.CreateBookingAsync(station.Id, date, "12:00", email: email);
        var theirs = await Api.CreateBookingAsync(station.Id, date, "18:00");
        Assert.Equal(chef.Id, mine.ChefId);
        Assert.Equal(chef.Id, theirs.ChefId);

        var refused = (await customer.PostAsync<string>($"/api/bookings/{mine.Id}/preview",
            new UpdateBookingRequest(null, "18:00", null, null, null, null, null, null, null))).Refused(HttpStatusCode.Conflict);
        Assert.DoesNotContain(theirs.Reference, refused.Detail + refused.Title);
        Assert.DoesNotContain("reassign", (refused.Detail ?? "").ToLowerInvariant());

        // Staff see why, with the reference, and what they can do about it.
        var staff = (await Api.PostAsync<string>($"/api/bookings/{mine.Id}/preview",
            new UpdateBookingRequest(null, "18:00", null, null, null, null, null, null, null))).Refused(HttpStatusCode.Conflict);
        Assert.Contains(theirs.Reference, staff.Detail);
    }

    [Fact]
    public async Task The_booking_terms_say_how_long_a_date_is_held_and_what_cancelling_costs()
    {
        var terms = (await Host.CreateAnonymousClient().GetAsync<BookingTermsDto>("/api/v1/payments/terms")).Ok();

        Assert.True(terms.HoldHours > 0);
        Assert.Contains("% when cancelled", terms.CancellationPolicy);
        Assert.False(string.IsNullOrWhiteSpace(terms.PayInstructions));
    }

    [Fact]
    public async Task Requests_from_outside_the_area_and_for_large_parties_become_leads_with_their_facts()
    {
        var station = await Api.CreateStationAsync(zip: "30303");
        var visitor = Host.CreateAnonymousClient();
        var far = $"far-{Guid.NewGuid():N}@example.com";
        (await visitor.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("Sam Seattle", far, null, null, LeadSource.Web, null, LeadReason.OutOfServiceArea, "98101")))
            .Ok(HttpStatusCode.Accepted);
        var big = $"big-{Guid.NewGuid():N}@example.com";
        var wanted = HibachiApiClient.FutureDate(60);
        (await visitor.PostAsync<LeadReceipt>("/api/leads", new InquiryRequest("Bea Banquet", big, null, "Company picnic", LeadSource.Web, null, LeadReason.LargeParty, "30305", 150, wanted)))
            .Ok(HttpStatusCode.Accepted);

        var leads = (await Api.GetAsync<PagedList<LeadDto>>("/api/admin/leads?pageSize=100")).Ok().Items;
        var outside = Assert.Single(leads, l => l.Email == far);
        Assert.Equal(LeadReason.OutOfServiceArea, outside.Reason);
        Assert.Equal("98101", outside.Details["zip"]);
        Assert.NotNull(outside.StationId);
        var party = Assert.Single(leads, l => l.Email == big);
        Assert.Equal(LeadReason.LargeParty, party.Reason);
        Assert.Equal("150", party.Details["guests"]);
        Assert.Equal(wanted.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), party.Details["eventDate"]);
        _ = station;

        (await visitor.PostAsync<string>("/api/leads", new InquiryRequest("No Zip", far, null, null, null, null, LeadReason.OutOfServiceArea))).InvalidField("zip");
        (await visitor.PostAsync<string>("/api/leads", new InquiryRequest("No Count", far, null, null, null, null, LeadReason.LargeParty))).InvalidField("guests");
        (await visitor.PostAsync<string>("/api/leads", new InquiryRequest("Bad Zip", far, null, null, null, null, LeadReason.OutOfServiceArea, "ABCDE"))).InvalidField("zip");
        (await visitor.PostAsync<string>("/api/leads", new InquiryRequest("Sneaky", far, null, null, null, null, LeadReason.DepositNotPaid))).InvalidField("reason");
        (await visitor.PostAsync<string>("/api/leads", new InquiryRequest("Past", far, null, null, null, null, LeadReason.LargeParty, null, 80, new DateOnly(2020, 1, 1))))
            .InvalidField("eventDate");
    }
}
