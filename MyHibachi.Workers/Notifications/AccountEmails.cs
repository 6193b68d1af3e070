using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.ServiceDefaults.Messaging;
using MyHibachi.Workers.Messaging;

namespace MyHibachi.Workers.Notifications;

public sealed class SiteOptions
{
    public const string Section = "Web";

    /// <summary>The customer site's public address, for links in e-mails.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Sends the e-mail confirmation link to a new customer account.</summary>
public sealed class AccountEmails(EmailSender email, IOptions<SiteOptions> site) : IEventHandler
{
    public string Name => "account-emails";

    public IReadOnlyCollection<string> EventTypes { get; } = [UserRegistered.EventType];

    public async Task HandleAsync(string eventType, Guid messageId, string payload, CancellationToken cancellationToken)
    {
        var registered = JsonSerializer.Deserialize<UserRegistered>(payload, HibachiApi.Json)!;
        var link = $"{site.Value.BaseUrl.TrimEnd('/')}/Account/Confirm?email={Uri.EscapeDataString(registered.Email)}&token={Uri.EscapeDataString(registered.ConfirmationToken)}";
        var text = $"Hi {registered.DisplayName},\n\nConfirm your e-mail to see your bookings in your MyHibachi account:\n{link}\n\nThe link works for 48 hours.\nMyHibachi";
        var html = $"<p>Hi {WebUtility.HtmlEncode(registered.DisplayName)},</p><p>Confirm your e-mail to see your bookings in your MyHibachi account:</p>" +
                   $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Confirm my e-mail</a></p><p>The link works for 48 hours.<br>MyHibachi</p>";
        await email.SendAsync(email.Compose(messageId.ToString(), registered.DisplayName, registered.Email, "Confirm your e-mail for MyHibachi", text, html), cancellationToken);
    }
}
