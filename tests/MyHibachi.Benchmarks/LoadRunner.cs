using System.Diagnostics;

namespace MyHibachi.Benchmarks;

/// <summary>One operation of the mix: a name, a weight and what one virtual user does.</summary>
public sealed record Operation(string Name, int Weight, Func<HttpClient, Random, Task<int>> Send);

public sealed record OperationStats(string Name, int Count, int Errors, double P50, double P95, double P99, double Mean);

public sealed record LoadResult(int VirtualUsers, TimeSpan? ThinkTime, TimeSpan Duration, long Requests, long Errors, double P50, double P95, double P99, IReadOnlyList<OperationStats> Operations)
{
    /// <summary>What the errors were: "operation: status" (0 = no answer; "unexpected N" = an answer the operation must not give) and how many.</summary>
    public IReadOnlyDictionary<string, int> ErrorKinds { get; init; } = new Dictionary<string, int>();

    public string DescribeErrors() => string.Join(", ", ErrorKinds.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{e.Value}"));

    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public double ErrorRate => Requests == 0 ? 0 : Errors / (double)Requests;
}

/// <summary>
/// Closed-loop load: each virtual user sends its next request as soon as the last one answered (or,
/// with a think time, after a random pause averaging it, as people using the site do), for a fixed
/// time or number of requests. Every latency is kept, so percentiles are exact.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        IReadOnlyList<Operation> mix, Func<HttpClient> clientFactory, int virtualUsers, TimeSpan? duration = null, long? totalRequests = null,
        Func<int, string, bool>? isError = null, TimeSpan? thinkTime = null)
    {
        isError ??= (status, _) => status is <= 0 or >= 500;
        var errorKinds = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var totalWeight = mix.Sum(o => o.Weight);
        var samples = mix.ToDictionary(o => o.Name, _ => new List<(double Ms, bool Error)>());
        var sent = 0L;
        var stopwatch = Stopwatch.StartNew();
        using var stop = duration is { } d ? new CancellationTokenSource(d) : new CancellationTokenSource();

        async Task User(int index)
        {
            var random = new Random(index * 7919 + 17);
            using var client = clientFactory();
            var local = mix.ToDictionary(o => o.Name, _ => new List<(double, bool)>());
            while (!stop.IsCancellationRequested)
            {
                if (totalRequests is { } limit && Interlocked.Increment(ref sent) > limit)
                {
                    break;
                }

                var pick = random.Next(totalWeight);
                var operation = mix.First(o => (pick -= o.Weight) < 0);
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    status = await operation.Send(client, random);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = 0;
                }

                var failed = isError(status, operation.Name);
                local[operation.Name].Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed));
                if (failed)
                {
                    errorKinds.AddOrUpdate($"{operation.Name}: {(status < 0 ? $"unexpected {-status}" : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}", 1, (_, n) => n + 1);
                }
                if (thinkTime is { } think)
                {
                    // Exponentially distributed pauses: arrivals as random as independent people make them.
                    var pause = TimeSpan.FromMilliseconds(-Math.Log(1 - random.NextDouble()) * think.TotalMilliseconds);
                    try
                    {
                        await Task.Delay(pause, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            lock (samples)
            {
                foreach (var (name, list) in local)
                {
                    samples[name].AddRange(list);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, virtualUsers).Select(User));
        stopwatch.Stop();

        var all = samples.Values.SelectMany(s => s).Select(s => s.Ms).Order().ToArray();
        var operations = mix.Select(o =>
        {
            var list = samples[o.Name];
            var sorted = list.Select(s => s.Ms).Order().ToArray();
            return new OperationStats(o.Name, list.Count, list.Count(s => s.Error), Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Length == 0 ? 0 : sorted.Average());
        }).ToList();
        return new LoadResult(virtualUsers, thinkTime, stopwatch.Elapsed, all.Length, samples.Values.Sum(s => s.Count(x => x.Error)),
            Percentile(all, 50), Percentile(all, 95), Percentile(all, 99), operations) { ErrorKinds = errorKinds.ToDictionary() };
    }

    /// <summary>One row per operation of each run: users, think time, throughput and latencies, as a Markdown table.</summary>
    public static void PrintTable(string usersColumn, IReadOnlyList<LoadResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"| {usersColumn} | Think time | Requests/s | Operation | Requests | p50 ms | p95 ms | p99 ms | Errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            foreach (var o in r.Operations)
            {
                Console.WriteLine($"| {r.VirtualUsers} | {(r.ThinkTime is { } t ? $"{t.TotalSeconds:0.#} s" : "none")} | {r.RequestsPerSecond:N0} | {o.Name} | {o.Count:N0} | {o.P50:0.0} | {o.P95:0.0} | {o.P99:0.0} | {o.Errors} |");
            }
        }
    }

    public static double Percentile(double[] sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
