using Microsoft.Extensions.Options;
using MimeKit;
using MyHibachi.ApiClients;
using MyHibachi.Channels;
using MyHibachi.Contracts;
using MyHibachi.Workers.Jobs;

namespace MyHibachi.Workers.Inbox;

/// <summary>Every minute: the Api re-queues what an outage or a missing setting left behind, and wakes snoozed conversations.</summary>
public sealed class InboxSweepJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<InboxSweepJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override TimeSpan DelayUntilNextRun(DateTimeOffset now) => options.Value.InboxSweepEvery;

    protected override async Task RunAsync(InternalClient api, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var result = (await scope.ServiceProvider.GetRequiredService<InboxClient>().SweepAsync(cancellationToken)).OrThrow("the inbox sweep");
        if (result.Requeued + result.GaveUp + result.Unsnoozed > 0)
        {
            logger.LogInformation("Inbox: {Requeued} messages queued again, {GaveUp} given up, {Unsnoozed} conversations woke up.", result.Requeued, result.GaveUp,
                result.Unsnoozed);
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

    protected override async Task RunAsync(InternalClient api, CancellationToken cancellationToken)
    {
        var folder = channels.Value.Email.InboundDirectory;
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            return;
        }

        await using var scope = Scopes.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxClient>();
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
