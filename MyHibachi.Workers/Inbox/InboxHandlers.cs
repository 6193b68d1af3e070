using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using MyHibachi.ApiClients;
using MyHibachi.Channels;
using MyHibachi.Contracts;
using MyHibachi.Contracts.Events;
using MyHibachi.Workers.Channels;
using MyHibachi.Workers.Messaging;
using MyHibachi.Workers.Notifications;
using MyHibachi.Workers.Notifications.Templates;

namespace MyHibachi.Workers.Inbox;

/// <summary>A customer wrote on a channel: the Api runs the assistant on it (once) and queues its reply.</summary>
public sealed class InboxAnswering(InboxClient inbox) : IEventHandler<InboxMessageReceived>
{
    public async Task HandleAsync(InboxMessageReceived message, EventContext context, CancellationToken cancellationToken) =>
        (await inbox.AnswerAsync(message.MessageId, cancellationToken)).OrThrow("the assistant's turn");
}

/// <summary>
/// Sends a queued reply on its channel. The message is claimed first (a second delivery of the event,
/// or a second worker, finds it sent or being sent and does nothing); a provider that is down puts it
/// back in the queue and the event is retried with back-off; a refusal fails it for staff to see.
/// </summary>
public sealed class InboxSending(InboxClient inbox, ChannelSender sender, ILogger<InboxSending> logger) : IEventHandler<InboxMessageQueued>
{
    public async Task HandleAsync(InboxMessageQueued message, EventContext context, CancellationToken cancellationToken)
    {
        var claim = await inbox.ClaimAsync(message.MessageId, cancellationToken);
        if (claim.Status is HttpStatusCode.Conflict or HttpStatusCode.NotFound
            || claim.Status == HttpStatusCode.ServiceUnavailable && claim.Problem?.Code == ProblemCodes.ChannelNotConfigured)
        {
            logger.LogInformation("Message {Message} not sent now: {Reason}", message.MessageId, claim.Problem?.Message);
            return;
        }

        var outbound = claim.OrThrow("claiming the message");
        string externalId;
        try
        {
            externalId = await sender.SendAsync(outbound, cancellationToken);
        }
        catch (ProviderException failure) when (failure.Transient)
        {
            (await inbox.ReportAsync(outbound.MessageId, new DeliveryReport(DeliveryStatus.Queued, null, failure.Message, false), cancellationToken))
                .OrThrow("putting the message back in the queue");
            throw; // the consumer tries again after its back-off; the Api's sweep after that
        }
        catch (ProviderException refused)
        {
            logger.LogWarning("{Channel} refused message {Message}: {Error}", outbound.Channel, outbound.MessageId, refused.Message);
            (await inbox.ReportAsync(outbound.MessageId, new DeliveryReport(DeliveryStatus.Failed, null, refused.Message, false), cancellationToken))
                .OrThrow("recording the failure");
            return;
        }

        (await inbox.ReportAsync(outbound.MessageId, new DeliveryReport(DeliveryStatus.Sent, externalId, null, false), cancellationToken))
            .OrThrow("recording the sent message");
    }
}

/// <summary>Each channel's way of sending; returns the provider's id with the same prefix its webhooks use.</summary>
public sealed class ChannelSender(
    RingCentralClient ringCentral, MetaClient meta, SpeechSynthesizer speech, EmailSender email, IOptions<ChannelOptions> options)
{
    public async Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        switch (message.Channel)
        {
            case ChatChannel.Sms:
                return "rc-sms:" + await ringCentral.SendSmsAsync(options.Value.RingCentral.FromNumber ?? message.From!, message.To, message.Text, cancellationToken);
            case ChatChannel.WhatsApp:
                return "wa:" + await meta.SendWhatsAppAsync(message.To, message.Text, message.Template, cancellationToken);
            case ChatChannel.Messenger:
                return "fb:" + await meta.SendPageMessageAsync(message.To, message.Text, cancellationToken);
            case ChatChannel.Instagram:
                return "ig:" + await meta.SendPageMessageAsync(message.To, message.Text, cancellationToken);
            case ChatChannel.FacebookComment or ChatChannel.InstagramComment:
                var comment = message.ReplyToExternalId ?? throw new ProviderException("There is no comment to reply to.", transient: false);
                var prefix = message.Channel == ChatChannel.FacebookComment ? "fbc:" : "igc:";
                return prefix + await meta.ReplyToCommentAsync(message.Channel, comment, message.Text, cancellationToken);
            case ChatChannel.Email:
                var id = $"conversation-{message.ConversationId:N}-{message.MessageId:N}";
                var mail = email.Compose(id, message.To, message.To, message.Subject ?? "Your message to MyHibachi", message.Text + "\n\nMyHibachi",
                    $"<p>{WebUtility.HtmlEncode(message.Text).Replace("\n", "<br>", StringComparison.Ordinal)}</p><p>MyHibachi</p>");
                // Replies come back to the inbox address tagged with the conversation, and thread by References.
                mail.ReplyTo.Add(new MailboxAddress("MyHibachi", ReplyAddress(message.ConversationId)));
                mail.References.Add($"conversation-{message.ConversationId:N}@myhibachi");
                await email.SendAsync(mail, cancellationToken);
                return "email:" + mail.MessageId;
            case ChatChannel.Voice:
                // The assistant's answer to a caller, spoken: offered to the phone system as a prompt when it is connected.
                var wav = await speech.SpeakAsync(message.Text, cancellationToken);
                return ringCentral.CanSend
                    ? "rc-prompt:" + await ringCentral.UploadPromptAsync(wav, $"MyHibachi reply {message.MessageId:N}"[..40], cancellationToken)
                    : $"tts:{message.MessageId:N}:{wav.Length}";
            default:
                throw new ProviderException($"{message.Channel} messages are not sent by the Workers.", transient: false);
        }
    }

    private string ReplyAddress(Guid conversationId)
    {
        var address = options.Value.Email.ReplyAddress;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? address : $"{address[..at]}+{conversationId:N}{address[at..]}";
    }
}

