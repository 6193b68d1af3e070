using System.Text;

namespace MyHibachi.Workers.Notifications;

/// <summary>What a plain message e-mail says, for its HTML template and its text part alike.</summary>
public sealed record MessageEmailModel(
    string Greeting, string Subject, IReadOnlyList<string> Paragraphs, IReadOnlyList<(string Label, string Value)> Facts, string? ActionUrl = null,
    string? ActionText = null)
{
    public string Text
    {
        get
        {
            var text = new StringBuilder($"Hi {Greeting},\n\n");
            foreach (var paragraph in Paragraphs)
            {
                text.Append(paragraph).Append("\n\n");
            }

            foreach (var (label, value) in Facts)
            {
                text.Append(label).Append(": ").Append(value).Append('\n');
            }

            if (ActionUrl is not null)
            {
                text.Append('\n').Append(ActionText).Append(": ").Append(ActionUrl).Append('\n');
            }

            return text.Append("\nQuestions? Just reply to this e-mail.\nMyHibachi\n").ToString();
        }
    }
}
