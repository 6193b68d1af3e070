using System.Net;
using System.Text.Json;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Api;

public sealed class BookingsApiTests(ApiAppHost host) : ApiTest(host)
{
    [Fact]
    public async Task A_booking_is_created_pending_priced_from_the_database_and_held_by_a_free_chef()
    {
        var station = await Api.CreateStationAsync();
        var chef = await Api.CreateChefAsync(station.Id);
        var date = HibachiApiClient.FutureDate();
        var adultPrice = await Host.ScalarAsync<long>("SELECT value FROM price_items WHERE code = 'adult_price'");

        var response = await Api.PostAsync<BookingDto>("/api/bookings",
            Api.BookingRequest(station.Id, date, "18:00", adults: 14, children: 2, selections: [new SelectionDto("filet_mignon", 3)]));

        var booking = response.Ok(HttpStatusCode.Created);
        Assert.Equal(BookingStatus.Pending, booking.Status);
        Assert.Equal(chef.Chef.Id, booking.ChefId);
        Assert.Matches("^MH-[A-Z0-9]{6}$", booking.Reference);
        Assert.Equal(date, booking.LocalDate);
        Assert.Equal("18:00", booking.LocalStartTime);
        Assert.Equal(150, booking.DurationMinutes); // 16 guests
        Assert.Equal(14 * adultPrice, Assert.Single(booking.Pricing.Lines, l => l.Code == "adult").TotalCents);
        Assert.Equal(booking.Pricing.Lines.Sum(l => l.TotalCents), booking.Pricing.TotalCents);
        Assert.NotNull(response.ETag);
        Assert.Equal($"/api/bookings/{booking.Id}", response.Headers.Location?.ToString());
        Assert.Contains("confirm", booking.AllowedActions);
    }