/// <summary>Staff hid or showed a comment: Meta is told.</summary>
public sealed class CommentModerating(MetaClient meta) : IEventHandler<CommentModerated>
{
    public Task HandleAsync(CommentModerated message, EventContext context, CancellationToken cancellationToken) =>
        meta.HideCommentAsync(message.Channel, message.CommentId, message.Hide, cancellationToken);
}

/// <summary>
/// A recorded call ended: the recording is fetched from RingCentral and kept by the Api; the
/// transcript is RingCentral's when it has one, Deepgram's otherwise, and goes to the Api with its source.
/// </summary>
public sealed class CallProcessing(InboxClient inbox, RingCentralClient ringCentral, DeepgramClient deepgram, ILogger<CallProcessing> logger)
    : IEventHandler<CallEnded>
{
    public static TimeSpan RingCentralWait { get; set; } = TimeSpan.FromSeconds(20);

    public async Task HandleAsync(CallEnded message, EventContext context, CancellationToken cancellationToken)
    {
        if (message.RcRecordingId is null)
        {
            return;
        }

        if (!ringCentral.CanSend)
        {
            logger.LogWarning("Call {Call} has a recording but RingCentral is not configured: it cannot be fetched.", message.CallId);
            return;
        }

        var (audio, contentType) = await ringCentral.RecordingAsync(message.RcRecordingId, cancellationToken);
        (await inbox.SaveRecordingAsync(message.CallId, audio, contentType, cancellationToken)).OrThrow("keeping the recording");

        var transcript = await ringCentral.TranscriptAsync(message.RcRecordingId, RingCentralWait, cancellationToken);
        CallTranscriptReport report;
        if (!string.IsNullOrWhiteSpace(transcript))
        {
            report = new CallTranscriptReport("ready", "ringcentral", transcript, null);
        }
        else if (deepgram.Configured)
        {
            var text = await deepgram.TranscribeAsync(audio, contentType, cancellationToken);
            report = string.IsNullOrWhiteSpace(text)
                ? new CallTranscriptReport("failed", "deepgram", null, "Deepgram heard no speech in the recording.")
                : new CallTranscriptReport("ready", "deepgram", text, null);
        }
        else
        {
            report = new CallTranscriptReport("failed", null, null, "RingCentral has no transcript for this call and Deepgram is not configured (Channels:Deepgram:ApiKey).");
        }

        (await inbox.SaveTranscriptAsync(message.CallId, report, cancellationToken)).OrThrow("keeping the transcript");
    }
}

/// <summary>A note mentioned colleagues: each gets an e-mail with the note and a link to the conversation.</summary>
public sealed class MentionEmails(EmailSender email, EmailTemplates templates, IOptions<SiteOptions> site) : IEventHandler<StaffMentioned>
{
    public async Task HandleAsync(StaffMentioned message, EventContext context, CancellationToken cancellationToken)
    {
        var link = $"{site.Value.BaseUrl.TrimEnd('/')}/Admin/Inbox?c={message.ConversationId}";
        foreach (var person in message.Mentioned)
        {
            var model = new MessageEmailModel(person.Name.Split(' ')[0], $"{message.AuthorName} mentioned you in the inbox",
                [$"{message.AuthorName} wrote a note for you:", message.Text], [], link, "Open the conversation");
            var html = await templates.RenderMessageAsync(model);
            await email.SendAsync(email.Compose($"{context.MessageId:N}-{person.UserId:N}", person.Name, person.Email, model.Subject, model.Text, html),
                cancellationToken);
        }
    }
}
