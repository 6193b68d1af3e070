using System.Globalization;
using System.Text;

namespace MyHibachi.Api.Features.Assistant.Routing;

public sealed record EvaluationReport(
    int Total, int Correct, IReadOnlyList<string> Labels, int[,] Confusion, IReadOnlyList<(string Expected, string Got, string Text)> Mistakes, int Unsure)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public double AccuracyOf(string label)
    {
        var i = Labels.ToList().IndexOf(label);
        var row = Enumerable.Range(0, Labels.Count).Sum(j => Confusion[i, j]);
        return row == 0 ? 0 : (double)Confusion[i, i] / row;
    }

    /// <summary>A Markdown table: accuracy per label and the confusion matrix (rows expected, columns chosen).</summary>
    public string ToMarkdown(Func<string, string>? shortName = null)
    {
        shortName ??= l => l.Replace("Agent", "", StringComparison.Ordinal);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Overall: {Correct}/{Total} = {Accuracy:P1}; {Unsure} below the confidence floor (a clarifying question).");
        text.AppendLine();
        text.AppendLine("| expected \\ chosen | " + string.Join(" | ", Labels.Select(shortName)) + " | accuracy |");
        text.AppendLine("|---|" + string.Concat(Labels.Select(_ => "---:|")) + "---:|");
        for (var i = 0; i < Labels.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {shortName(Labels[i])} | {string.Join(" | ", Enumerable.Range(0, Labels.Count).Select(j => Confusion[i, j]))} | {AccuracyOf(Labels[i]):P1} |");
        }

        return text.ToString();
    }
}

/// <summary>Scores a classifier on labelled phrasings it was not trained on.</summary>
public static class RouterEvaluation
{
    public static EvaluationReport Evaluate(IReadOnlyList<LabelledText> heldOut, Func<string, (string Label, bool Unsure)> classify)
    {
        var labels = heldOut.Select(h => h.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var confusion = new int[labels.Count, labels.Count];
        var mistakes = new List<(string, string, string)>();
        var correct = 0;
        var unsure = 0;
        foreach (var example in heldOut)
        {
            var (got, isUnsure) = classify(example.Text);
            unsure += isUnsure ? 1 : 0;
            var row = labels.IndexOf(example.Label);
            var column = labels.IndexOf(got);
            if (column >= 0)
            {
                confusion[row, column]++;
            }

            if (got == example.Label)
            {
                correct++;
            }
            else
            {
                mistakes.Add((example.Label, got, example.Text));
            }
        }

        return new EvaluationReport(heldOut.Count, correct, labels, confusion, mistakes, unsure);
    }

    public static EvaluationReport Intents(AssistantModel model, IReadOnlyList<LabelledText> heldOut) =>
        Evaluate(heldOut, text =>
        {
            var route = model.Route(text, model.Embed(text));
            return (route.Agent, route.IsUnsure);
        });

    public static EvaluationReport Escalation(AssistantModel model, IReadOnlyList<LabelledText> heldOut) =>
        Evaluate(heldOut, text => (model.AssessEscalation(text, model.Embed(text)).Escalate ? "escalate" : "stay", false));
}
