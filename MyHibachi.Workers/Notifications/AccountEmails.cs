using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.Workers.Notifications;

public sealed class SiteOptions
{
    public const string Section = "Web";

    /// <summary>The customer site's public address, for links in e-mails.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Sends the e-mail confirmation link to a new customer account.</summary>
public sealed class AccountEmails(EmailSender email, EmailTemplates templates, IOptions<SiteOptions> site) : IEventHandler<UserRegistered>
{
    public async Task HandleAsync(UserRegistered message, EventContext context, CancellationToken cancellationToken)
    {
        var link = $"{site.Value.BaseUrl.TrimEnd('/')}/Account/Confirm?email={Uri.EscapeDataString(message.Email)}&token={Uri.EscapeDataString(message.ConfirmationToken)}";
        var text = $"Hi {message.DisplayName},\n\nConfirm your e-mail to see your bookings in your MyHibachi account:\n{link}\n\nThe link works for 48 hours.\nMyHibachi";
        var html = await templates.RenderAsync<AccountConfirmationEmail>(new Dictionary<string, object?>
        {
            [nameof(AccountConfirmationEmail.DisplayName)] = message.DisplayName,
            [nameof(AccountConfirmationEmail.Link)] = link,
        });
        await email.SendAsync(email.Compose(context.MessageId.ToString(), message.DisplayName, message.Email, "Confirm your e-mail for MyHibachi", text, html), cancellationToken);
    }
}
