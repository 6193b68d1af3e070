using System.Diagnostics;

namespace MyHibachi.Api.Features.Assistant.Routing;

public sealed record LabelledText(string Label, string Text);

public sealed record AgentScore(string Agent, double Score);

/// <summary>The agent a message goes to, how sure the router is, and the runners-up.</summary>
public sealed record RouteDecision(string Agent, double Confidence, IReadOnlyList<AgentScore> Ranked)
{
    /// <summary>Too unsure to answer: ask a clarifying question instead of guessing.</summary>
    public bool IsUnsure => Confidence < AssistantModel.MinimumConfidence;
}

public sealed record EscalationAssessment(bool Escalate, double Probability, string? Reason);

public static class TrainingSet
{
    /// <summary>Reads <c>label&lt;TAB&gt;text</c> lines; <c>#</c> starts a comment.</summary>
    public static IReadOnlyList<LabelledText> Parse(IEnumerable<string> lines) => lines
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t', 2))
        .Where(parts => parts.Length == 2 && parts[1].Trim().Length > 0)
        .Select(parts => new LabelledText(parts[0].Trim(), parts[1].Trim()))
        .ToList();

    public static IReadOnlyList<LabelledText> Load(string path) => Parse(File.ReadLines(path));

    /// <summary>The folder the shipped utterance sets are copied to next to the Api's assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Features", "Assistant", "Training");
}

/// <summary>
/// The assistant's two classifiers over local sentence embeddings, trained once from the shipped
/// utterance sets: which of the seven agents a message is for (logistic regression blended with a
/// nearest-neighbour vote), and whether a message needs a person (the seed's human-only words,
/// refined by a second classifier so that "how many persons can you serve" stays with the assistant).
/// </summary>
public sealed class AssistantModel(ITextEmbedder embedder, ILogger<AssistantModel> logger)
{
    /// <summary>Below this the router asks a clarifying question.</summary>
    public const double MinimumConfidence = 0.40;

    private const int Neighbours = 5;

    private const double LogisticWeight = 0.6;

    /// <summary>The weight of the word cues next to the embedding (chosen on the held-out set: 0.3 to 0.5 do best).</summary>
    private const float CueScale = 0.5f;

    /// <summary>
    /// The escalation probability from which a person takes over. Below one half because ordinary
    /// questions outnumber complaints in training (the intent set counts as "stay" examples too).
    /// </summary>
    private const double EscalateAt = 0.35;

    private const float LearningRate = 8f;

    private const float Regularisation = 1e-5f;

    private readonly Lazy<Trained> _trained = new(() => Train(embedder, logger, TrainingSet.Folder), LazyThreadSafetyMode.ExecutionAndPublication);

    public ITextEmbedder Embedder => embedder;

    public bool IsReady => _trained.IsValueCreated;

    /// <summary>Trains now (at start, off the request path) instead of on the first message.</summary>
    public void WarmUp() => _ = _trained.Value;

    public float[] Embed(string text) => embedder.Embed(text);

    public RouteDecision Route(string text, float[] vector)
    {
        var model = _trained.Value;
        var logistic = model.Intents.Predict(LexicalCues.Append(vector, text, CueScale));
        var votes = model.IntentExamples.Vote(vector, Neighbours, model.Intents.Labels);
        var ranked = model.Intents.Labels
            .Select((label, i) => new AgentScore(label, LogisticWeight * logistic[i] + (1 - LogisticWeight) * votes[i]))
            .OrderByDescending(s => s.Score)
            .ToList();
        return new RouteDecision(ranked[0].Agent, Math.Round(ranked[0].Score, 4), ranked);
    }

