using System.Diagnostics;
using System.Globalization;
using MyHibachi.Benchmarks;

// Load, leak and fault benchmarks against the real running system (AppHost with PostgreSQL, Redis
// and RabbitMQ). Run on demand:  dotnet run -c Release --project tests/MyHibachi.Benchmarks [-- --quick]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var seconds = TimeSpan.FromSeconds(quick ? 8 : 20);
var memoryRequests = quick ? 10_000 : 100_000;
var total = Stopwatch.StartNew();

Console.WriteLine($"MyHibachi benchmarks ({(quick ? "quick" : "full")} run), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine("Starting the system (AppHost, real PostgreSQL, Redis and RabbitMQ)...");
var system = new BenchSystem();
await system.InitializeAsync();
try
{
    await system.SetUpBusinessAsync(chefs: 40, bookings: 300);
    Console.WriteLine($"Ready in {total.Elapsed.TotalSeconds:0}s: a station with 40 chefs and {system.BookingIds.Count} bookings, plus the demo business.");
    var apiPid = system.ApiProcessId();
    var mix = Mix.For(system);

    Console.WriteLine();
    Console.WriteLine("## Load (closed loop: each virtual user sends its next request when the last one answers)");
    await LoadRunner.RunAsync(mix, () => system.Client(), 20, TimeSpan.FromSeconds(quick ? 3 : 5)); // warm-up
    var memoryBefore = apiPid is { } p0 ? BenchSystem.ResidentMegabytes(p0) : null;
    var results = new List<LoadResult>();
    foreach (var users in new[] { 50, 100 })
    {
        var result = await LoadRunner.RunAsync(mix, () => system.Client(), users, seconds);
        results.Add(result);
    }

    Console.WriteLine();
    Console.WriteLine("| Virtual users | Requests | Requests/s | p50 ms | p95 ms | p99 ms | Errors |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var r in results)
    {
        Console.WriteLine($"| {r.VirtualUsers} | {r.Requests:N0} | {r.RequestsPerSecond:N0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.ErrorRate:P2} |");
    }

    foreach (var r in results)
    {
        Console.WriteLine();
        Console.WriteLine($"Per operation at {r.VirtualUsers} users:");
        Console.WriteLine("| Operation | Requests | p50 ms | p95 ms | p99 ms | Errors |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var o in r.Operations)
        {
            Console.WriteLine($"| {o.Name} | {o.Count:N0} | {o.P50:0.0} | {o.P95:0.0} | {o.P99:0.0} | {o.Errors} |");
        }
    }

    Console.WriteLine();
    Console.WriteLine("## Baseline: the same single-row read straight at PostgreSQL (Npgsql)");
    var detailAt100 = results[^1].Operations.Single(o => o.Name == "booking detail");
    foreach (var workers in new[] { 50, 100 })
    {
        var baseline = await PostgresBaseline.RunAsync(system.PostgresConnectionString, system.BookingIds, workers, seconds);
        var api = results.Single(r => r.VirtualUsers == workers).Operations.Single(o => o.Name == "booking detail");
        Console.WriteLine($"{workers} workers: {baseline.RequestsPerSecond:N0} reads/s, p50 {baseline.P50:0.00} ms, p95 {baseline.P95:0.00} ms, p99 {baseline.P99:0.00} ms " +
                          $"(Api booking detail p50 {api.P50:0.0} ms = {api.P50 / Math.Max(0.001, baseline.P50):0.0}x, p95 {api.P95:0.0} ms = {api.P95 / Math.Max(0.001, baseline.P95):0.0}x)");
    }

    _ = detailAt100;
    Console.WriteLine();
    Console.WriteLine($"## Memory of the Api process over {memoryRequests:N0} requests");
    if (apiPid is { } pid)
    {
        var afterLoad = BenchSystem.ResidentMegabytes(pid);
        await LoadRunner.RunAsync(mix, () => system.Client(), 50, totalRequests: 1_000);
        var after1k = BenchSystem.ResidentMegabytes(pid);
        var longRun = await LoadRunner.RunAsync(mix, () => system.Client(), 50, totalRequests: memoryRequests);
        var afterMany = BenchSystem.ResidentMegabytes(pid);
        Console.WriteLine($"Resident memory: {memoryBefore} MB after warm-up, {afterLoad} MB after the load levels, {after1k} MB after 1,000 more requests, " +
                          $"{afterMany} MB after {memoryRequests:N0} more ({afterMany - after1k:+0;-0;0} MB; {longRun.RequestsPerSecond:N0} req/s, {longRun.ErrorRate:P2} errors).");
    }
    else
    {
        Console.WriteLine("The Api process was not found; memory not measured.");
    }

    Console.WriteLine();
    Console.WriteLine("## Fault runs");
    var faults = new FaultRuns(system);
    Console.WriteLine("- " + await faults.IdempotencyReplayAsync(1_000));
    Console.WriteLine("- " + await faults.RabbitMqOutageAsync(bookings: 200));
    Console.WriteLine("- " + await faults.RedisOutageAsync(requests: 300));
    Console.WriteLine("- " + await faults.ApiKilledAsync(bookings: 150));

    Console.WriteLine();
    Console.WriteLine("## Bad input to every endpoint");
    var (sent, serverErrors, examples) = await new BadInputRun(system).RunAsync();
    Console.WriteLine($"{sent:N0} requests (malformed JSON, wrong content type, 2 MB bodies, 5,000-deep nesting, invalid UTF-8, injection strings, wrong types, nulls, out-of-range numbers) to every operation in /openapi/v1.json: {serverErrors} answered 5xx.");
    foreach (var example in examples)
    {
        Console.WriteLine("  " + example);
    }
}
finally
{
    await system.DisposeAsync();
}

Console.WriteLine();
Console.WriteLine($"Done in {total.Elapsed.TotalMinutes:0.0} minutes.");
