using System.Net;
using System.Text.Json;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Api;

public sealed class StationsAndQuotesApiTests(ApiAppHost host) : ApiTest(host)
{
    [Fact]
    public async Task Stations_are_created_updated_and_refuse_bad_input()
    {
        var station = await Api.CreateStationAsync();
        var read = await Api.GetAsync<StationDto>($"/api/stations/{station.Id}");
        var updated = (await Api.PutAsync<StationDto>($"/api/stations/{station.Id}", new StationRequest(null, "Atlanta North", null, null, 80, 24, null, null), read.ETag)).Ok();

        Assert.Equal("Atlanta North", updated.Name);
        Assert.Equal(80, updated.ServiceRadiusMiles);
        Assert.Equal(24, updated.MinimumNoticeHours);
        (await Api.PostAsync<StationDto>("/api/stations", new StationRequest("BAD CODE", "x", "America/New_York", "30303", 50, null, null, null))).InvalidField("code");
        (await Api.PostAsync<StationDto>("/api/stations", new StationRequest("ok1", "x", "Mars/Olympus", "30303", 50, null, null, null))).InvalidField("timeZone");
        (await Api.PostAsync<StationDto>("/api/stations", new StationRequest("ok2", "x", "America/New_York", "00000", 50, null, null, null))).InvalidField("baseZip");
        (await Api.PostAsync<StationDto>("/api/stations", new StationRequest("ok3", "x", "America/New_York", "30303", 0, null, null, null))).InvalidField("serviceRadiusMiles");
        (await Api.PostAsync<StationDto>("/api/stations", new StationRequest(station.Code, "x", "America/New_York", "30303", 10, null, null, null))).InvalidField("code");
        (await Api.GetAsync<StationDto>($"/api/stations/{Guid.NewGuid()}")).Refused(HttpStatusCode.NotFound);

        // The contact details customers see: set, kept when not sent, cleared when blank, checked.
        var withContact = (await Api.PutAsync<StationDto>($"/api/stations/{station.Id}",
            new StationRequest(null, null, null, null, null, null, null, null, "(404) 555-0123", "North@Example.com"))).Ok();
        Assert.Equal(("(404) 555-0123", "north@example.com"), (withContact.Phone, withContact.Email));
        var kept = (await Api.PutAsync<StationDto>($"/api/stations/{station.Id}", new StationRequest(null, "Atlanta North", null, null, null, null, null, null))).Ok();
        Assert.Equal("(404) 555-0123", kept.Phone);
        var cleared = (await Api.PutAsync<StationDto>($"/api/stations/{station.Id}", new StationRequest(null, null, null, null, null, null, null, null, "", null))).Ok();
        Assert.Null(cleared.Phone);
        (await Api.PutAsync<StationDto>($"/api/stations/{station.Id}", new StationRequest(null, null, null, null, null, null, null, null, null, "not-an-email"))).InvalidField("email");
        (await Api.PutAsync<StationDto>($"/api/stations/{station.Id}", new StationRequest(null, null, null, null, null, null, null, null, "call me", null))).InvalidField("phone");
    }

    [Fact]
    public async Task The_service_area_check_names_the_station_and_the_travel_fee()
    {
        await Api.CreateStationAsync();

        var near = (await Api.GetAsync<ServiceAreaDto>("/api/service-area?zip=30305")).Ok();
        var far = (await Api.GetAsync<ServiceAreaDto>("/api/service-area?zip=30601")).Ok(); // Athens, ~60 mi
        var outside = (await Api.GetAsync<ServiceAreaDto>("/api/service-area?zip=10001")).Ok();
        var unknown = (await Api.GetAsync<ServiceAreaDto>("/api/service-area?zip=hello")).Ok();

        Assert.True(near.Serviceable);
        Assert.Equal(0, near.TravelFeeCents);
        Assert.True(far.Serviceable);
        Assert.True(far.TravelFeeCents > 0);
        Assert.False(outside.Serviceable);
        Assert.False(unknown.Serviceable);
    }

    [Fact]
    public async Task The_menu_lists_prices_allergens_and_diets_from_the_database()
    {
        var menu = (await Api.GetAsync<MenuDto>("/api/menu")).Ok();

        Assert.Equal(await Host.ScalarAsync<long>("SELECT value FROM price_items WHERE code = 'adult_price'"), menu.Prices.AdultCents);
        Assert.Contains(menu.Items, i => i.Code == "lobster_tail" && i.Allergens.Contains("shellfish"));
        Assert.Contains(menu.Items, i => i.Code == "tofu" && i.DietaryTags.Contains("vegan"));
    }

