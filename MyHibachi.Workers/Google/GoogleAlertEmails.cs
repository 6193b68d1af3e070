using System.Globalization;
using Microsoft.Extensions.Options;
using MyHibachi.Contracts;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Notifications.Templates;
using MyHibachi.Workers.Payments;

namespace MyHibachi.Workers.Google;

/// <summary>
/// The team's e-mails about what a Google sync found: CPA alerts and new negative reviews. They come as events through
/// the outbox, committed with the alerts and reviews, so a mail server that is down delays them and loses none; the
/// message id is the first item's, so a repeated event writes the same e-mail again rather than a second one.
/// </summary>
public sealed class GoogleAlertEmails(EmailSender email, EmailTemplates templates, IOptions<BusinessOptions> business, IOptions<SiteOptions> site)
    : IEventHandler<CpaAlertsFired>, IEventHandler<NegativeGoogleReviews>
{
    private string Link(string path) => $"{site.Value.BaseUrl.TrimEnd('/')}{path}";

    private static string Dollars(long? cents) => cents is { } c ? (c / 100m).ToString("$#,##0.00", CultureInfo.InvariantCulture) : "no conversion";

    public Task HandleAsync(CpaAlertsFired message, EventContext context, CancellationToken cancellationToken)
    {
        var alerts = message.Alerts;
        if (alerts.Count == 0)
        {
            return Task.CompletedTask;
        }

        var model = new MessageEmailModel("Hello team",
            alerts.Count == 1 ? $"CPA alert: {alerts[0].CampaignName} at {Dollars(alerts[0].CpaCents)} per conversion" : $"{alerts.Count} CPA alerts from Google Ads",
            ["A campaign's cost per conversion went above the threshold you set. The day is the first day of the breach."],
            alerts.Select(a => ($"{a.CampaignName} · {a.Day:yyyy-MM-dd}",
                $"{Dollars(a.SpentCents)} spent over {a.LookbackDays} days for {a.Conversions.ToString("0.##", CultureInfo.InvariantCulture)} conversions: {Dollars(a.CpaCents)} each (limit {Dollars(a.MaxCpaCents)})."))
                .ToList(),
            Link("/Admin/Marketing/Ads"), "Open the Ads dashboard");
        return SendAsync($"cpa-alert-{alerts[0].Id:N}", model, cancellationToken);
    }

    public Task HandleAsync(NegativeGoogleReviews message, EventContext context, CancellationToken cancellationToken)
    {
        var reviews = message.Reviews;
        if (reviews.Count == 0)
        {
            return Task.CompletedTask;
        }

        var model = new MessageEmailModel("Hello team",
            reviews.Count == 1 ? $"New {reviews[0].Rating}-star Google review for {reviews[0].StationName}" : $"{reviews.Count} new negative Google reviews",
            ["A customer left a negative review on Google. A draft reply is ready: read it, change it if needed and approve it, and reach out to the customer."],
            reviews.Select(r => ($"{r.Rating}★ {r.Reviewer} ({r.StationName})", (r.Comment ?? "(no text)").Length > 300 ? r.Comment![..300] + "…" : r.Comment ?? "(no text)")).ToList(),
            Link("/Admin/Google/Reviews?needsAttention=true"), "Answer the reviews");
        return SendAsync($"google-negative-{reviews[0].Id:N}", model, cancellationToken);
    }

    private async Task SendAsync(string messageId, MessageEmailModel model, CancellationToken cancellationToken)
    {
        var html = await templates.RenderMessageAsync(model);
        await email.SendAsync(email.Compose(messageId, business.Value.Name, business.Value.Email, model.Subject, model.Text, html), cancellationToken);
    }
}
