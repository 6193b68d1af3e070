using MyHibachi.Api.Features.Assistant.Knowledge;

namespace MyHibachi.Api.Features.Assistant.Agents;

/// <summary>Policies and how a party works, answered from the staff-written knowledge base with the passage cited.</summary>
public sealed class KnowledgeAgent(KnowledgeBase knowledge) : IAssistantAgent
{
    public string Name => AgentNames.Knowledge;

    public string Description => "Policies and how a party works, from the knowledge base staff keep.";

    public IReadOnlyList<string> Answers => ["What's your cancellation policy?", "What do we need to provide?", "What if it rains?"];

    public async Task<AgentAnswer> AnswerAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var hits = await knowledge.SearchAsync(turn.Text, turn.Vector, 2, cancellationToken);
        if (hits.Count == 0)
        {
            return new AgentAnswer("I don't have an answer written down for that. Would you like me to pass your question to a person from our team?", "knowledge_missing")
            {
                Progress = false,
                Suggestions = ["Talk to a person"],
            };
        }

        var best = hits[0];
        var reply = best.Body;
        // A second passage only when it is nearly as relevant, so the answer stays short.
        if (hits.Count > 1 && hits[1].Score >= best.Score - 0.05 && hits[1].Score >= 0.45)
        {
            reply += " " + hits[1].Body;
        }

        return new AgentAnswer(reply + $" (Source: {best.Title})", "knowledge")
        {
            Sources = hits,
            Facts = [best.Body, .. hits.Skip(1).Select(h => h.Body)],
            Suggestions = ["Get a quote", "Check a date"],
        };
    }
}
