using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using MyHibachi.Api.Features.Assistant.Agents;
using MyHibachi.Api.Features.Assistant.Knowledge;
using MyHibachi.Api.Features.Quotes;

namespace MyHibachi.Api.Features.Assistant.Llm;

/// <summary>
/// LLM mode, off unless an OpenAI-compatible endpoint is configured (OpenAI, or Anthropic's and xAI's
/// OpenAI-compatible endpoints): Assistant:Llm:Endpoint, :Model, :ApiKey, :TimeoutSeconds.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Assistant:Llm";

    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}

/// <summary>
/// Turns an agent's grounded answer into the customer's reply. In local mode (the default) the answer
/// is the reply. In LLM mode a Semantic Kernel chat completion phrases it, with the agent's answer, the
/// quote engine and the knowledge base as kernel functions; a reply that states a number no function
/// returned is discarded, and so is any provider error or timeout: the customer then gets the local
/// answer, never an error.
/// </summary>
public sealed partial class ReplyPhraser(
    IOptions<LlmOptions> options, IHttpClientFactory http, QuoteService quotes, KnowledgeBase knowledge, Routing.AssistantModel model,
    ILogger<ReplyPhraser> logger)
{
    public const string HttpClientName = "llm";

    public bool Enabled => options.Value.Enabled;

    public async Task<string> PhraseAsync(string message, string agent, AgentAnswer answer, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return answer.Reply;
        }

        var results = new List<string> { answer.Reply };
        results.AddRange(answer.Facts);
        var kernel = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(settings.Model!, new Uri(settings.Endpoint!), settings.ApiKey ?? "not-needed", httpClient: http.CreateClient(HttpClientName))
            .Build();
        kernel.Plugins.AddFromFunctions("hibachi",
        [
            KernelFunctionFactory.CreateFromMethod(
                () => Record(results, JsonSerializer.Serialize(new { answer = answer.Reply, facts = answer.Facts })),
                "grounded_answer", "The correct answer to the customer's message, from the business's own systems. Always call this first."),
            KernelFunctionFactory.CreateFromMethod(
                async ([Description("Adults")] int adults, [Description("Children 12 and under")] int children, [Description("5-digit ZIP code")] string zip) =>
                {
                    var quote = await quotes.CalculateAsync(new QuoteRequest(null, zip, adults, children, null, [], null, Contracts.LeadSource.Chat), cancellationToken);
                    return Record(results, quote.Succeeded
                        ? JsonSerializer.Serialize(new { total = Say.Money(quote.Value!.Pricing.TotalCents), deposit = Say.Money(quote.Value.Pricing.DepositCents), travel = Say.Money(quote.Value.Pricing.TravelFeeCents) })
                        : "error: " + string.Join(" ", quote.Failure!.Errors?.SelectMany(e => e.Value) ?? [quote.Failure.Title]));
                },
                "quote", "Prices a party: the total, deposit and travel fee."),
            KernelFunctionFactory.CreateFromMethod(
                async ([Description("The customer's question")] string question) =>
                {
                    var hits = await knowledge.SearchAsync(question, model.Embed(question), 2, cancellationToken);
                    return Record(results, JsonSerializer.Serialize(hits.Select(h => new { h.Title, h.Body })));
                },
                "search_knowledge", "Searches the business's policies and FAQ."),
        ]);

        var history = new ChatHistory(
            $"You are MyHibachi's {agent}, answering a customer of a mobile hibachi catering business in chat. " +
            "Call grounded_answer first and base your reply on it. Be warm and brief (at most four sentences). " +
            "Never state a price, fee, date, time or number that no function returned.");
        history.AddUserMessage(message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            var chat = kernel.GetRequiredService<IChatCompletionService>();
            var reply = await chat.GetChatMessageContentAsync(
                history, new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel, timeout.Token);
            var text = reply.Content?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                logger.LogWarning("The LLM gave an empty reply; the local answer is sent.");
                return answer.Reply;
            }

            if (UngroundedNumbers(text, [message, .. results]) is { Count: > 0 } invented)
            {
                logger.LogWarning("The LLM stated numbers no function returned ({Numbers}); the local answer is sent.", string.Join(", ", invented));
                return answer.Reply;
            }

            return text;
        }
        // Whatever the provider does (an error, a timeout, an open circuit breaker, a malformed answer), the customer gets the local answer.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The LLM did not answer ({Error}); the local answer is sent.", exception.Message);
            return answer.Reply;
        }
    }

    /// <summary>The numbers of a reply that appear in none of the sources (amounts compared without $ and thousands separators).</summary>
    public static IReadOnlyList<string> UngroundedNumbers(string reply, IEnumerable<string> sources)
    {
        var known = sources.SelectMany(s => NumberPattern().Matches(s).Select(m => Normalize(m.Value))).ToHashSet(StringComparer.Ordinal);
        return NumberPattern().Matches(reply).Select(m => Normalize(m.Value)).Where(n => !known.Contains(n)).Distinct().ToList();
    }

    private static string Normalize(string number)
    {
        var plain = number.Replace(",", "", StringComparison.Ordinal);
        return plain.EndsWith(".00", StringComparison.Ordinal) ? plain[..^3] : plain;
    }

    private static string Record(List<string> results, string result)
    {
        lock (results)
        {
            results.Add(result);
        }

        return result;
    }

    [GeneratedRegex(@"\d[\d,]*(?:[.:]\d+)?")]
    private static partial Regex NumberPattern();
}
