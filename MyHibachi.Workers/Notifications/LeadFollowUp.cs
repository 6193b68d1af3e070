using System.Net;
using System.Text.Json;
using MyHibachi.ServiceDefaults.Messaging;
using MyHibachi.Workers.Messaging;

namespace MyHibachi.Workers.Notifications;

/// <summary>
/// Follows up a captured lead: a friendly e-mail when there is an address, and a note on the lead
/// so staff see what was sent (or that a phone call is needed).
/// </summary>
public sealed class LeadFollowUp(HibachiApi api, EmailSender email) : IEventHandler
{
    public string Name => "lead-follow-up";

    public IReadOnlyCollection<string> EventTypes { get; } = [LeadCaptured.EventType];

    public async Task HandleAsync(string eventType, Guid messageId, string payload, CancellationToken cancellationToken)
    {
        var lead = JsonSerializer.Deserialize<LeadCaptured>(payload, HibachiApi.Json)!;
        var name = string.IsNullOrWhiteSpace(lead.Name) ? "there" : lead.Name.Split(' ')[0];
        var (subject, body) = lead.Reason switch
        {
            "NoAvailability" => ("Let's find another time for your hibachi party",
                "Our chefs were fully booked at the time you picked. Reply with a couple of other dates or times and we'll hold the first one that's free."),
            "OutOfServiceArea" => ("We're not in your area yet",
                "Your address is just outside our service area. We're growing fast; reply and we'll let you know as soon as a chef can reach you, or quote you a travel price."),
            "AbandonedQuote" => ("Your hibachi quote is still waiting",
                "Your quote is saved for 14 days at the price you saw. Reply with your date and we'll lock it in."),
            "ValidationFailed" => ("Can we help finish your booking?",
                "It looks like your booking didn't go through. Reply with your date, guests and address and we'll finish it for you."),
            _ => ("Thanks for reaching out to MyHibachi", "Thanks for your message! A member of our team will get back to you within one business day."),
        };

        if (!string.IsNullOrWhiteSpace(lead.Email))
        {
            var text = $"Hi {name},\n\n{body}\n\nMyHibachi";
            var html = $"<p>Hi {WebUtility.HtmlEncode(name)},</p><p>{WebUtility.HtmlEncode(body)}</p><p>MyHibachi</p>";
            await email.SendAsync(email.Compose(messageId.ToString(), lead.Name ?? lead.Email, lead.Email, subject, text, html), cancellationToken);
        }

        var note = string.IsNullOrWhiteSpace(lead.Email)
            ? $"No e-mail address: call {lead.Phone} back (reason: {lead.Reason})."
            : $"Follow-up e-mail sent to {lead.Email}: \"{subject}\".";
        await api.PostAsync<JsonElement>($"/api/admin/leads/{lead.LeadId}/notes", new { text = note }, cancellationToken);
    }
}
