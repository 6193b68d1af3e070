using System.Diagnostics;
using System.Globalization;
using MyHibachi.Benchmarks;

// Load, leak and fault benchmarks against the real running system (AppHost with PostgreSQL, Redis
// and RabbitMQ). Run on demand:
//   dotnet run -c Release --project tests/MyHibachi.Benchmarks [-- --quick] [-- --only load,baseline,memory,faults,bad-input]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var parts = only?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet()
            ?? ["load", "baseline", "memory", "faults", "bad-input"];
var seconds = TimeSpan.FromSeconds(Array.IndexOf(args, "--seconds") is var s and >= 0 && s + 1 < args.Length ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : quick ? 8 : 20);
var memoryRequests = quick ? 10_000 : 100_000;
var total = Stopwatch.StartNew();

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
    await LoadRunner.RunAsync(mix, () => system.Client(), 20, TimeSpan.FromSeconds(quick ? 3 : 5)); // warm-up (JIT, pools)
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
            var api = results.Single(r => r.VirtualUsers == workers).Operations.Single(o => o.Name == "booking detail");
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
            var before = BenchSystem.ResidentMegabytes(pid);
            await LoadRunner.RunAsync(mix, () => system.Client(), 50, totalRequests: 1_000);
            var after1k = BenchSystem.ResidentMegabytes(pid);
            Console.WriteLine($"Resident memory: {memoryAfterWarmUp} MB after warm-up, {before} MB before this run, {after1k} MB after 1,000 requests.");
            // In steps, so growth that levels off (the GC sizing its heaps) shows apart from a leak (a line that keeps rising).
            const int steps = 5;
            var sent = 0;
            var last = after1k;
            for (var step = 1; step <= steps; step++)
            {
                var chunk = await LoadRunner.RunAsync(mix, () => system.Client(), 50, totalRequests: memoryRequests / steps);
                sent += memoryRequests / steps;
                var now = BenchSystem.ResidentMegabytes(pid);
                Console.WriteLine($"  after {sent,7:N0} more: {now} MB ({now - last:+0;-0;0} MB in this step; {chunk.RequestsPerSecond:N0} req/s, {chunk.ErrorRate:P2} errors)");
                last = now;
            }

            Console.WriteLine($"Change from 1,000 requests to {memoryRequests:N0} more: {last - after1k:+0;-0;0} MB.");
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
