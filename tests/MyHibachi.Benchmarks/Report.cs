namespace MyHibachi.Benchmarks;

/// <summary>Prints results as Markdown tables, ready for the README.</summary>
public static class Report
{
    public static void Load(IReadOnlyList<LoadResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("## Load (closed loop: each virtual user sends its next request as soon as the last one answered)");
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
            Console.WriteLine();
            Console.WriteLine("| Operation | Requests | p50 ms | p95 ms | p99 ms | Errors |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var o in r.Operations)
            {
                Console.WriteLine($"| {o.Name} | {o.Count:N0} | {o.P50:0.0} | {o.P95:0.0} | {o.P99:0.0} | {o.Errors} |");
            }
        }
    }
}
