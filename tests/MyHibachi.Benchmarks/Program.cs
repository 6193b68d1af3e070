using System.Diagnostics;
using System.Globalization;
using MyHibachi.Benchmarks;

// Load, leak and fault benchmarks against the real running system (AppHost with PostgreSQL, Redis
// and RabbitMQ). Run on demand:
//   dotnet run -c Release --project tests/MyHibachi.Benchmarks [-- --quick] [-- --only load,baseline,memory,faults,bad-input,webhooks,chat,calendar,inbox,reviews,google,marketing]
//   dotnet run -c Release --project tests/MyHibachi.Benchmarks -- --only router   (the assistant's router on held-out phrasings; no AppHost)
//     [--seconds N (per load level)] [--memory-requests N (after the first 1,000; default 100,000)]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var parts = only?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet()
            ?? ["load", "baseline", "memory", "faults", "bad-input", "webhooks", "chat", "calendar", "inbox", "reviews", "google", "marketing"];
var seconds = TimeSpan.FromSeconds(Array.IndexOf(args, "--seconds") is var s and >= 0 && s + 1 < args.Length ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : quick ? 8 : 20);
var memoryRequests = Array.IndexOf(args, "--memory-requests") is var m and >= 0 && m + 1 < args.Length
    ? int.Parse(args[m + 1], CultureInfo.InvariantCulture)
    : quick ? 10_000 : 100_000;
var total = Stopwatch.StartNew();
if (parts.SetEquals(["router"]))
{
    RouterRun.Print();
    return;
}

