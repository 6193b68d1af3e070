using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MyHibachi.Api.Features.Assistant.Routing;

namespace MyHibachi.Benchmarks;

/// <summary>The evaluation command: accuracy per agent and the confusion matrix on phrasings the router never saw.</summary>
public static class RouterRun
{
    public static void Print()
    {
        using var embedder = new LocalEmbedder();
        var model = new AssistantModel(embedder, NullLogger<AssistantModel>.Instance);
        var watch = Stopwatch.StartNew();
        model.WarmUp();
        Console.WriteLine($"## The assistant's router (all-MiniLM-L6-v2 embeddings, logistic regression + nearest-neighbour vote)");
        Console.WriteLine($"Trained in {watch.ElapsedMilliseconds} ms on {TrainingSet.Load(Path.Combine(TrainingSet.Folder, "intents.tsv")).Count} phrasings " +
                          $"and {TrainingSet.Load(Path.Combine(TrainingSet.Folder, "escalation.tsv")).Count} escalation examples.");
        var heldOut = TrainingSet.Load(Path.Combine(TrainingSet.Folder, "intents.heldout.tsv"));
        watch.Restart();
        var intents = RouterEvaluation.Intents(model, heldOut);
        var perMessage = watch.Elapsed.TotalMilliseconds / heldOut.Count;
        Console.WriteLine();
        Console.WriteLine($"### Agent choice on {heldOut.Count} held-out phrasings ({perMessage:0.0} ms a message, embedding included)");
        Console.WriteLine(intents.ToMarkdown());
        foreach (var (expected, got, text) in intents.Mistakes)
        {
            Console.WriteLine($"  - expected {expected}, chose {got}: \"{text}\"");
        }

        var escalationHeldOut = TrainingSet.Load(Path.Combine(TrainingSet.Folder, "escalation.heldout.tsv"));
        var escalation = RouterEvaluation.Escalation(model, escalationHeldOut);
        Console.WriteLine();
        Console.WriteLine($"### Escalation on {escalationHeldOut.Count} held-out messages");
        Console.WriteLine(escalation.ToMarkdown(l => l));
        foreach (var (expected, got, text) in escalation.Mistakes)
        {
            Console.WriteLine($"  - expected {expected}, got {got}: \"{text}\"");
        }
    }
}
