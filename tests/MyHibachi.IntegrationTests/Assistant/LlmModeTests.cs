using System.Net;
using MyHibachi.TestSupport;

namespace MyHibachi.IntegrationTests.Assistant;

/// <summary>LLM mode against a local server that speaks the chat-completions wire format.</summary>
public sealed class LlmModeTests(AssistantAppHost host) : AssistantTest(host)
{
    [Fact]
    public async Task The_model_phrases_the_grounded_answer_after_a_tool_call_and_never_replaces_its_numbers()
    {
        await Api.CreateStationAsync();
        var quote = (await Api.PostAsync<QuoteDto>("/api/quote/calculate", new QuoteRequest(null, "30305", 20, 0, null, null, null, null))).Ok(HttpStatusCode.Created);
        var before = Host.Llm.Requests.Count;
        try
        {
            Host.Llm.Mode = LocalChatServer.Behaviour.Faithful;
            var phrased = await ChatAsync(Host.CreateAnonymousClient(), "how much for 20 adults in 30305");
            Assert.StartsWith(LocalChatServer.Greeting, phrased.Reply, StringComparison.Ordinal);
            Assert.Contains(Money(quote.Pricing.TotalCents), phrased.Reply, StringComparison.Ordinal);
            var calls = Host.Llm.Requests.Skip(before).ToList();
            Assert.Equal(2, calls.Count);
            Assert.Contains("grounded_answer", calls[0].Body, StringComparison.Ordinal);
            Assert.Contains("\"role\":\"tool\"", calls[1].Body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal("Bearer sk-local", calls[0].Headers["Authorization"]);

            // A price the functions never returned is not sent: the local answer is.
            Host.Llm.Mode = LocalChatServer.Behaviour.Inventive;
            var invented = await ChatAsync(Host.CreateAnonymousClient(), "how much for 20 adults in 30305");
            Assert.DoesNotContain("7.77", invented.Reply, StringComparison.Ordinal);
            Assert.Contains($"total {Money(quote.Pricing.TotalCents)}", invented.Reply, StringComparison.Ordinal);

            // A provider error or a timeout falls back to local mode, never to an error.
            foreach (var behaviour in new[] { LocalChatServer.Behaviour.Failing, LocalChatServer.Behaviour.Slow })
            {
                Host.Llm.Mode = behaviour;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var fallback = await ChatAsync(Host.CreateAnonymousClient(), "how much for 20 adults in 30305");
                Assert.Contains($"total {Money(quote.Pricing.TotalCents)}", fallback.Reply, StringComparison.Ordinal);
                Assert.False(fallback.Reply.StartsWith(LocalChatServer.Greeting, StringComparison.Ordinal));
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"{behaviour} took {watch.Elapsed}.");
            }
        }
        finally
        {
            Host.Llm.Mode = LocalChatServer.Behaviour.Unavailable;
        }
    }
}
