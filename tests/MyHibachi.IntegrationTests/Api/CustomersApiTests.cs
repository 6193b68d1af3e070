using System.Net;
using MyHibachi.IntegrationTests.Support;

namespace MyHibachi.IntegrationTests.Api;

public sealed class CustomersApiTests(ApiAppHost host) : ApiTest(host)
{
    private async Task<CustomerDto> CreateAsync(Guid stationId, string email, string first = "Olivia", string last = "Bennett") =>
        (await Api.PostAsync<CustomerDto>("/api/customers", new CustomerRequest(stationId, first, last, email, "(404) 555-0142", "VIP", true)))
        .Ok(HttpStatusCode.Created);

    [Fact]
    public async Task Customers_are_created_read_updated_and_listed()
    {
        var station = await Api.CreateStationAsync();

        var created = await CreateAsync(station.Id, "Olivia.Bennett@Example.com");
        Assert.Equal("olivia.bennett@example.com", created.Email);
        var read = await Api.GetAsync<CustomerDto>($"/api/customers/{created.Id}");
        Assert.Equal(created, read.Ok());

        var updated = await Api.PutAsync<CustomerDto>($"/api/customers/{created.Id}", new CustomerRequest(null, null, "Bennett-Hale", null, null, null, false), read.ETag);
        Assert.Equal("Bennett-Hale", updated.Ok().LastName);
        Assert.False(updated.Body!.MarketingOptIn);
        Assert.Equal("Olivia", updated.Body.FirstName);

        await CreateAsync(station.Id, "james@example.com", "James", "Carter");
        var list = (await Api.GetAsync<PagedList<CustomerDto>>($"/api/customers?stationId={station.Id}&q=carter")).Ok();
        Assert.Equal("James", Assert.Single(list.Items).FirstName);
        var sorted = (await Api.GetAsync<PagedList<CustomerDto>>($"/api/customers?stationId={station.Id}&sort=-name")).Ok();
        Assert.Equal(["Carter", "Bennett-Hale"], sorted.Items.Select(c => c.LastName));
    }

    [Fact]
    public async Task Lists_count_exactly_up_to_a_thousand_and_say_so_past_it()
    {
        var station = await Api.CreateStationAsync();
        // 1,005 customers straight into the table (the Api would take a while to make them one by one).
        await Host.ExecuteAsync(
            """
            INSERT INTO customers (id, station_id, first_name, last_name, email, marketing_opt_in, created_at, updated_at)
            SELECT gen_random_uuid(), @station, 'Guest', 'Number ' || lpad(n::text, 4, '0'), 'guest' || n || '-' || @station || '@example.com', false, now(), now()
            FROM generate_series(1, 1005) AS n
            """,
            ("station", station.Id));

        var first = (await Api.GetAsync<PagedList<CustomerDto>>($"/api/customers?stationId={station.Id}&pageSize=100")).Ok();
        Assert.Equal(ListLimits.CountLimit, first.TotalCount);
        Assert.False(first.TotalCountExact);
        Assert.Equal(10, first.TotalPages);
        // The count stops at 1,000 but the rows do not: page 11 holds the last five, and it says it is the end.
        var tenth = (await Api.GetAsync<PagedList<CustomerDto>>($"/api/customers?stationId={station.Id}&pageSize=100&page=10")).Ok();
        Assert.True(tenth.HasNextPage);
        var last = (await Api.GetAsync<PagedList<CustomerDto>>($"/api/customers?stationId={station.Id}&pageSize=100&page=11")).Ok();
        Assert.Equal(["Number 1001", "Number 1002", "Number 1003", "Number 1004", "Number 1005"], last.Items.Select(c => c.LastName));
        Assert.False(last.HasNextPage);

        // Under the limit the count is exact.
        var some = (await Api.GetAsync<PagedList<CustomerDto>>($"/api/customers?stationId={station.Id}&q=Number%2010&pageSize=5")).Ok();
        Assert.Equal(6, some.TotalCount); // Number 1000 to Number 1005
        Assert.True(some.TotalCountExact);
        Assert.Equal(2, some.TotalPages);
        Assert.True(some.HasNextPage);
    }

    public static TheoryData<string, CustomerRequest> BadCustomers => new()
    {
        { "stationId", new CustomerRequest(null, "A", "B", "a@example.com", null, null, null) },
        { "firstName", new CustomerRequest(Guid.Empty, "", "B", "a@example.com", null, null, null) },
        { "firstName", new CustomerRequest(Guid.Empty, new string('f', 101), "B", "a@example.com", null, null, null) },
        { "lastName", new CustomerRequest(Guid.Empty, "A", null, "a@example.com", null, null, null) },
        { "email", new CustomerRequest(Guid.Empty, "A", "B", "nope", null, null, null) },
        { "email", new CustomerRequest(Guid.Empty, "A", "B", "a@b", null, null, null) },
        { "phone", new CustomerRequest(Guid.Empty, "A", "B", "a@example.com", "123", null, null) },
        { "notes", new CustomerRequest(Guid.Empty, "A", "B", "a@example.com", null, new string('n', 2001), null) },
    };

