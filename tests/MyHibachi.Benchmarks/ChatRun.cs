using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace MyHibachi.Benchmarks;

/// <summary>
/// The assistant in local mode under load: many visitors at once, each in its own conversation of a
/// few turns (a price question, their guests and ZIP code, the menu, an allergy, a policy, travel), as
/// a busy evening's chat widget would send them.
/// </summary>
public sealed class ChatRun(BenchSystem system)
{
    public sealed record Figures(int Messages, int Conversations, int Concurrency, double MessagesPerSecond, double P50, double P95, double P99, int Failures, string Agents);

    private static readonly string[][] Scripts =
    [
        ["hi! how much is a hibachi party?", "we'll be 18 adults and 3 kids", "30305", "what proteins can we pick?"],
        ["do you come out to 30040?", "what's the travel fee for 45 miles", "how much for 25 people in 30040"],
        ["is anything gluten free? my wife is celiac", "and vegan options?", "what's your cancellation policy?"],
        ["what do we need to provide for the chef", "what if it rains", "how long does the show last"],
        ["are you free on a saturday next month?", "how much is the lobster upgrade", "my son has a shellfish allergy"],
    ];

    public async Task<Figures> RunAsync(int conversations, int concurrency, TimeSpan? thinkTime = null)
    {
        var latencies = new List<double>();
        var agents = new Dictionary<string, int>();
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, ct) =>
        {
            using var http = system.Client();
            string? conversationId = null;
            foreach (var message in Scripts[n % Scripts.Length])
            {
                if (thinkTime is { } pause && conversationId is not null)
                {
                    // A person reads the answer and types the next message.
                    await Task.Delay(pause, ct);
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/v1/ai/chat", new { conversationId, message }, ct);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures++;
                        return;
                    }
                }

                var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
                conversationId = reply.GetProperty("conversationId").GetString();
                var agent = reply.GetProperty("agent").GetString()!.Replace("Agent", "", StringComparison.Ordinal);
                lock (agents)
                {
                    agents[agent] = agents.GetValueOrDefault(agent) + 1;
                }
            }
        });
        var seconds = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new Figures(latencies.Count, conversations, concurrency, latencies.Count / seconds, At(0.50), At(0.95), At(0.99), failures,
            string.Join(", ", agents.OrderByDescending(a => a.Value).Select(a => $"{a.Key} {a.Value}")));
    }
}