    [Fact]
    public async Task A_quote_keeps_its_prices_and_converts_into_a_booking_at_those_prices()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var original = await Host.ScalarAsync<long>("SELECT value FROM price_items WHERE code = 'adult_price'");
        var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30601", 15, 3, null,
            [new SelectionDto("lobster_tail", 4), new SelectionDto("edamame", 2)], new QuoteContact("Grace", "grace@example.com", null), null))).Ok(HttpStatusCode.Created);
        Assert.Equal(station.Id, quote.StationId);
        Assert.True(quote.Pricing.TravelFeeCents > 0);
        Assert.True(quote.ExpiresAt > DateTimeOffset.UtcNow.AddDays(13));
        try
        {
            await Host.ExecuteAsync("UPDATE price_items SET value = value + 2500 WHERE code = 'adult_price'");

            Assert.Equal(JsonSerializer.Serialize(quote.Pricing), JsonSerializer.Serialize((await Api.GetAsync<QuoteDto>($"/api/quote/{quote.Id}")).Ok().Pricing));
            var booking = (await Api.PostAsync<BookingDto>($"/api/quote/{quote.Id}/convert", new ConvertQuoteRequest(
                HibachiApiClient.FutureDate(), "18:00", null, new ContactRequest("Grace", "Lee", "grace@example.com", null),
                new AddressDto("1 College Ave", null, "Athens", "GA", null), "No shellfish for two guests", null))).Ok(HttpStatusCode.Created);

            Assert.Equal(quote.Pricing.TotalCents, booking.Pricing.TotalCents);
            Assert.Equal(15 * original, Assert.Single(booking.Pricing.Lines, l => l.Code == "adult").TotalCents);
            Assert.Equal(quote.Id, booking.QuoteId);
            Assert.Equal(booking.Id, (await Api.GetAsync<QuoteDto>($"/api/quote/{quote.Id}")).Ok().BookingId);
            (await Api.PostAsync<BookingDto>($"/api/quote/{quote.Id}/convert", new ConvertQuoteRequest(HibachiApiClient.FutureDate(), "12:00", null,
                new ContactRequest("Grace", "Lee", "grace@example.com", null), new AddressDto("1 College Ave", null, "Athens", "GA", null), null, null)))
                .Refused(HttpStatusCode.Conflict);
        }
        finally
        {
            await Host.ExecuteAsync("UPDATE price_items SET value = @v WHERE code = 'adult_price'", ("v", original));
        }
    }

    [Fact]
    public async Task Converting_needs_the_quote_s_address_and_an_unexpired_quote()
    {
        await Api.CreateStationAsync();
        var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 10, 0, null, null, null, null))).Ok(HttpStatusCode.Created);
        var request = new ConvertQuoteRequest(HibachiApiClient.FutureDate(), "18:00", null, new ContactRequest("A", "B", "ab@example.com", null),
            new AddressDto("1 Main", null, "Atlanta", "GA", "30601"), null, null);

        (await Api.PostAsync<BookingDto>($"/api/quote/{quote.Id}/convert", request)).InvalidField("address.zip");
        (await Api.PostAsync<BookingDto>($"/api/quote/{quote.Id}/convert", request with { Address = null })).InvalidField("address");
        await Host.ExecuteAsync("UPDATE quotes SET expires_at = now() - interval '1 minute' WHERE id = @id", ("id", quote.Id));
        (await Api.PostAsync<BookingDto>($"/api/quote/{quote.Id}/convert", request with { Address = request.Address! with { Zip = "30305" } })).Refused(HttpStatusCode.Conflict);
        (await Api.PostAsync<BookingDto>($"/api/quote/{Guid.NewGuid()}/convert", request)).Refused(HttpStatusCode.NotFound);
        (await Api.GetAsync<QuoteDto>($"/api/quote/{Guid.NewGuid()}")).Refused(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"zip":"30305"}""", "adults")]
    [InlineData("""{"zip":"30305","adults":-5}""", "adults")]
    [InlineData("""{"zip":"30305","adults":5,"children":-1}""", "children")]
    [InlineData("""{"zip":"303","adults":5}""", "zip")]
    [InlineData("""{"zip":"10001","adults":5}""", "zip")]
    [InlineData("""{"zip":"30305","adults":5,"eventDate":"2020-01-01"}""", "eventDate")]
    [InlineData("""{"zip":"30305","adults":5,"selections":[{"code":"caviar","quantity":1}]}""", "selections[0].code")]
    [InlineData("""{"zip":"30305","adults":5,"contact":{"email":"bad"}}""", "contact.email")]
    [InlineData("""{"zip":30305,"adults":5}""", "zip")]
    [InlineData("""{"zip":"30305","adults":5.5}""", "adults")]
    public async Task Bad_quote_input_names_the_field(string body, string field)
    {
        await Api.CreateStationAsync();

        (await Api.PostAsync<string>("/api/quote/calculate", body)).InvalidField(field);
    }

    [Fact]
    public async Task Quotes_left_without_booking_become_leads_once()
    {
        await Api.CreateStationAsync();
        var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 10, 0, null, null,
            new QuoteContact("Sam Quote", "sam.quote@example.com", null), LeadSource.Instagram))).Ok(HttpStatusCode.Created);
        await Host.ExecuteAsync("UPDATE quotes SET created_at = now() - interval '2 days' WHERE id = @id", ("id", quote.Id));

        var service = await Host.CreateServiceClientAsync();
        var first = (await service.PostAsync<FollowUpResult>("/api/internal/quotes/follow-up")).Ok();
        var second = (await service.PostAsync<FollowUpResult>("/api/internal/quotes/follow-up")).Ok();

        Assert.Equal(1, first.Leads);
        Assert.Equal(0, second.Leads);
        Assert.Equal(nameof(LeadReason.AbandonedQuote), await Host.ScalarAsync<string>("SELECT reason FROM leads WHERE email = 'sam.quote@example.com'"));
        Assert.Equal(nameof(LeadSource.Instagram), await Host.ScalarAsync<string>("SELECT source FROM leads WHERE email = 'sam.quote@example.com'"));
    }
}
