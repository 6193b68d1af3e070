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

/// <summary>Sends the e-mail confirmation link to a new customer account, and password reset links.</summary>
public sealed class AccountEmails(EmailSender email, EmailTemplates templates, IOptions<SiteOptions> site)
    : IEventHandler<UserRegistered>, IEventHandler<PasswordResetRequested>
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

    public async Task HandleAsync(PasswordResetRequested message, EventContext context, CancellationToken cancellationToken)
    {
        var link = $"{site.Value.BaseUrl.TrimEnd('/')}/Account/ResetPassword?email={Uri.EscapeDataString(message.Email)}&token={Uri.EscapeDataString(message.ResetToken)}";
        var opening = message.AlreadyRegistered
            ? "Someone (maybe you) just tried to sign up for MyHibachi with this address, which already has an account. If it was you, sign in, or choose a new password here:"
            : "Here is the link to choose a new password for your MyHibachi account:";
        var text = $"Hi {message.DisplayName},\n\n{opening}\n{link}\n\nThe link works once, for one hour. If you did not ask for it, ignore this e-mail: your password stays as it is.\nMyHibachi";
        var html = await templates.RenderAsync<PasswordResetEmail>(new Dictionary<string, object?>
        {
            [nameof(PasswordResetEmail.DisplayName)] = message.DisplayName,
            [nameof(PasswordResetEmail.Link)] = link,
            [nameof(PasswordResetEmail.AlreadyRegistered)] = message.AlreadyRegistered,
        });
        var subject = message.AlreadyRegistered ? "You already have a MyHibachi account" : "Choose a new MyHibachi password";
        await email.SendAsync(email.Compose(context.MessageId.ToString(), message.DisplayName, message.Email, subject, text, html), cancellationToken);
    }
}
