using System.Net;
using System.Text;
using System.Text.Json;
using MyHibachi.IntegrationTests.Support;
using MyHibachi.Contracts.Events;
using MyHibachi.ServiceDefaults.Messaging;
using RabbitMQ.Client;

namespace MyHibachi.IntegrationTests.Api;

public sealed class EventsAndAuditTests(ApiAppHost host) : ApiTest(host)
{
    [Fact]
    public async Task A_new_booking_is_announced_on_rabbitmq_through_the_outbox()
    {
        var factory = new ConnectionFactory { Uri = new Uri(Host.MessagingConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await EventTopology.DeclareExchangeAsync(channel);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, EventTopology.EventsExchange, "booking.*");
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);

        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm");

        var received = new List<(string Type, string Id, JsonElement Body)>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (received.Count < 2 && DateTime.UtcNow < deadline)
        {
            var message = await channel.BasicGetAsync(queue, autoAck: true);
            if (message is null)
            {
                await Task.Delay(100);
                continue;
            }

            received.Add((message.BasicProperties.Type!, message.BasicProperties.MessageId!, JsonDocument.Parse(Encoding.UTF8.GetString(message.Body.Span)).RootElement.Clone()));
        }

        Assert.Equal([BookingCreated.EventType, BookingStatusChanged.Confirmed], received.Select(r => r.Type));
        Assert.All(received, r => Assert.Equal(booking.Id, r.Body.GetProperty("bookingId").GetGuid()));
        Assert.All(received, r => Assert.True(Guid.TryParse(r.Id, out _)));
        // The relay marks rows published when the broker has confirmed them (just after delivery).
        var unpublished = -1L;
        for (var i = 0; i < 50 && unpublished != 0; i++)
        {
            unpublished = await Host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL");
            await Task.Delay(100);
        }

        Assert.Equal(0, unpublished);
    }

    [Fact]
    public async Task Every_change_to_a_booking_leaves_its_audit_row()
    {
        var station = await Api.CreateStationAsync();
        var first = (await Api.CreateChefAsync(station.Id)).Chef;
        var second = (await Api.CreateChefAsync(station.Id)).Chef;
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        var (_, etag) = await Api.GetBookingAsync(booking.Id);
        await Api.PutAsync<BookingDto>($"/api/bookings/{booking.Id}", new UpdateBookingRequest(null, null, 11, null, null, null, null, null, null), etag);
        var other = booking.ChefId == first.Id ? second.Id : first.Id;
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/assign-chef", new AssignChefRequest(other))).Ok();
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/confirm")).Ok();
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/cancel", new CancelBookingRequest("Rained out"))).Ok();
        await Api.DeleteAsync($"/api/bookings/{booking.Id}", "Cleaning up cancelled");
        (await Api.PostAsync<BookingDto>($"/api/bookings/{booking.Id}/restore")).Ok();

        var audit = (await Api.GetAsync<PagedList<AuditEntryDto>>($"/api/admin/audit?entityType=Booking&entityId={booking.Id}")).Ok();

        Assert.Equal(["restore", "delete", "update", "update", "update", "update", "create"], audit.Items.Select(a => a.Action));
        var assignment = audit.Items[4];
        Assert.Equal(booking.ChefId, assignment.Before!.Value.GetProperty("chefId").GetGuid());
        Assert.Equal(other, assignment.After!.Value.GetProperty("chefId").GetGuid());
        Assert.Equal("Cancelled", audit.Items[2].After!.Value.GetProperty("status").GetString());
        Assert.All(audit.Items, a => Assert.Equal(ApiAppHost.AdminEmail, a.ActorName));
        (await Api.GetAsync<string>("/api/admin/audit?action=explode")).InvalidField("action");
    }

