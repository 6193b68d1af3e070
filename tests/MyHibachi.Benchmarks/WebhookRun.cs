using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MyHibachi.Benchmarks;

/// <summary>
/// Stripe's webhooks under load, signed as Stripe signs them by the local Stripe server: a backlog
/// of real payment events delivered at once (as after an outage), and one event replayed many times.
/// </summary>
public sealed class WebhookRun(BenchSystem system)
{
    public sealed record Figures(int Events, int Concurrency, double EventsPerSecond, double P50, double P95, double P99, int Failures, string Check);

    /// <summary>
    /// Makes <paramref name="payments"/> bookings and pays each through Checkout with deliveries held
    /// back, then delivers the whole backlog (customer.created, checkout.session.completed,
    /// payment_intent.succeeded, …) with <paramref name="concurrency"/> at a time.
    /// </summary>
    public async Task<Figures> BacklogAsync(int payments, int concurrency)
    {
        using var admin = system.Client(system.AdminToken);
        var random = new Random(11);
        var sessions = new List<(Guid BookingId, string SessionId)>();
        system.Stripe.DeliverWebhooks = false;
        var eventsBefore = system.Stripe.Events.Count;
        while (sessions.Count < payments)
        {
            using var created = await admin.PostAsJsonAsync("/api/bookings", system.BookingBody(random));
            if (!created.IsSuccessStatusCode)
            {
                continue;
            }

            var bookingId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            var checkout = await BenchSystem.PostAsync(admin, "/api/v1/stripe/checkout-session", new { bookingId, purpose = "Deposit" });
            var sessionId = checkout.GetProperty("sessionId").GetString()!;
            system.Stripe.Pay(sessionId);
            sessions.Add((bookingId, sessionId));
        }

        var backlog = system.Stripe.Events.Skip(eventsBefore).ToList();
        system.Stripe.DeliverWebhooks = true;
        var figures = await DeliverAsync(backlog, concurrency);
        var ids = sessions.Select(s => s.BookingId).ToArray();
        var recorded = await system.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE kind = 'Payment' AND booking_id = ANY(@ids)", ("ids", ids));
        var confirmed = await system.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE status = 'Confirmed' AND id = ANY(@ids)", ("ids", ids));
        return figures with { Check = $"{recorded}/{payments} payments in the ledger, {confirmed}/{payments} bookings confirmed" };
    }

    /// <summary>One checkout.session.completed delivered <paramref name="replays"/> times: the first records the payment, the rest change nothing.</summary>
    public async Task<Figures> ReplayAsync(int replays, int concurrency)
    {
        var completed = system.Stripe.EventsOf("checkout.session.completed").Last();
        var bookingId = Guid.Parse(JsonDocument.Parse(completed).RootElement.GetProperty("data").GetProperty("object").GetProperty("metadata").GetProperty("booking_id").GetString()!);
        var before = await system.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE booking_id = @id", ("id", bookingId));
        var figures = await DeliverAsync(Enumerable.Repeat(completed, replays).ToList(), concurrency);
        var after = await system.ScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE booking_id = @id", ("id", bookingId));
        return figures with { Check = $"ledger rows of the booking before {before}, after {after}" };
    }

    private async Task<Figures> DeliverAsync(IReadOnlyList<string> events, int concurrency)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var queue = new ConcurrentQueue<string>(events);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var stripeEvent))
            {
                var started = Stopwatch.GetTimestamp();
                var status = await system.Stripe.DeliverAsync(stripeEvent, attempts: 1);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (status != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var sorted = latencies.Order().ToArray();
        return new Figures(events.Count, concurrency, events.Count / elapsed.TotalSeconds, LoadRunner.Percentile(sorted, 50), LoadRunner.Percentile(sorted, 95),
            LoadRunner.Percentile(sorted, 99), failures, "");
    }
}