    /// <summary>
    /// Whether this one message needs a person: an explicit request always does; otherwise the classifier
    /// decides, so the seed's human-only words in ordinary use ("price per person") stay with the assistant.
    /// Loops are judged by the conversation, not here.
    /// </summary>
    public EscalationAssessment AssessEscalation(string text, float[] vector)
    {
        var model = _trained.Value;
        var scores = model.Escalation.Predict(vector);
        var index = model.Escalation.Labels.ToList().IndexOf("escalate");
        var logistic = scores[index];
        var votes = model.EscalationExamples.Vote(vector, Neighbours, model.Escalation.Labels)[index];
        var probability = Math.Round(LogisticWeight * logistic + (1 - LogisticWeight) * votes, 4);
        var anger = EscalationSignals.Anger(text);
        if (EscalationSignals.AsksForPerson(text))
        {
            return new EscalationAssessment(true, Math.Max(probability, 0.99), "The customer asked for a person.");
        }

        if (EscalationSignals.ReportsIncident(text))
        {
            return new EscalationAssessment(true, Math.Max(probability, 0.95), "The customer reports a safety incident or threatens a dispute.");
        }

        if (EscalationSignals.DeclinesPerson(text) && anger < 0.45)
        {
            return new EscalationAssessment(false, probability, null);
        }

        // "???", "hmm", "ok": too little for the classifier to judge; only words and tone count.
        if (EscalationSignals.Words(text) < 2 && anger < 0.45 && !EscalationSignals.HasHumanOnlyWord(text))
        {
            return new EscalationAssessment(false, probability, null);
        }

        if (probability >= EscalateAt || anger >= 0.8)
        {
            var reason = anger >= 0.45 ? "The customer is angry or frustrated."
                : EscalationSignals.HasHumanOnlyWord(text) ? "The customer needs a person (complaint, dispute, legal or a request for a person)."
                : "The customer reports a problem a person must handle.";
            return new EscalationAssessment(true, Math.Max(probability, anger), reason);
        }

        return new EscalationAssessment(false, probability, null);
    }

    private static Trained Train(ITextEmbedder embedder, ILogger logger, string folder)
    {
        var watch = Stopwatch.StartNew();
        var intents = TrainingSet.Load(Path.Combine(folder, "intents.tsv"));
        var escalationOnly = TrainingSet.Load(Path.Combine(folder, "escalation.tsv"));
        var intentVectors = EmbeddingCache.EmbedMany(embedder, intents.Select(i => i.Text).ToList());
        // Every ordinary question of the intent set is also an example of a message that stays with the
        // assistant: its vectors are reused, not embedded a second time.
        var escalation = escalationOnly.Concat(intents.Select(i => new LabelledText("stay", i.Text))).ToList();
        var escalationVectors = EmbeddingCache.EmbedMany(embedder, escalationOnly.Select(i => i.Text).ToList()).Concat(intentVectors).ToList();
        var trained = new Trained(
            SoftmaxClassifier.Train(
                intentVectors.Select((v, i) => LexicalCues.Append(v, intents[i].Text, CueScale)).ToList(), intents.Select(i => i.Label).ToList(),
                learningRate: LearningRate, l2: Regularisation),
            new ExampleIndex(intentVectors, intents.Select(i => i.Label).ToList()),
            SoftmaxClassifier.Train(escalationVectors, escalation.Select(i => i.Label).ToList(), learningRate: LearningRate, l2: Regularisation),
            new ExampleIndex(escalationVectors, escalation.Select(i => i.Label).ToList()));
        logger.LogInformation("The assistant's router trained on {Intents} phrasings and {Escalation} escalation examples in {Ms} ms.",
            intents.Count, escalation.Count, watch.ElapsedMilliseconds);
        return trained;
    }

    private sealed record Trained(SoftmaxClassifier Intents, ExampleIndex IntentExamples, SoftmaxClassifier Escalation, ExampleIndex EscalationExamples);
}

/// <summary>The labelled training vectors, for a similarity-weighted vote of the nearest ones.</summary>
public sealed class ExampleIndex(IReadOnlyList<float[]> vectors, IReadOnlyList<string> labels)
{
    public double[] Vote(float[] vector, int k, IReadOnlyList<string> order)
    {
        var nearest = vectors
            .Select((v, i) => (Score: Vectors.Dot(v, vector), Label: labels[i]))
            .OrderByDescending(n => n.Score)
            .Take(k)
            .ToList();
        var result = new double[order.Count];
        var total = 0.0;
        foreach (var (score, label) in nearest)
        {
            var weight = Math.Max(0, score);
            weight *= weight;
            var index = IndexOf(order, label);
            if (index >= 0)
            {
                result[index] += weight;
                total += weight;
            }
        }

        if (total > 0)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] /= total;
            }
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<string> order, string label)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == label)
            {
                return i;
            }
        }

        return -1;
    }
}