Console.WriteLine($"MyHibachi benchmarks ({(quick ? "quick" : "full")} run: {string.Join(", ", parts)}), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine("Starting the system (AppHost, real PostgreSQL, Redis and RabbitMQ)...");
var system = new BenchSystem();
await system.InitializeAsync();
try
{
    await system.SetUpBusinessAsync(chefs: 40, bookings: 300);
    Console.WriteLine($"Ready in {total.Elapsed.TotalSeconds:0}s: a station with 40 chefs and {system.BookingIds.Count} bookings, plus the demo business.");
    var apiPid = system.ApiProcessId();
    var mix = Mix.For(system);
    await WarmUpAsync(mix, system, quick);
    var memoryAfterWarmUp = apiPid is { } p0 ? BenchSystem.ResidentMegabytes(p0) : null;

    var results = new List<LoadResult>();
    if (parts.Contains("load") || parts.Contains("baseline"))
    {
        var statements = new PostgresStatements(system.PostgresConnectionString);
        var counting = await statements.ResetAsync();
        foreach (var users in new[] { 50, 100 })
        {
            results.Add(await LoadRunner.RunAsync(mix, () => system.Client(), users, seconds));
        }

        foreach (var users in new[] { 50, 100 })
        {
            results.Add(await LoadRunner.RunAsync(mix, () => system.Client(), users, seconds, thinkTime: TimeSpan.FromSeconds(1)));
        }

        Report.Load(results);
        if (counting)
        {
            await statements.PrintTopAsync(12);
        }
    }

    if (parts.Contains("baseline"))
    {
        Console.WriteLine();
        Console.WriteLine("## Baseline: the same single-row read straight at PostgreSQL (Npgsql)");
        foreach (var workers in new[] { 50, 100 })
        {
            var baseline = await PostgresBaseline.RunAsync(system.PostgresConnectionString, system.BookingIds, workers, seconds);
            var api = results.Single(r => r.VirtualUsers == workers && r.ThinkTime is null).Operations.Single(o => o.Name == "booking detail");
            Console.WriteLine($"{workers} workers: {baseline.RequestsPerSecond:N0} reads/s, p50 {baseline.P50:0.00} ms, p95 {baseline.P95:0.00} ms, p99 {baseline.P99:0.00} ms " +
                              $"(Api booking detail in the mix p50 {api.P50:0.0} ms = {api.P50 / Math.Max(0.001, baseline.P50):0.0}x, p95 {api.P95:0.0} ms = {api.P95 / Math.Max(0.001, baseline.P95):0.0}x)");
        }
    }

    if (parts.Contains("memory"))
    {
        Console.WriteLine();
        Console.WriteLine($"## Memory of the Api process over {memoryRequests:N0} requests");
        if (apiPid is { } pid)
        {
            // Each reading is taken at rest: once the outbox has published the step's events (the
            // Workers then call the Api back for each), plus 11 seconds, because the Redis tracing
            // instrumentation holds each request's profiling session until its next flush (every
            // 10 seconds), a buffer bounded by the request rate. Then resident memory as the OS sees
            // it, and the live managed heap after a forced full collection.
            async Task<(long Resident, double? Live)> ReadAsync()
            {
                var draining = Stopwatch.StartNew();
                while (await system.PendingOutboxEventsAsync() > 0 && draining.Elapsed < TimeSpan.FromMinutes(3))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }

                await Task.Delay(TimeSpan.FromSeconds(11));
                var resident = BenchSystem.ResidentMegabytes(pid) ?? 0;
                var live = await ManagedHeap.LiveBytesAfterFullCollectionAsync(pid, TimeSpan.FromSeconds(30));
                await ManagedHeap.SaveDumpIfAskedAsync(pid);
                return (resident, live / 1024.0 / 1024.0);
            }

            static string Live(double? megabytes) => megabytes is { } m ? $"{m:0.0} MB" : "not read";

            var before = await ReadAsync();
            await LoadRunner.RunAsync(mix, () => system.Client(), 50, totalRequests: 1_000);
            var after1k = await ReadAsync();
            Console.WriteLine($"After warm-up: resident {memoryAfterWarmUp} MB. Before this run: resident {before.Resident} MB, live heap {Live(before.Live)}. " +
                              $"After 1,000 requests: resident {after1k.Resident} MB, live heap {Live(after1k.Live)}.");
            // In steps, so growth that levels off (the GC sizing its heaps) shows apart from a leak (a line that keeps rising).
            const int steps = 5;
            var sent = 0;
            var last = after1k;
            for (var step = 1; step <= steps; step++)
            {
                var chunk = await LoadRunner.RunAsync(mix, () => system.Client(), 50, totalRequests: memoryRequests / steps);
                sent += memoryRequests / steps;
                var now = await ReadAsync();
                Console.WriteLine($"  after {sent,7:N0} more: resident {now.Resident} MB ({now.Resident - last.Resident:+0;-0;0}), live heap {Live(now.Live)} " +
                                  $"({now.Live - last.Live:+0.0;-0.0;0.0}); {chunk.RequestsPerSecond:N0} req/s, {chunk.ErrorRate:P2} errors" +
                                  (chunk.Errors > 0 ? $" ({chunk.DescribeErrors()})" : ""));
                last = now;
            }

            Console.WriteLine($"Change from 1,000 requests to {memoryRequests:N0} more: resident {last.Resident - after1k.Resident:+0;-0;0} MB, " +
                              $"live heap {last.Live - after1k.Live:+0.0;-0.0;0.0} MB.");
        }
        else
        {
            Console.WriteLine("The Api process was not found; memory not measured.");
        }
    }

    if (parts.Contains("faults"))
    {
        Console.WriteLine();
        Console.WriteLine("## Fault runs");
        var faults = new FaultRuns(system);
        Console.WriteLine("- " + await faults.IdempotencyReplayAsync(1_000));
        Console.WriteLine("- " + await faults.RabbitMqOutageAsync(bookings: 200));
        Console.WriteLine("- " + await faults.RedisOutageAsync(requests: 300));
        Console.WriteLine("- " + await faults.ApiKilledAsync(bookings: 150));
    }

    if (parts.Contains("webhooks"))
    {
        Console.WriteLine();
        Console.WriteLine("## Stripe webhooks (signed by the local Stripe server)");
        var webhooks = new WebhookRun(system);
        var backlog = await webhooks.BacklogAsync(payments: quick ? 100 : 300, concurrency: 16);
        Console.WriteLine($"Backlog: {backlog.Events:N0} events of {(quick ? 100 : 300)} paid checkouts delivered {backlog.Concurrency} at a time: {backlog.EventsPerSecond:N0} events/s, " +
                          $"p50 {backlog.P50:0.0} ms, p95 {backlog.P95:0.0} ms, p99 {backlog.P99:0.0} ms, {backlog.Failures} not answered 200; {backlog.Check}.");
        var replay = await webhooks.ReplayAsync(replays: quick ? 1_000 : 5_000, concurrency: 16);
        Console.WriteLine($"Replay: one checkout.session.completed delivered {replay.Events:N0} times, {replay.Concurrency} at a time: {replay.EventsPerSecond:N0} events/s, " +
                          $"p50 {replay.P50:0.0} ms, p95 {replay.P95:0.0} ms, p99 {replay.P99:0.0} ms, {replay.Failures} not answered 200; {replay.Check}.");
    }

    if (parts.Contains("chat"))
    {
        Console.WriteLine();
        Console.WriteLine("## The assistant (local mode: embeddings, router and agents in the Api, no LLM)");
        var chat = new ChatRun(system);
        var conversations = quick ? 300 : 1_000;
        await chat.RunAsync(50, 50);
        var pid = system.ApiProcessId();
        long? residentBefore = pid is { } p1 ? BenchSystem.ResidentMegabytes(p1) : null;
        var liveBefore = pid is { } p2 ? await ManagedHeap.LiveBytesAfterFullCollectionAsync(p2, TimeSpan.FromSeconds(30)) : null;
        var figures = await chat.RunAsync(conversations, 50);
        Console.WriteLine($"Saturated (each visitor sends the next message as soon as the answer arrives): {figures.Messages:N0} messages in {figures.Conversations:N0} conversations, {figures.Concurrency} at a time: {figures.MessagesPerSecond:N0} messages/s, " +
                          $"p50 {figures.P50:0.0} ms, p95 {figures.P95:0.0} ms, p99 {figures.P99:0.0} ms, {figures.Failures} failed. Agents: {figures.Agents}.");
        var paced = await chat.RunAsync(quick ? 150 : 500, 50, TimeSpan.FromSeconds(1));
        Console.WriteLine($"50 conversations at a time, each visitor pausing 1 s before the next message: {paced.Messages:N0} messages, {paced.MessagesPerSecond:N0} messages/s, " +
                          $"p50 {paced.P50:0.0} ms, p95 {paced.P95:0.0} ms, p99 {paced.P99:0.0} ms, {paced.Failures} failed.");
        var again = await chat.RunAsync(conversations, 50);
        long? residentAfter = pid is { } p3 ? BenchSystem.ResidentMegabytes(p3) : null;
        var liveAfter = pid is { } p4 ? await ManagedHeap.LiveBytesAfterFullCollectionAsync(p4, TimeSpan.FromSeconds(30)) : null;
        Console.WriteLine($"Saturated again: p50 {again.P50:0.0} ms, p95 {again.P95:0.0} ms, {again.MessagesPerSecond:N0} messages/s, {again.Failures} failed. " +
                          $"Memory across the three runs ({figures.Messages + paced.Messages + again.Messages:N0} messages): resident {residentBefore} → {residentAfter} MB, " +
                          $"live heap {(liveBefore ?? 0) / 1048576.0:0.0} → {(liveAfter ?? 0) / 1048576.0:0.0} MB.");
    }

    if (parts.Contains("calendar"))
    {
        var calendar = CalendarRun.Mix(system);
        var runs = new List<LoadResult>
        {
            await LoadRunner.RunAsync(calendar, () => system.Client(), 50, seconds),
            await LoadRunner.RunAsync(calendar, () => system.Client(), 50, seconds, thinkTime: TimeSpan.FromSeconds(1)),
        };
        CalendarRun.Print(runs);
    }

    if (parts.Contains("inbox"))
    {
        Console.WriteLine();
        Console.WriteLine("## The inbox (SMS through the local RingCentral server, answered by the assistant)");
        var inbox = new InboxRun(system);
        var burst = await inbox.BurstAsync(texts: quick ? 200 : 500, concurrency: 16);
        Console.WriteLine($"Burst: {burst.Texts:N0} texts from different people posted {burst.Concurrency} at a time: webhooks {burst.WebhooksPerSecond:N0}/s, " +
                          $"p50 {burst.WebhookP50:0.0} ms, p95 {burst.WebhookP95:0.0} ms, {burst.Failures} not answered 200. " +
                          $"Text in → SMS back (verified, stored, outbox, RabbitMQ, the assistant, claim, RingCentral): {burst.Answered:N0}/{burst.Texts:N0} answered, " +
                          $"p50 {burst.ReplyP50:0} ms, p95 {burst.ReplyP95:0} ms, p99 {burst.ReplyP99:0} ms; all in {burst.Seconds:0.0} s.");
        var paced = await inbox.BurstAsync(texts: 30, concurrency: 1, pause: TimeSpan.FromMilliseconds(500));
        Console.WriteLine($"One at a time: {paced.Texts} texts, one every half second: text in → SMS back p50 {paced.ReplyP50:0} ms, p95 {paced.ReplyP95:0} ms, " +
                          $"{paced.Answered}/{paced.Texts} answered.");
        Console.WriteLine("Repeat: " + await inbox.RepeatAsync(repeats: quick ? 1_000 : 2_000, concurrency: 16) + ".");
        var ids = (await system.ScalarAsync<Guid[]>("SELECT array_agg(id) FROM (SELECT id FROM conversations ORDER BY last_message_at DESC LIMIT 200) c"))!;
        var reading = new List<LoadResult>
        {
            await LoadRunner.RunAsync(inbox.StaffMix(ids), () => system.Client(), 20, seconds),
            await LoadRunner.RunAsync(inbox.StaffMix(ids), () => system.Client(), 20, seconds, thinkTime: TimeSpan.FromSeconds(1)),
        };
        LoadRunner.PrintTable("Staff", reading);
    }

    if (parts.Contains("reviews"))
    {
        Console.WriteLine();
        Console.WriteLine("## Reviews and loyalty");
        var reviews = new ReviewsRun(system);
        var (uploads, customerToken, _) = await reviews.UploadAsync(10);
        Console.WriteLine($"Photo uploads: {uploads.Count} × a {uploads.Bytes / 1024:N0} kB 2000 × 1500 JPEG with GPS, one after another (content check, header read, " +
                          $"decode, three widths, re-encode without metadata, three files stored): p50 {uploads.P50:0} ms, p95 {uploads.P95:0} ms, max {uploads.Max:0} ms.");
        var chefs = (await system.ScalarAsync<Guid[]>("SELECT array_agg(id) FROM chefs WHERE is_active"))!;
        var visitors = new List<LoadResult>
        {
            await LoadRunner.RunAsync(reviews.VisitorMix(chefs), () => system.Client(), 50, seconds),
            await LoadRunner.RunAsync(reviews.VisitorMix(chefs), () => system.Client(), 50, seconds, thinkTime: TimeSpan.FromSeconds(1)),
        };
        LoadRunner.PrintTable("Visitors", visitors);
        LoadRunner.PrintTable("Customers", [await LoadRunner.RunAsync(ReviewsRun.CustomerMix(customerToken), () => system.Client(), 20, seconds)]);
    }

    if (parts.Contains("google"))
    {
        Console.WriteLine();
        Console.WriteLine("## Chefs' own calendars (Google and ICS busy times) in the booking wizard, and the private ICS feed");
        var google = new GoogleRun(system);
        var before = await LoadRunner.RunAsync(google.StationMonth(), () => system.Client(), 50, seconds);
        var added = await google.AddBusyTimesAsync(100);
        var after = await LoadRunner.RunAsync(google.StationMonth(), () => system.Client(), 50, seconds);
        Console.WriteLine($"A month of the 40-chef station's open times, 50 users: without calendar busy times {before.RequestsPerSecond:N0} req/s, p50 {before.P50:0} ms, p95 {before.P95:0} ms; " +
                          $"with {added:N0} busy times ({added / 40} per chef) {after.RequestsPerSecond:N0} req/s, p50 {after.P50:0} ms, p95 {after.P95:0} ms.");
        var feed = await google.FeedAsync(200);
        Console.WriteLine($"Private ICS feed of the busiest chef ({feed.Events} events, {feed.Bytes / 1024:N0} kB), {feed.Requests} reads one after another: p50 {feed.P50:0.0} ms, p95 {feed.P95:0.0} ms.");
    }

    if (parts.Contains("marketing"))
    {
        Console.WriteLine();
        Console.WriteLine("## Marketing dashboards (added up in PostgreSQL from the synced rows)");
        var marketing = new MarketingRun(system);
        var (loadSeconds, rows) = await marketing.LoadDemoAsync();
        Console.WriteLine($"Demo set: {rows:N0} rows (90 days of Search Console, Google Ads and GA4) stored and analysed in {loadSeconds:0.0} s.");
        LoadRunner.PrintTable("Staff opening the dashboards, 20 users without pause",
            [await LoadRunner.RunAsync(MarketingRun.StaffMix(), () => system.Client(system.AdminToken), 20, seconds)]);
        var ingest = await marketing.IngestAdsAsync();
        Console.WriteLine($"A 90-day Google Ads sync stored as the Workers send it: {ingest.Rows:N0} rows in {ingest.Parts} parts ({ingest.Bytes / 1024 / 1024.0:0.0} MB of JSON) " +
                          $"in {ingest.Seconds:0.0} s ({ingest.Rows / ingest.Seconds:N0} rows/s), slowest part {ingest.SlowestPart:0.00} s (days replaced, CPA alerts checked; recommendations refreshed after the last).");
    }

    if (parts.Contains("bad-input"))
    {
        Console.WriteLine();
        Console.WriteLine("## Bad input to every endpoint");
        var bad = await new BadInputRun(system).RunAsync();
        Console.WriteLine($"{bad.Requests:N0} requests (malformed JSON, wrong content type, 2 MB bodies, 5,000-deep nesting, invalid UTF-8, injection strings, wrong types, nulls, out-of-range numbers) " +
                          $"to every operation in /openapi/v1.json: {bad.ServerErrors} answered 5xx, {bad.ConnectionErrors} got no answer (connection closed or reset).");
        foreach (var example in bad.Examples)
        {
            Console.WriteLine("  " + example);
        }
    }
}
finally
{
    await system.DisposeAsync();
}

