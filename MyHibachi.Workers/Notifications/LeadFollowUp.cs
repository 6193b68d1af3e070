using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.Workers.Notifications;

/// <summary>
/// Follows up a captured lead: a friendly e-mail when there is an address, and a note on the lead
/// so staff see what was sent (or that a phone call is needed).
/// </summary>
public sealed class LeadFollowUp(LeadsClient leads, EmailSender email, EmailTemplates templates) : IEventHandler<LeadCaptured>
{
    public async Task HandleAsync(LeadCaptured message, EventContext context, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(message.Name) ? "there" : message.Name.Split(' ')[0];
        var (subject, body) = message.Reason switch
        {
            LeadReason.NoAvailability => ("Let's find another time for your hibachi party",
                "Our chefs were fully booked at the time you picked. Reply with a couple of other dates or times and we'll hold the first one that's free."),
            LeadReason.OutOfServiceArea => ("We're not in your area yet",
                "Your address is just outside our service area. We're growing fast; reply and we'll let you know as soon as a chef can reach you, or quote you a travel price."),
            LeadReason.AbandonedQuote => ("Your hibachi quote is still waiting",
                "Your quote is saved for 14 days at the price you saw. Reply with your date and we'll lock it in."),
            LeadReason.ValidationFailed => ("Can we help finish your booking?",
                "It looks like your booking didn't go through. Reply with your date, guests and address and we'll finish it for you."),
            _ => ("Thanks for reaching out to MyHibachi", "Thanks for your message! A member of our team will get back to you within one business day."),
        };

        if (!string.IsNullOrWhiteSpace(message.Email))
        {
            var text = $"Hi {name},\n\n{body}\n\nMyHibachi";
            var html = await templates.RenderAsync<LeadFollowUpEmail>(new Dictionary<string, object?>
            {
                [nameof(LeadFollowUpEmail.FirstName)] = name,
                [nameof(LeadFollowUpEmail.Body)] = body,
            });
            await email.SendAsync(email.Compose(context.MessageId.ToString(), message.Name ?? message.Email, message.Email, subject, text, html), cancellationToken);
        }

        var note = string.IsNullOrWhiteSpace(message.Email)
            ? $"No e-mail address: call {message.Phone} back (reason: {message.Reason})."
            : $"Follow-up e-mail sent to {message.Email}: \"{subject}\".";
        (await leads.AddNoteAsync(message.LeadId, new LeadNoteRequest(note), cancellationToken)).OrThrow("the follow-up note");
    }
}
