using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Assistant.Knowledge;
using MyHibachi.Api.Features.Assistant.Routing;

namespace MyHibachi.Api.Features.Assistant.Agents;

/// <summary>One customer message as an agent sees it: the text, what it states, what the conversation remembers.</summary>
public sealed record AgentTurn(
    Guid ConversationId, string Text, float[] Vector, ExtractedSlots Slots, ConversationMemory Memory, RouteDecision Route,
    Guid? CustomerId, ConversationChannel Channel, DateOnly Today);

/// <summary>
/// An agent's answer. <see cref="Facts"/> are the numbers and dates the reply states, as the services
/// returned them: LLM mode may rephrase the reply but may state no number that is not among them.
/// </summary>
public sealed record AgentAnswer(string Reply, string Intent)
{
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>False for a clarifying question or a question asked again: three in a row hand over to a person.</summary>
    public bool Progress { get; init; } = true;

    public ConversationMemory? Memory { get; init; }

    public IReadOnlyList<KnowledgeHit> Sources { get; init; } = [];

    public IReadOnlyList<string> Facts { get; init; } = [];

    /// <summary>The agent cannot answer safely and a person should (e.g. an allergy we have no data for).</summary>
    public string? HandOver { get; init; }
}

public interface IAssistantAgent
{
    string Name { get; }

    string Description { get; }

    IReadOnlyList<string> Answers { get; }

    Task<AgentAnswer> AnswerAsync(AgentTurn turn, CancellationToken cancellationToken);
}

public static class Say
{
    public static string Money(long cents) => Pricing.PricingEngine.Money(cents);

    public static string Date(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => "",
            1 => all[0],
            2 => $"{all[0]} and {all[1]}",
            _ => string.Join(", ", all[..^1]) + " and " + all[^1],
        };
    }

    public static string StationCity(string stationName) => StationNames.City(stationName);

    public static string Guests(int adults, int children) =>
        children > 0 ? $"{adults} adults and {children} children" : $"{adults} {(adults == 1 ? "adult" : "adults")}";
}
