using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace MyHibachi.Benchmarks;

/// <summary>
/// The inbox's hot path: a burst of texts from different people through RingCentral's webhook
/// (verified, stored once, answered by the assistant in the Workers, sent back by SMS through the
/// local RingCentral server), one text's webhook repeated many times, and staff reading the inbox.
/// </summary>
public sealed class InboxRun(BenchSystem system)
{
    public sealed record Burst(int Texts, int Concurrency, double WebhooksPerSecond, double WebhookP50, double WebhookP95, double ReplyP50, double ReplyP95,
        double ReplyP99, double Seconds, int Answered, int Failures);

    public async Task<Burst> BurstAsync(int texts, int concurrency, TimeSpan? pause = null)
    {
        var rc = system.RingCentral;
        var webhook = new Uri(system.ApiAddress, "/api/v1/webhooks/ringcentral");
        var sentBefore = rc.Sent.Count;
        var arrived = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var numbers = new ConcurrentQueue<string>(Enumerable.Range(0, texts).Select(i => $"+1678{Random.Shared.Next(100, 999)}{i:0000}"));
        var questions = new[] { "How much for 15 adults in 30305?", "What is on the menu?", "Do you travel to 30060?", "Is the deposit refundable?", "Do you have vegan options?" };
        var clock = Stopwatch.StartNew();
        // Watched while the texts are posted: when each reply reached RingCentral, from when its text was posted.
        var replies = new ConcurrentDictionary<string, double>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var watcher = Task.Run(async () =>
        {
            var seen = sentBefore;
            while (replies.Count < texts && !stop.IsCancellationRequested)
            {
                var sent = rc.Sent.ToArray();
                for (; seen < sent.Length; seen++)
                {
                    if (arrived.TryGetValue(sent[seen].To, out var at))
                    {
                        replies.TryAdd(sent[seen].To, Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                    }
                }

                await Task.Delay(10);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (numbers.TryDequeue(out var number))
            {
                var started = Stopwatch.GetTimestamp();
                arrived[number] = started;
                var status = await rc.NotifyAsync(webhook, rc.InboundSms(number, questions[(number[^1] - '0') % questions.Length]));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (status != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }

                if (pause is { } wait)
                {
                    await Task.Delay(wait);
                }
            }
        }));
        var webhookSeconds = clock.Elapsed.TotalSeconds;
        await watcher;

        var hooks = latencies.Order().ToArray();
        var answered = replies.Values.Order().ToArray();
        return new Burst(texts, concurrency, texts / webhookSeconds, LoadRunner.Percentile(hooks, 50), LoadRunner.Percentile(hooks, 95),
            LoadRunner.Percentile(answered, 50), LoadRunner.Percentile(answered, 95), LoadRunner.Percentile(answered, 99), clock.Elapsed.TotalSeconds, answered.Length,
            failures);
    }

    /// <summary>One text's notification delivered <paramref name="repeats"/> times: one message, one answer.</summary>
    public async Task<string> RepeatAsync(int repeats, int concurrency)
    {
        var rc = system.RingCentral;
        var webhook = new Uri(system.ApiAddress, "/api/v1/webhooks/ringcentral");
        var number = "+1770555" + Random.Shared.Next(1000, 9999);
        var notification = rc.InboundSms(number, "What proteins can we choose?");
        var latencies = new ConcurrentBag<double>();
        var remaining = repeats;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                await rc.NotifyAsync(webhook, notification);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(3000);
        var stored = await system.ScalarAsync<long>(
            "SELECT count(*) FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.handle = @h AND m.author = 'Customer'", ("h", number));
        var sorted = latencies.Order().ToArray();
        return $"one SMS notification delivered {repeats:N0} times, {concurrency} at a time: {repeats / seconds:N0} deliveries/s, p50 {LoadRunner.Percentile(sorted, 50):0.0} ms, " +
               $"p95 {LoadRunner.Percentile(sorted, 95):0.0} ms; {stored} message stored, {rc.Sent.Count(s => s.To == number)} SMS sent back";
    }

    /// <summary>Staff reading: the inbox list (unfiltered and by channel) and one thread with its contact.</summary>
    public IReadOnlyList<Operation> StaffMix(IReadOnlyList<Guid> conversations)
    {
        var token = system.AdminToken;
        return
        [
            new("inbox list", 50, (http, random) => GetAsync(http, token, random.Next(2) == 0 ? "/api/v1/inbox/conversations" : "/api/v1/inbox/conversations?channel=sms&status=pending")),
            new("thread", 50, (http, random) => GetAsync(http, token, $"/api/v1/inbox/conversations/{conversations[random.Next(conversations.Count)]}")),
        ];
    }

    private static async Task<int> GetAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? (int)response.StatusCode : -(int)response.StatusCode;
    }
}