    [Theory]
    [MemberData(nameof(BadCustomers))]
    public async Task Bad_customer_input_names_the_field(string field, CustomerRequest request)
    {
        var station = await Api.CreateStationAsync();
        var withStation = request.StationId == Guid.Empty ? request with { StationId = station.Id } : request;

        (await Api.PostAsync<CustomerDto>("/api/customers", withStation)).InvalidField(field);
    }

    [Fact]
    public async Task An_email_belongs_to_one_live_customer()
    {
        var station = await Api.CreateStationAsync();
        var first = await CreateAsync(station.Id, "same@example.com");

        (await Api.PostAsync<CustomerDto>("/api/customers", new CustomerRequest(station.Id, "X", "Y", "SAME@example.com", null, null, null)))
            .Refused(HttpStatusCode.Conflict);

        await Api.DeleteAsync($"/api/customers/{first.Id}", "Merged into another account");
        var second = await CreateAsync(station.Id, "same@example.com");
        var refused = (await Api.PostAsync<CustomerDto>($"/api/customers/{first.Id}/restore")).Refused(HttpStatusCode.Conflict);
        Assert.Contains("email", refused.Title, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Deleting_needs_a_reason_hides_the_customer_and_restore_brings_them_back()
    {
        var station = await Api.CreateStationAsync();
        var customer = await CreateAsync(station.Id, "gone@example.com");

        (await Api.DeleteAsync($"/api/customers/{customer.Id}", "too short")).InvalidField("reason");
        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/customers/{customer.Id}", "Asked to be forgotten")).Status);
        (await Api.GetAsync<CustomerDto>($"/api/customers/{customer.Id}")).Refused(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Api.GetAsync<PagedList<CustomerDto>>($"/api/customers?stationId={station.Id}")).Ok().TotalCount);
        var bin = (await Api.GetAsync<PagedList<DeletedItemDto>>("/api/admin/deleted?type=customer")).Ok();
        var item = Assert.Single(bin.Items);
        Assert.Equal("Asked to be forgotten", item.Reason);
        Assert.Equal($"/api/customers/{customer.Id}/restore", item.RestorePath);

        var restored = (await Api.PostAsync<CustomerDto>($"/api/customers/{customer.Id}/restore")).Ok();
        Assert.Equal(customer with { UpdatedAt = restored.UpdatedAt }, restored);
    }

    [Fact]
    public async Task A_customer_with_upcoming_bookings_cannot_be_deleted()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate(), email: "busy@example.com");

        (await Api.DeleteAsync($"/api/customers/{booking.CustomerId}", "Cleaning up old records")).Refused(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Stale_etags_are_refused()
    {
        var station = await Api.CreateStationAsync();
        var customer = await CreateAsync(station.Id, "etag@example.com");
        var read = await Api.GetAsync<CustomerDto>($"/api/customers/{customer.Id}");
        await Api.PutAsync<CustomerDto>($"/api/customers/{customer.Id}", new CustomerRequest(null, "Changed", null, null, null, null, null), read.ETag);

        (await Api.PutAsync<CustomerDto>($"/api/customers/{customer.Id}", new CustomerRequest(null, "Again", null, null, null, null, null), read.ETag))
            .Refused(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Every_change_leaves_an_audit_row_with_before_and_after()
    {
        var station = await Api.CreateStationAsync();
        var customer = await CreateAsync(station.Id, "audited@example.com");
        var read = await Api.GetAsync<CustomerDto>($"/api/customers/{customer.Id}");
        await Api.PutAsync<CustomerDto>($"/api/customers/{customer.Id}", new CustomerRequest(null, "Liv", null, null, null, null, null), read.ETag);
        await Api.DeleteAsync($"/api/customers/{customer.Id}", "Testing the audit trail");
        await Api.PostAsync<CustomerDto>($"/api/customers/{customer.Id}/restore");

        var audit = (await Api.GetAsync<PagedList<AuditEntryDto>>($"/api/admin/audit?entityType=Customer&entityId={customer.Id}")).Ok();

        Assert.Equal(["restore", "delete", "update", "create"], audit.Items.Select(a => a.Action));
        var update = audit.Items.Single(a => a.Action == "update");
        Assert.Equal("Olivia", update.Before!.Value.GetProperty("firstName").GetString());
        Assert.Equal("Liv", update.After!.Value.GetProperty("firstName").GetString());
        Assert.Null(audit.Items.Single(a => a.Action == "create").Before);
        Assert.Equal("Testing the audit trail", audit.Items.Single(a => a.Action == "delete").After!.Value.GetProperty("deleteReason").GetString());
        Assert.All(audit.Items, a => Assert.False(string.IsNullOrEmpty(a.RequestId)));
    }
}
