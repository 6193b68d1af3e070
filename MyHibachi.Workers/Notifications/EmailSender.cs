using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MyHibachi.Workers.Notifications;

public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required, EmailAddress]
    public string From { get; set; } = "bookings@myhibachi.local";

    public string FromName { get; set; } = "MyHibachi";

    /// <summary>Where messages are written as .eml files when no SMTP server is configured.</summary>
    [Required]
    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "myhibachi-mail-pickup");

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public bool SmtpStartTls { get; set; } = true;
}

/// <summary>A file sent with an e-mail (an invoice PDF).</summary>
public sealed record EmailAttachment(string FileName, byte[] Content, string ContentType);

/// <summary>
/// Sends e-mail through SMTP (MailKit) when Email:SmtpHost is set; otherwise writes each message to
/// the pickup folder, named by its message id, so a redelivered event never makes a second copy.
/// </summary>
public sealed class EmailSender(IOptions<EmailOptions> options, ILogger<EmailSender> logger)
{
    private readonly EmailOptions _options = options.Value;

    public MimeMessage Compose(string messageId, string toName, string toAddress, string subject, string text, string html, params EmailAttachment[] attachments)
    {
        var message = new MimeMessage { MessageId = $"{messageId}@myhibachi", Subject = subject };
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        message.To.Add(new MailboxAddress(toName, toAddress));
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        foreach (var attachment in attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.SmtpHost))
        {
            Directory.CreateDirectory(_options.PickupDirectory);
            var path = Path.Combine(_options.PickupDirectory, Path.GetFileName((message.MessageId ?? Guid.NewGuid().ToString()).Split('@')[0]) + ".eml");
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            logger.LogInformation("E-mail '{Subject}' to {To} written to {Path} (no SMTP server configured).", message.Subject, message.To, path);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(_options.SmtpHost, _options.SmtpPort, _options.SmtpStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(_options.SmtpUser))
        {
            await client.AuthenticateAsync(_options.SmtpUser, _options.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("E-mail '{Subject}' sent to {To} through {Host}.", message.Subject, message.To, _options.SmtpHost);
    }
}