    [Fact]
    public async Task A_price_change_reaches_new_bookings_but_never_existing_ones()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var date = HibachiApiClient.FutureDate();
        var original = await Host.ScalarAsync<long>("SELECT value FROM price_items WHERE code = 'adult_price'");
        var before = await Api.CreateBookingAsync(station.Id, date, "12:00", adults: 20);
        try
        {
            await Host.ExecuteAsync("UPDATE price_items SET value = @v WHERE code = 'adult_price'", ("v", original + 1000));

            var after = await Api.CreateBookingAsync(station.Id, date, "18:00", adults: 20);
            Assert.Equal(20 * (original + 1000), Assert.Single(after.Pricing.Lines, l => l.Code == "adult").TotalCents);

            // The earlier booking keeps its price, even when its party changes.
            var (current, etag) = await Api.GetBookingAsync(before.Id);
            Assert.Equal(20 * original, Assert.Single(current.Pricing.Lines, l => l.Code == "adult").TotalCents);
            var changed = (await Api.PutAsync<BookingDto>($"/api/bookings/{before.Id}", new UpdateBookingRequest(null, null, 22, null, null, null, null, null, null), etag)).Ok();
            Assert.Equal(22 * original, Assert.Single(changed.Pricing.Lines, l => l.Code == "adult").TotalCents);
        }
        finally
        {
            await Host.ExecuteAsync("UPDATE price_items SET value = @v WHERE code = 'adult_price'", ("v", original));
        }
    }

    public static TheoryData<string, Func<CreateBookingRequest, CreateBookingRequest>> BadBookings => new()
    {
        { "customer", r => r with { Customer = null } },
        { "customer.email", r => r with { Customer = r.Customer! with { Email = "not-an-email" } } },
        { "customer.firstName", r => r with { Customer = r.Customer! with { FirstName = new string('x', 101) } } },
        { "customer.phone", r => r with { Customer = r.Customer! with { Phone = "call me maybe" } } },
        { "eventDate", r => r with { EventDate = null } },
        { "eventDate", r => r with { EventDate = HibachiApiClient.FutureDate(-3) } },
        { "eventDate", r => r with { EventDate = HibachiApiClient.FutureDate(1) } },
        { "eventDate", r => r with { EventDate = HibachiApiClient.FutureDate(900) } },
        { "startTime", r => r with { StartTime = null } },
        { "startTime", r => r with { StartTime = "25:00" } },
        { "startTime", r => r with { StartTime = "18:10" } },
        { "adults", r => r with { Adults = null } },
        { "adults", r => r with { Adults = -4 } },
        { "adults", r => r with { Adults = 0 } },
        { "children", r => r with { Children = -1 } },
        { "children", r => r with { Adults = 50, Children = 20 } },
        { "address", r => r with { Address = null } },
        { "address.line1", r => r with { Address = r.Address! with { Line1 = "" } } },
        { "address.line1", r => r with { Address = r.Address! with { Line1 = new string('a', 201) } } },
        { "address.state", r => r with { Address = r.Address! with { State = "Georgia" } } },
        { "address.zip", r => r with { Address = r.Address! with { Zip = "abcde" } } },
        { "address.zip", r => r with { Address = r.Address! with { Zip = "99999" } } },
        { "address.zip", r => r with { Address = r.Address! with { Zip = "10001" } } },
        { "selections[0].code", r => r with { Selections = [new SelectionDto("caviar", 1)] } },
        { "selections[0].quantity", r => r with { Selections = [new SelectionDto("gyoza", -1)] } },
        { "dietaryNotes", r => r with { DietaryNotes = new string('n', 2001) } },
        { "customerId", r => r with { CustomerId = Guid.NewGuid(), Customer = null } },
    };

    [Theory]
    [MemberData(nameof(BadBookings))]
    public async Task Bad_booking_input_is_refused_with_a_message_on_the_field(string field, Func<CreateBookingRequest, CreateBookingRequest> spoil)
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);

        var response = await Api.PostAsync<BookingDto>("/api/bookings", spoil(Api.BookingRequest(station.Id, HibachiApiClient.FutureDate())));

        var problem = response.InvalidField(field);
        Assert.All(problem.Errors![field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM bookings"));
    }

    [Theory]
    [InlineData("""{"adults":"ten"}""", "adults")]
    [InlineData("""{"eventDate":"next friday"}""", "eventDate")]
    [InlineData("""{"stationId":12}""", "stationId")]
    [InlineData("""{"source":"Carrier pigeon"}""", "source")]
    [InlineData("""{"adults":1e400}""", "adults")]
    [InlineData("""{"adults":10,""", "body")]
    [InlineData("""not json at all""", "body")]
    public async Task Malformed_json_is_a_field_level_400_not_a_500(string body, string field)
    {
        var response = await Api.PostAsync<string>("/api/bookings", body);

        response.InvalidField(field);
    }

    [Fact]
    public async Task When_no_chef_is_free_the_request_is_refused_and_becomes_a_lead()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var date = HibachiApiClient.FutureDate();
        await Api.CreateBookingAsync(station.Id, date, "18:00");

        var response = await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, date, "18:30", email: "late.planner@example.com"));

        var problem = response.Refused(HttpStatusCode.Conflict);
        Assert.Contains("Open start times that day", problem.Detail);
        var reason = await Host.ScalarAsync<string>("SELECT reason FROM leads WHERE email = 'late.planner@example.com'");
        Assert.Equal(nameof(LeadReason.NoAvailability), reason);
    }

    [Fact]
    public async Task A_request_that_fails_validation_with_contact_details_becomes_a_lead()
    {
        var station = await Api.CreateStationAsync();

        await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, HibachiApiClient.FutureDate(), adults: 0, email: "typo@example.com"));
        await Api.PostAsync<BookingDto>("/api/bookings", Api.BookingRequest(station.Id, HibachiApiClient.FutureDate(), zip: "10001", email: "typo@example.com"));

        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM leads WHERE email = 'typo@example.com'"));
        Assert.Equal(2, await Host.ScalarAsync<int>("SELECT attempt_count FROM leads WHERE email = 'typo@example.com'"));
        Assert.Equal(nameof(LeadReason.OutOfServiceArea), await Host.ScalarAsync<string>("SELECT reason FROM leads WHERE email = 'typo@example.com'"));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_replays_the_first_booking_and_refuses_a_different_body()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var request = Api.BookingRequest(station.Id, HibachiApiClient.FutureDate());
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

        var first = (await Api.PostAsync<BookingDto>("/api/bookings", request, headers: key)).Ok(HttpStatusCode.Created);
        var again = await Api.PostAsync<BookingDto>("/api/bookings", request, headers: key);
        var different = await Api.PostAsync<BookingDto>("/api/bookings", request with { Adults = 11 }, headers: key);

        Assert.Equal(first.Id, again.Ok().Id);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        different.Refused(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM bookings"));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_make_exactly_one_booking()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var request = Api.BookingRequest(station.Id, HibachiApiClient.FutureDate());
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Api.PostAsync<BookingDto>("/api/bookings", request, headers: key)));

        Assert.All(responses, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.OK, r.Raw));
        Assert.Single(responses, r => r.Status == HttpStatusCode.Created);
        Assert.Single(responses.Select(r => r.Body!.Id).Distinct());
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM bookings"));
    }

    [Fact]
    public async Task Twenty_parallel_assignments_of_one_chef_to_overlapping_bookings_give_exactly_one_success()
    {
        var station = await Api.CreateStationAsync();
        var chef = await Api.CreateChefAsync(station.Id, maxPerDay: 5);
        var date = HibachiApiClient.FutureDate();
        var times = new[] { "17:00", "17:30", "18:00", "18:30", "19:00" };
        var bookings = new List<BookingDto>();
        for (var i = 0; i < 20; i++)
        {
            bookings.Add(await Api.CreateBookingAsync(station.Id, date, times[i % times.Length], assignChef: false));
        }

        var responses = await Task.WhenAll(bookings.Select(b =>
            Api.PostAsync<BookingDto>($"/api/bookings/{b.Id}/assign-chef", new AssignChefRequest(chef.Chef.Id))));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(19, responses.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE chef_id = @chef", ("chef", chef.Chef.Id)));
    }

    [Fact]
    public async Task The_database_itself_refuses_an_overlapping_hold_for_a_chef()
    {
        var station = await Api.CreateStationAsync();
        var chef = await Api.CreateChefAsync(station.Id);
        var held = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(), "18:00");
        var other = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(), "18:00", assignChef: false);
        Assert.Equal(chef.Chef.Id, held.ChefId);

        // Bypass the application entirely: PostgreSQL's exclusion constraint still says no.
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Host.ExecuteAsync(
            "UPDATE bookings SET chef_id = @chef, chef_busy_from = starts_at - interval '1 hour', chef_busy_to = ends_at + interval '1 hour' WHERE id = @id",
            ("chef", chef.Chef.Id), ("id", other.Id)));
        Assert.Equal("ex_bookings_chef_no_overlap", error.ConstraintName);
    }

    [Fact]
    public async Task The_state_machine_allows_its_moves_and_refuses_the_rest_with_409()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());

        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/complete")).Refused(HttpStatusCode.Conflict);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/no-show")).Refused(HttpStatusCode.Conflict);
        var confirmed = (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Ok();
        Assert.Equal(BookingStatus.Confirmed, confirmed.Status);
        Assert.NotNull(confirmed.ConfirmedAt);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Refused(HttpStatusCode.Conflict);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/complete")).Refused(HttpStatusCode.Conflict); // not started yet
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/cancel", new CancelBookingRequest(null))).InvalidField("reason");
        var cancelled = (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/cancel", new CancelBookingRequest("Family emergency"))).Ok();
        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        Assert.Equal("Family emergency", cancelled.CancelReason);
        Assert.Empty(cancelled.AllowedActions);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Refused(HttpStatusCode.Conflict);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/cancel", new CancelBookingRequest("again please"))).Refused(HttpStatusCode.Conflict);
        var (_, etag) = await Api.GetBookingAsync(booking.Id);
        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", new UpdateBookingRequest(null, null, 12, null, null, null, null, null, null), etag))
            .Refused(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_completed_event_can_be_marked_once_it_has_started()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Ok();
        // Let the event's time pass.
        await Host.ExecuteAsync("UPDATE bookings SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour', chef_busy_from = now() - interval '4 hours', chef_busy_to = now() WHERE id = @id", ("id", booking.Id));

        var completed = (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/complete")).Ok();

        Assert.Equal(BookingStatus.Completed, completed.Status);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/no-show")).Refused(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Confirming_without_a_chef_is_refused_until_one_is_assigned()
    {
        var station = await Api.CreateStationAsync();
        var chef = await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(), assignChef: false);
        Assert.Null(booking.ChefId);

        var refused = (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Refused(HttpStatusCode.Conflict);
        Assert.Contains("Assign a chef", refused.Detail);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/assign-chef", new AssignChefRequest(chef.Chef.Id))).Ok();
        Assert.Equal(BookingStatus.Confirmed, (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Ok().Status);
    }

    [Fact]
    public async Task Updates_need_the_current_etag()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        var (_, etag) = await Api.GetBookingAsync(booking.Id);
        var change = new UpdateBookingRequest(null, null, 12, null, null, null, "No peanuts", null, null);

        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change)).Refused(HttpStatusCode.PreconditionRequired);
        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change, "not-an-etag")).InvalidField("If-Match");
        var updated = await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change, etag);
        Assert.Equal(12, updated.Ok().Adults);
        Assert.NotEqual(etag, updated.ETag);
        (await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", change with { Adults = 14 }, etag)).Refused(HttpStatusCode.PreconditionFailed);
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm", ifMatch: etag)).Refused(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Rescheduling_onto_the_chef_s_other_event_is_refused_and_changes_nothing()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var date = HibachiApiClient.FutureDate();
        await Api.CreateBookingAsync(station.Id, date, "12:00");
        var evening = await Api.CreateBookingAsync(station.Id, date, "18:00");
        var (_, etag) = await Api.GetBookingAsync(evening.Id);

        var refused = await Api.PutAsync<BookingDto>($"/api/bookings/{evening.Id}", new UpdateBookingRequest(null, "13:00", null, null, null, null, null, null, null), etag);

        refused.Refused(HttpStatusCode.Conflict);
        var (unchanged, _) = await Api.GetBookingAsync(evening.Id);
        Assert.Equal("18:00", unchanged.LocalStartTime);
        var moved = await Api.PutAsync<BookingDto>($"/api/bookings/{evening.Id}", new UpdateBookingRequest(date.AddDays(1), "13:00", null, null, null, null, null, null, null), etag);
        Assert.Equal("13:00", moved.Ok().LocalStartTime);
    }

    [Fact]
    public async Task A_deleted_booking_disappears_and_restores_whole()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        var before = (await Api.GetAsync<JsonElement>($"/api/bookings/{booking.Id}")).Ok();

        (await Api.DeleteAsync($"/api/bookings/{booking.Id}", "short")).InvalidField("reason");
        (await Api.DeleteAsync($"/api/bookings/{booking.Id}", null)).InvalidField("reason");
        (await Api.DeleteAsync($"/api/bookings/{booking.Id}", new string('r', 501))).InvalidField("reason");
        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/bookings/{booking.Id}", "Duplicate of another booking")).Status);
        (await Api.GetAsync<BookingDto>($"/api/bookings/{booking.Id}")).Refused(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Api.GetAsync<PagedList<BookingSummaryDto>>($"/api/bookings?stationId={station.Id}")).Ok().TotalCount);
        Assert.Equal("Duplicate of another booking", await Host.ScalarAsync<string>("SELECT delete_reason FROM bookings WHERE id = @id", ("id", booking.Id)));

        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/restore")).Ok();

        var after = (await Api.GetAsync<JsonElement>($"/api/bookings/{booking.Id}")).Ok();
        Assert.Equal(Strip(before), Strip(after));
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/restore")).Refused(HttpStatusCode.Conflict);

        static string Strip(JsonElement booking)
        {
            var copy = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(booking.GetRawText())!;
            copy.Remove("updatedAt");
            return JsonSerializer.Serialize(copy);
        }
    }

    [Fact]
    public async Task A_deleted_booking_cannot_come_back_over_a_booking_that_took_its_chef()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var date = HibachiApiClient.FutureDate();
        var booking = await Api.CreateBookingAsync(station.Id, date, "18:00");
        await Api.DeleteAsync($"/api/bookings/{booking.Id}", "Customer asked us to remove it");
        await Api.CreateBookingAsync(station.Id, date, "18:00");

        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/restore")).Refused(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Restoring_after_the_thirty_day_window_is_refused()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        await Api.DeleteAsync($"/api/bookings/{booking.Id}", "Created by mistake in testing");
        await Host.ExecuteAsync("UPDATE bookings SET deleted_at = now() - interval '31 days' WHERE id = @id", ("id", booking.Id));

        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/restore")).Refused(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Lists_are_filtered_paged_and_sorted_with_a_total()
    {
        var station = await Api.CreateStationAsync();
        var other = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id, maxPerDay: 10);
        await Api.CreateChefAsync(other.Id);
        var date = HibachiApiClient.FutureDate();
        var created = new List<BookingDto>();
        foreach (var time in new[] { "10:00", "14:00", "18:00" })
        {
            created.Add(await Api.CreateBookingAsync(station.Id, date, time, email: $"list-{time.Replace(":", "")}@example.com"));
        }

        await Api.CreateBookingAsync(other.Id, date, "18:00");
        await Api.PostAsync<BookingDto>($"/api/bookings/{created[1].Id}/confirm");

        var page1 = (await Api.GetAsync<PagedList<BookingSummaryDto>>($"/api/bookings?stationId={station.Id}&pageSize=2&sort=-startsAt")).Ok();
        Assert.Equal(3, page1.TotalCount);
        Assert.Equal(2, page1.TotalPages);
        Assert.Equal([created[2].Id, created[1].Id], page1.Items.Select(i => i.Id));
        var page2 = (await Api.GetAsync<PagedList<BookingSummaryDto>>($"/api/bookings?stationId={station.Id}&pageSize=2&page=2&sort=-startsAt")).Ok();
        Assert.Equal([created[0].Id], page2.Items.Select(i => i.Id));
        var confirmed = (await Api.GetAsync<PagedList<BookingSummaryDto>>($"/api/bookings?stationId={station.Id}&status=Confirmed")).Ok();
        Assert.Equal(created[1].Id, Assert.Single(confirmed.Items).Id);
        var byText = (await Api.GetAsync<PagedList<BookingSummaryDto>>($"/api/bookings?q={created[0].Reference}")).Ok();
        Assert.Equal(created[0].Id, Assert.Single(byText.Items).Id);
        var from = Uri.EscapeDataString(created[1].StartsAt.ToString("O"));
        var later = (await Api.GetAsync<PagedList<BookingSummaryDto>>($"/api/bookings?stationId={station.Id}&from={from}")).Ok();
        Assert.Equal(2, later.TotalCount);
        (await Api.GetAsync<string>("/api/bookings?sort=price")).InvalidField("sort");
        (await Api.GetAsync<string>("/api/bookings?status=Lost")).InvalidField("status");
        (await Api.GetAsync<string>("/api/bookings?page=0")).InvalidField("page");
        (await Api.GetAsync<string>($"/api/bookings?q={new string('q', 201)}")).InvalidField("q");
    }

    [Fact]
    public async Task Unknown_bookings_are_404_on_every_route()
    {
        var id = Guid.NewGuid();

        (await Api.GetAsync<string>($"/api/bookings/{id}")).Refused(HttpStatusCode.NotFound);
        (await Api.PutAsync<string>($"/api/bookings/{id}", new UpdateBookingRequest(null, null, 5, null, null, null, null, null, null), "\"1\"")).Refused(HttpStatusCode.NotFound);
        (await Api.PostAsync<string>($"/api/bookings/{id}/confirm")).Refused(HttpStatusCode.NotFound);
        (await Api.PostAsync<string>($"/api/bookings/{id}/cancel", new CancelBookingRequest("no reason"))).Refused(HttpStatusCode.NotFound);
        (await Api.PostAsync<string>($"/api/bookings/{id}/assign-chef", new AssignChefRequest(Guid.NewGuid()))).Refused(HttpStatusCode.NotFound);
        (await Api.DeleteAsync($"/api/bookings/{id}", "A perfectly good reason")).Refused(HttpStatusCode.NotFound);
        (await Api.PostAsync<string>($"/api/bookings/{id}/restore")).Refused(HttpStatusCode.NotFound);
        (await Api.GetAsync<string>("/api/bookings/not-a-guid")).Refused(HttpStatusCode.NotFound);
    }
}
