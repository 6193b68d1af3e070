using Microsoft.Extensions.Options;
using MimeKit;
using MyHibachi.ApiClients;
using MyHibachi.Channels;
using MyHibachi.Contracts;
using MyHibachi.Workers.Channels;
using MyHibachi.Workers.Jobs;

namespace MyHibachi.Workers.Inbox;

/// <summary>
/// Every minute: the Api re-queues what an outage or a missing setting left behind and wakes snoozed
/// conversations; then the texts RingCentral delivered (or could not) are marked so.
/// </summary>
public sealed class InboxSweepJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<InboxSweepJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.InboxSweepEvery;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var inbox = services.GetRequiredService<InboxClient>();
        var result = (await inbox.SweepAsync(cancellationToken)).OrThrow("the inbox sweep");
        if (result.Requeued + result.GaveUp + result.Unsnoozed > 0)
        {
            logger.LogInformation("Inbox: {Requeued} messages queued again, {GaveUp} given up, {Unsnoozed} conversations woke up.", result.Requeued, result.GaveUp,
                result.Unsnoozed);
        }

        await SmsReceiptsAsync(inbox, services.GetRequiredService<RingCentralClient>(), cancellationToken);
    }

    /// <summary>RingCentral sends no receipt per text: its message store says which of our sent texts were delivered or failed.</summary>
    private async Task SmsReceiptsAsync(InboxClient inbox, RingCentralClient ringCentral, CancellationToken cancellationToken)
    {
        if (!ringCentral.CanSend)
        {
            return;
        }

        var awaiting = (await inbox.AwaitingReceiptsAsync(cancellationToken)).OrThrow("the texts awaiting receipts");
        if (awaiting.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, string> statuses;
        try
        {
            statuses = await ringCentral.SmsStatusesAsync(awaiting.Min(a => a.SentAt).AddMinutes(-5), cancellationToken);
        }
        catch (ProviderException unavailable)
        {
            logger.LogWarning("SMS receipts not read this time: {Error}", unavailable.Message);
            return;
        }

        foreach (var text in awaiting)
        {
            var status = statuses.GetValueOrDefault(text.ExternalId["rc-sms:".Length..]);
            var report = status switch
            {
                "Delivered" => new DeliveryReport(DeliveryStatus.Delivered, text.ExternalId, null, false),
                "DeliveryFailed" or "SendingFailed" => new DeliveryReport(DeliveryStatus.Failed, text.ExternalId, $"RingCentral says {status}: the text did not reach the phone.", false),
                _ => null,
            };
            if (report is not null)
            {
                (await inbox.ReportAsync(text.MessageId, report, cancellationToken)).OrThrow("an SMS receipt");
            }
        }
    }
}

/// <summary>
/// Customers' e-mails: a mail server delivers them as .eml files into Channels:Email:InboundDirectory;
/// each is handed to the Api (threaded into its conversation) and moved to "processed" (or "rejected").
/// </summary>
public sealed class InboundMailPoller(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ChannelOptions> channels, IOptions<JobOptions> options,
    ILogger<InboundMailPoller> logger) : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.InboundMailEvery;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var folder = channels.Value.Email.InboundDirectory;
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            return;
        }

        var inbox = services.GetRequiredService<InboxClient>();
        foreach (var path in Directory.GetFiles(folder, "*.eml").Order().Take(100))
        {
            MimeMessage message;
            try
            {
                message = await MimeMessage.LoadAsync(path, cancellationToken);
            }
            catch (FormatException exception)
            {
                logger.LogWarning("{File} is not an e-mail ({Error}); set aside.", path, exception.Message);
                Move(path, "rejected");
                continue;
            }

            var from = message.From.Mailboxes.FirstOrDefault();
            var email = new InboundEmail(from?.Address, from?.Name, string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), message.Subject,
                message.TextBody ?? StripTags(message.HtmlBody), message.MessageId ?? Path.GetFileNameWithoutExtension(path), message.InReplyTo,
                string.Join(" ", message.References));
            var result = await inbox.InboundEmailAsync(email, cancellationToken);
            if (result.Succeeded)
            {
                Move(path, "processed");
            }
            else if ((int)result.Status is >= 400 and < 500)
            {
                logger.LogWarning("The Api refused {File}: {Problem}; set aside.", path, result.Problem?.Message);
                Move(path, "rejected");
            }
            else
            {
                result.OrThrow("an incoming e-mail"); // the Api is down: the file stays for the next run
            }
        }
    }

    private static void Move(string path, string folder)
    {
        var target = Path.Combine(Path.GetDirectoryName(path)!, folder);
        Directory.CreateDirectory(target);
        File.Move(path, Path.Combine(target, Path.GetFileName(path)), overwrite: true);
    }

    private static string? StripTags(string? html) =>
        html is null ? null : System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " "));
}
