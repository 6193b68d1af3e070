using Microsoft.Extensions.Logging.Abstractions;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Assistant;
using MyHibachi.Api.Features.Assistant.Llm;
using MyHibachi.Api.Features.Assistant.Routing;

namespace MyHibachi.UnitTests.Assistant;

public sealed class AssistantRulesTests
{
    [Fact]
    public void The_classifier_learns_separable_labels_and_gives_probabilities_that_sum_to_one()
    {
        float[] V(float a, float b) => [a, b];
        var inputs = new[] { V(1, 0), V(0.9f, 0.1f), V(0, 1), V(0.1f, 0.9f) };
        var classifier = SoftmaxClassifier.Train(inputs, ["east", "east", "north", "north"], epochs: 200, learningRate: 4f);
        var east = classifier.Predict(V(0.95f, 0.05f));
        Assert.Equal(1f, east.Sum(), 3);
        Assert.Equal("east", classifier.Labels[Array.IndexOf(east, east.Max())]);
        var north = classifier.Predict(V(0.05f, 0.95f));
        Assert.Equal("north", classifier.Labels[Array.IndexOf(north, north.Max())]);
    }

    [Fact]
    public void The_nearest_neighbour_vote_weighs_closer_examples_more()
    {
        var index = new ExampleIndex([[1f, 0f], [0.8f, 0.6f], [0f, 1f]], ["a", "a", "b"]);
        var votes = index.Vote([0.6f, 0.8f], 3, ["a", "b"]);
        Assert.Equal(1, votes.Sum(), 6);
        Assert.True(votes[0] > votes[1]);
        Assert.Equal([0.0, 1.0], index.Vote([0f, 1f], 1, ["a", "b"]));
    }

    [Theory]
    [InlineData("I want to talk to a human", true)]
    [InlineData("can I speak with a manager please", true)]
    [InlineData("representative", true)]
    [InlineData("no need for a human, just the price", false)]
    [InlineData("how many persons can the chef serve", false)]
    public void An_explicit_request_for_a_person_is_recognised_and_a_negated_one_is_not(string text, bool asks) =>
        Assert.Equal(asks, EscalationSignals.AsksForPerson(text));

    [Theory]
    [InlineData("the shrimp made my dad really sick", true)]
    [InlineData("you charged me twice for the deposit", true)]
    [InlineData("would I be charged twice if I reschedule", false)]
    [InlineData("I will leave a one star review", true)]
    [InlineData("what's your refund policy", false)]
    public void Incidents_and_disputes_always_go_to_a_person(string text, bool incident) =>
        Assert.Equal(incident, EscalationSignals.ReportsIncident(text));

    [Fact]
    public void Anger_rises_with_angry_words_shouting_and_punctuation()
    {
        Assert.Equal(0, EscalationSignals.Anger("what time does the chef arrive"));
        Assert.True(EscalationSignals.Anger("this is ridiculous") >= 0.45);
        Assert.True(EscalationSignals.Anger("THIS IS THE WORST SERVICE EVER, UNACCEPTABLE!!") >= 0.8);
        Assert.True(EscalationSignals.IsAiHandleable("ok, how much for 15 people?"));
        Assert.False(EscalationSignals.IsAiHandleable("hello??"));
    }

    [Fact]
    public void A_reply_may_state_only_numbers_the_functions_returned()
    {
        var sources = new[] { "total $1,200.00, deposit $100.00", "{\"travel\":\"$9.00\"}", "for 20 adults" };
        Assert.Empty(ReplyPhraser.UngroundedNumbers("Your total is $1,200 with a $100 deposit and $9.00 travel for 20 adults.", sources));
        Assert.Equal(["7.77"], ReplyPhraser.UngroundedNumbers("Only $7.77 a guest, total $1,200.00!", sources));
    }

    [Fact]
    public void New_facts_replace_old_ones_and_unstated_facts_are_kept()
    {
        var memory = new ConversationMemory { Adults = 10, Zip = "30305", Allergies = ["gluten"], FirstName = "Robin", LastName = "Chat" };
        var next = AssistantService.Remember(memory, new ExtractedSlots { Adults = 14, Children = 2, Allergies = ["sesame"], FirstName = "Sam" });
        Assert.Equal((14, 2, "30305"), (next.Adults, next.Children, next.Zip));
        Assert.Equal(["gluten", "sesame"], next.Allergies);
        Assert.Equal(("Sam", (string?)null), (next.FirstName, next.LastName));
    }

    [Fact]
    public void The_shipped_router_meets_its_aims_on_held_out_phrasings()
    {
        using var embedder = new LocalEmbedder();
        var model = new AssistantModel(embedder, NullLogger<AssistantModel>.Instance);
        var intents = RouterEvaluation.Intents(model, TrainingSet.Load(Path.Combine(TrainingSet.Folder, "intents.heldout.tsv")));
        Assert.True(intents.Accuracy >= 0.95, intents.ToMarkdown());
        var escalation = RouterEvaluation.Escalation(model, TrainingSet.Load(Path.Combine(TrainingSet.Folder, "escalation.heldout.tsv")));
        Assert.True(escalation.Accuracy >= 0.97, escalation.ToMarkdown(l => l));
    }
}
