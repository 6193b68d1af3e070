using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Npgsql;

namespace MyHibachi.Benchmarks;

/// <summary>What happens to bookings and their events when a server goes away in the middle of the work.</summary>
public sealed class FaultRuns(BenchSystem system)
{
    private const string Consumer = "notifications";

    public async Task<string> RabbitMqOutageAsync(int bookings)
    {
        var created = new ConcurrentBag<Guid>();
        var random = new Random(7);
        var bodies = Enumerable.Range(0, bookings).Select(_ => system.BookingBody(random)).ToList();
        // A quarter of the burst goes in with the broker up; the rest waits at a gate until the broker
        // is down, so the outage overlaps the burst however fast the Api makes bookings.
        var beforeOutage = bookings / 4;
        var started = Stopwatch.StartNew();
        await RunBurstAsync(bodies.Take(beforeOutage).ToList(), created);
        await Command(ResourceNames.RabbitMq, KnownResourceCommands.StopCommand);
        using (var wait = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            await system.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.RabbitMq, KnownResourceStates.TerminalStates, wait.Token);
        }

        var stoppedAt = started.Elapsed;
        await RunBurstAsync(bodies.Skip(beforeOutage).ToList(), created);
        var madeWhileDown = created.Count - beforeOutage;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var pendingWhileDown = await system.PendingOutboxEventsAsync();
        await Command(ResourceNames.RabbitMq, KnownResourceCommands.StartCommand);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.RabbitMq);
        var restartedAt = started.Elapsed;

        var ids = created.ToArray();
        long delivered = 0, twice = 0;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            (delivered, twice) = await DeliveriesAsync(ids);
            if (delivered == ids.Length)
            {
                break;
            }

            await Task.Delay(1000);
        }

        return $"RabbitMQ stopped at {stoppedAt.TotalSeconds:0.0}s into a burst of {bookings} bookings and started again at {restartedAt.TotalSeconds:0.0}s: " +
               $"{ids.Length} bookings made ({madeWhileDown} while it was down), {pendingWhileDown} events waiting in the outbox just before the restart; afterwards {delivered}/{ids.Length} " +
               $"booking.created events handled by the notifications consumer (after {deadline.Elapsed.TotalSeconds:0}s), {twice} handled twice.";
    }

    public async Task<string> RedisOutageAsync(int requests)
    {
        await Command(ResourceNames.Redis, KnownResourceCommands.StopCommand);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var result = await LoadRunner.RunAsync(Mix.For(system).Where(o => o.Name is "quote" or "booking detail" or "booking list").ToList(),
            () => system.Client(), virtualUsers: 10, totalRequests: requests);
        await Command(ResourceNames.Redis, KnownResourceCommands.StartCommand);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Redis);
        return $"Redis stopped: {result.Requests - result.Errors}/{result.Requests} requests served (quote, booking list, booking detail), " +
               $"p50 {result.P50:0.0} ms, p95 {result.P95:0.0} ms; rate limiting fell back to each replica's memory.";
    }

    public async Task<string> ApiKilledAsync(int bookings)
    {
        var random = new Random(11);
        var requests = Enumerable.Range(0, bookings).Select(_ => (Key: Guid.NewGuid().ToString(), Body: system.BookingBody(random))).ToList();
        var outcome = new ConcurrentDictionary<string, HttpStatusCode>();
        var killed = false;
        var sent = 0;
        using var client = system.Client();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (request, ct) =>
        {
            if (Interlocked.Increment(ref sent) == bookings / 3 && system.ApiProcessId() is { } pid)
            {
                Process.GetProcessById(pid).Kill();
                killed = true;
            }

            outcome[request.Key] = await SendAsync(client, request.Key, request.Body);
        });

        var failed = outcome.Count(o => o.Value is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict));
        await Command(ResourceNames.Api, KnownResourceCommands.StartCommand);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Api);

        // A real client retries what failed with the same Idempotency-Key.
        foreach (var request in requests.Where(r => outcome[r.Key] is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict)))
        {
            outcome[request.Key] = await SendAsync(client, request.Key, request.Body);
        }

        var keys = requests.Select(r => r.Key).ToArray();
        var perKey = await system.ScalarAsync<long>("SELECT count(*) FROM (SELECT idempotency_key FROM bookings WHERE idempotency_key = ANY(@keys) GROUP BY idempotency_key HAVING count(*) > 1) d", ("keys", keys));
        var rows = await system.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE idempotency_key = ANY(@keys)", ("keys", keys));
        var halfWritten = await system.ScalarAsync<long>(
            """
            SELECT count(*) FROM bookings b
            WHERE b.idempotency_key = ANY(@keys) AND (
                NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.type = 'booking.created' AND (o.payload->>'bookingId')::uuid = b.id)
                OR NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = b.customer_id)
                OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'Booking' AND a.entity_id = b.id::text AND a.action = 'create'))
            """, ("keys", keys));
        var succeeded = outcome.Count(o => o.Value is HttpStatusCode.Created or HttpStatusCode.OK);
        return $"Api process killed (kill -9: {killed}) after {bookings / 3} of {bookings} concurrent bookings: {failed} requests failed in flight and were retried " +
               $"with their Idempotency-Key after a restart; {succeeded} bookings confirmed to clients, {rows} rows for {keys.Length} keys, {perKey} keys with more than one booking, " +
               $"{halfWritten} half-written bookings (missing their event, customer or audit row).";
    }

    public async Task<string> IdempotencyReplayAsync(int requests)
    {
        var key = Guid.NewGuid().ToString();
        var body = system.BookingBody(new Random(99));
        var statuses = new ConcurrentBag<HttpStatusCode>();
        using var client = system.Client();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (_, _) =>
            statuses.Add(await SendAsync(client, key, body)));
        var rows = await system.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE idempotency_key = @key", ("key", key));
        return $"{requests} identical booking requests with one Idempotency-Key: {statuses.Count(s => s == HttpStatusCode.Created)} created, " +
               $"{statuses.Count(s => s == HttpStatusCode.OK)} replayed, {statuses.Count(s => (int)s >= 500)} server errors; {rows} booking row(s).";
    }

    private async Task RunBurstAsync(IReadOnlyList<object> bodies, ConcurrentBag<Guid> created)
    {
        using var client = system.Client();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (body, ct) =>
        {
            using var response = await client.PostAsJsonAsync("/api/bookings", body, ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetGuid());
            }
        });
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string key, object body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return 0;
        }
    }

    private async Task<(long Delivered, long Twice)> DeliveriesAsync(Guid[] bookingIds)
    {
        await using var connection = new NpgsqlConnection(system.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(p.message_id), count(*) FILTER (WHERE p.deliveries > 1)
            FROM outbox_messages o JOIN processed_messages p ON p.message_id = o.id AND p.consumer = @consumer
            WHERE o.type = 'booking.created' AND (o.payload->>'bookingId')::uuid = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("consumer", Consumer);
        command.Parameters.AddWithValue("ids", bookingIds);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private Task Command(string resource, string command) => system.App.ResourceCommands.ExecuteCommandAsync(resource, command);
}