    [Fact]
    public async Task Audit_rows_name_their_record_and_keep_sign_in_bookkeeping_apart_from_data_changes()
    {
        var station = await Api.CreateStationAsync();
        await Api.CreateChefAsync(station.Id);
        var booking = await Api.CreateBookingAsync(station.Id, HibachiApiClient.FutureDate());
        var email = $"audited-{Guid.NewGuid():N}@example.com";
        var customer = await ConfirmedCustomerAsync(email, "An audited passphrase 9");
        await customer.SignInAsync(email, "An audited passphrase 9");
        var user = await Host.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @e", ("e", email));

        var created = (await Api.GetAsync<PagedList<AuditEntryDto>>($"/api/admin/audit?entityType=Booking&entityId={booking.Id}&action=create")).Ok();
        Assert.Equal(booking.Reference, Assert.Single(created.Items).Label);
        Assert.Equal("data", created.Items[0].Kind);

        var signIns = (await Api.GetAsync<PagedList<AuditEntryDto>>($"/api/admin/audit?entityId={user}&kind=sign-in")).Ok();
        Assert.NotEmpty(signIns.Items);
        Assert.All(signIns.Items, a => Assert.Equal(email, a.Label));
        var data = (await Api.GetAsync<PagedList<AuditEntryDto>>($"/api/admin/audit?entityId={user}&kind=data")).Ok();
        // The account's creation and confirmation are data; its sign-ins are not.
        Assert.Contains(data.Items, a => a.Action == "create");
        Assert.DoesNotContain(data.Items, a => a.Action == "update" && a.After!.Value.GetProperty("lastLoginAt").ToString() != a.Before!.Value.GetProperty("lastLoginAt").ToString()
            && a.After.Value.GetProperty("emailConfirmedAt").ToString() == a.Before.Value.GetProperty("emailConfirmedAt").ToString());
        (await Api.GetAsync<string>("/api/admin/audit?kind=everything")).InvalidField("kind");
    }

    [Fact]
    public async Task The_nightly_purge_removes_what_was_deleted_over_thirty_days_ago_and_audits_it()
    {
        var station = await Api.CreateStationAsync();
        var old = (await Api.PostAsync<CustomerDto>("/api/customers", new CustomerRequest(station.Id, "Old", "Record", "old@example.com", null, null, null))).Ok(HttpStatusCode.Created);
        var recent = (await Api.PostAsync<CustomerDto>("/api/customers", new CustomerRequest(station.Id, "New", "Record", "new@example.com", null, null, null))).Ok(HttpStatusCode.Created);
        await Api.DeleteAsync($"/api/customers/{old.Id}", "Left us a long time ago");
        await Api.DeleteAsync($"/api/customers/{recent.Id}", "Left us only yesterday");
        await Host.ExecuteAsync("UPDATE customers SET deleted_at = now() - interval '31 days' WHERE id = @id", ("id", old.Id));

        var result = (await (await Host.CreateServiceClientAsync()).PostAsync<PurgeResult>("/api/internal/purge")).Ok();

        Assert.Equal(1, result.Customers);
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM customers WHERE id = @id", ("id", old.Id)));
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT count(*) FROM customers WHERE id = @id", ("id", recent.Id)));
        var audit = (await Api.GetAsync<PagedList<AuditEntryDto>>($"/api/admin/audit?entityId={old.Id}&action=purge")).Ok();
        Assert.Single(audit.Items);
    }

    [Fact]
    public async Task The_record_of_handled_messages_counts_redeliveries()
    {
        var id = Guid.NewGuid();

        var service = await Host.CreateServiceClientAsync();
        (await service.GetAsync<HandledMessageDto>($"/api/internal/handled-messages/notifications/{id}")).Refused(HttpStatusCode.NotFound);
        Assert.Equal(1, (await service.PutAsync<HandledMessageDto>($"/api/internal/handled-messages/notifications/{id}", new { })).Ok().Deliveries);
        Assert.Equal(2, (await service.PutAsync<HandledMessageDto>($"/api/internal/handled-messages/notifications/{id}", new { })).Ok().Deliveries);
        Assert.Equal(2, (await service.GetAsync<HandledMessageDto>($"/api/internal/handled-messages/notifications/{id}")).Ok().Deliveries);
    }
}
