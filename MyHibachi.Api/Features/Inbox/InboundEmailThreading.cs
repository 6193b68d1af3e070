using System.Text;
using System.Text.RegularExpressions;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>
/// An e-mail from a customer as an inbox message: the conversation it answers is read from the
/// reply address's tag (inbox+{conversation}@…) or from the References our e-mails set, the quoted
/// history below the reply is cut, and the Message-ID keeps it from being stored twice.
/// </summary>
public static partial class InboundEmailThreading
{
    public static Result<InboundItem> ToItem(InboundEmail email, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var from = email.From?.Trim().ToLowerInvariant();
        errors.Email("from", from, required: true);

        if (string.IsNullOrWhiteSpace(email.MessageId) || email.MessageId.Length > 250)
        {
            errors.Add("messageId", "The e-mail's Message-ID.");
        }

        var body = StripQuoted(email.Text ?? "");
        var subject = Text.Clean(email.Subject) ?? "";
        if (body.Length == 0 && subject.Length == 0)
        {
            errors.Add("text", "An e-mail with neither subject nor text.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        var conversation = ConversationOf(email.To) ?? ConversationOf(email.InReplyTo) ?? ConversationOf(email.References);
        var text = subject.Length == 0 ? body : body.Length == 0 ? subject : subject + "\n\n" + body;
        return new InboundItem(ConversationChannel.Email, from!, from!, email.To, Text.Clean(email.FromName), text, "email:" + email.MessageId!.Trim(), now)
        {
            ConversationId = conversation,
        };
    }

    /// <summary>The conversation named by our reply address or by a Message-ID we wrote ("conversation-{guid}").</summary>
    public static Guid? ConversationOf(string? header) =>
        header is not null && ConversationTag().Match(header) is { Success: true } match && Guid.TryParse(match.Groups["id"].Value, out var id) ? id : null;

    /// <summary>The new text only: everything from the first quoted line or "On … wrote:" on is the history we already have.</summary>
    public static string StripQuoted(string text)
    {
        var kept = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith('>') || WroteLine().IsMatch(line) || line.Trim() is "-----Original Message-----" or "-- ")
            {
                break;
            }

            kept.AppendLine(line);
        }

        var result = kept.ToString().Trim();
        return result.Length > 7900 ? result[..7899] + "…" : result;
    }

    [GeneratedRegex(@"(?:inbox\+|conversation-)(?<id>[0-9a-fA-F]{32}|[0-9a-fA-F-]{36})")]
    private static partial Regex ConversationTag();

    [GeneratedRegex(@"^On .{4,200} wrote:\s*$")]
    private static partial Regex WroteLine();
}
