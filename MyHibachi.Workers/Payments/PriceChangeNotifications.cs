using System.Globalization;
using MyHibachi.ApiClients;
using MyHibachi.Contracts;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.Workers.Payments;

/// <summary>Tells every active admin who manages prices about each price change: what, from, to, who and why.</summary>
public sealed class PriceChangeNotifications(InternalClient api, EmailSender email, EmailTemplates templates, ILogger<PriceChangeNotifications> logger)
    : IEventHandler<PriceChanged>
{
    public async Task HandleAsync(PriceChanged message, EventContext context, CancellationToken cancellationToken)
    {
        var recipients = (await api.RecipientsAsync(Permissions.PricingManage, cancellationToken)).OrThrow("the price managers");
        var model = new MessageEmailModel("team", $"Price changed: {message.Name}",
            [$"{message.ChangedByName} changed {message.Name} ({message.Code}). Quotes and bookings already made keep their prices."],
            [("From", Show(message.OldValue, message.Unit)), ("To", Show(message.NewValue, message.Unit)),
             ("Reason", message.Reason)]);
        var html = await templates.RenderMessageAsync(model);
        foreach (var (recipient, index) in recipients.Select((r, i) => (r, i)))
        {
            // One message id per recipient, stable across redeliveries: no one gets it twice.
            await email.SendAsync(email.Compose($"{context.MessageId}-{index}", recipient.Name, recipient.Email, model.Subject, model.Text, html), cancellationToken);
        }

        logger.LogInformation("Price change of {Code} sent to {Count} admins.", message.Code, recipients.Count);
    }

    /// <summary>A value in its unit: money in dollars, the rest as numbers with their unit.</summary>
    public static string Show(long value, string unit) => unit switch
    {
        "cents" => PaymentNotifications.Money(value),
        "cents_per_mile" => PaymentNotifications.Money(value) + " per mile",
        "percent" => $"{value}%",
        _ => $"{value.ToString(CultureInfo.InvariantCulture)} {unit}",
    };
}
