namespace MyHibachi.Benchmarks;

/// <summary>Prints results as Markdown tables, ready for the README.</summary>
public static class Report
{
    public static void Load(IReadOnlyList<LoadResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("## Load");
        Console.WriteLine();
        Console.WriteLine("Without think time each virtual user sends its next request as soon as the last one answered: the");
        Console.WriteLine("Api's capacity, with latency set by queueing on two saturated cores. With think time each user pauses");
        Console.WriteLine("a random time averaging one second between requests (busier than a person on the site).");
        Console.WriteLine();
        Console.WriteLine("| Virtual users | Think time | Requests | Requests/s | p50 ms | p95 ms | p99 ms | Errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.VirtualUsers} | {Think(r)} | {r.Requests:N0} | {r.RequestsPerSecond:N0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {r.ErrorRate:P2} |");
        }

        foreach (var r in results.Where(r => r.Errors > 0))
        {
            Console.WriteLine($"Errors at {r.VirtualUsers} users, {Think(r)} think time: {r.DescribeErrors()}");
        }

        foreach (var r in results)
        {
            Console.WriteLine();
            Console.WriteLine($"Per operation at {r.VirtualUsers} users, {(r.ThinkTime is null ? "no" : Think(r))} think time:");
            Console.WriteLine();
            Console.WriteLine("| Operation | Requests | p50 ms | p95 ms | p99 ms | Errors |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var o in r.Operations)
            {
                Console.WriteLine($"| {o.Name} | {o.Count:N0} | {o.P50:0.0} | {o.P95:0.0} | {o.P99:0.0} | {o.Errors} |");
            }
        }
    }

    private static string Think(LoadResult result) => result.ThinkTime is { } t ? $"{t.TotalSeconds:0.#} s" : "none";
}