Console.WriteLine();
Console.WriteLine($"Done in {total.Elapsed.TotalMinutes:0.0} minutes.");

// A just-started Api spends its first half minute under load compiling (tiered JIT with PGO takes
// up to half a core while hot methods move to optimised code), so the figures would describe start-up,
// not the service. Warm up at 50 users in 5-second rounds until throughput stops climbing.
static async Task WarmUpAsync(IReadOnlyList<Operation> mix, BenchSystem system, bool quick)
{
    // Two rounds in a row that do not beat the best so far by 5 % end it: one flat round is noise as
    // often as it is the end of compilation.
    var (minimumRounds, maximumRounds) = quick ? (2, 6) : (7, 18);
    var rates = new List<double>();
    var flat = 0;
    for (var round = 1; round <= maximumRounds; round++)
    {
        var best = rates.Count == 0 ? 0 : rates.Max();
        rates.Add((await LoadRunner.RunAsync(mix, () => system.Client(), 50, TimeSpan.FromSeconds(5))).RequestsPerSecond);
        flat = rates[^1] < best * 1.05 ? flat + 1 : 0;
        if (round >= minimumRounds && flat >= (quick ? 1 : 2))
        {
            break;
        }
    }

    Console.WriteLine($"Warm-up at 50 users, 5-second rounds until throughput stops climbing: {string.Join(" → ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} req/s.");
}
