using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Assistant;
using MyHibachi.Api.Features.Assistant.Routing;
using MyHibachi.Api.Features.Inbox.Channels;
using MyHibachi.Api.Features.Leads;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Files;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Contracts.Events;
using Npgsql;

namespace MyHibachi.Api.Features.Inbox;

/// <summary>A transcript the Workers made or fetched for a call.</summary>


/// <summary>
/// Calls: each RingCentral telephony session is one row, moved forwards by its events (ringing →
/// answered → ended; a repeated or late event changes nothing). The end of a call is written into the
/// caller's voice conversation, a missed call queues an SMS back, and a recorded call goes to the
/// Workers for its recording and transcript; the transcript is then read by the assistant (intent,
/// emotion, summary, a lead or the booking) and answered like any other message.
/// </summary>
public sealed class CallLog(
    HibachiDbContext db, InboxIngest ingest, InboxNotifier notifier, FileStore files, AssistantModel model, LeadCapture leads,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<CallLog> logger)
{
    public const string MissedCallText =
        "Sorry we missed your call! This is MyHibachi. Reply here with your date, number of guests and ZIP code and we'll get right back to you, or ask us anything.";

    public static readonly string[] AudioTypes = ["audio/x-wav", "audio/wav", "audio/mpeg"];

    public async Task OnTelephonyAsync(TelephonyEvent e, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(e, cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task ApplyAsync(TelephonyEvent e, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var caller = e.Direction == CallDirection.Inbound ? e.From : e.To;
        var ours = e.Direction == CallDirection.Inbound ? e.To : e.From;
        var call = await db.Calls.FirstOrDefaultAsync(c => c.RcSessionId == e.SessionId, cancellationToken);
        Conversation conversation;
        if (call is null)
        {
            conversation = await ingest.ConversationAsync(ConversationChannel.Voice, caller, caller, ours,
                e.Direction == CallDirection.Inbound ? e.FromName : null, cancellationToken);
            call = new Call
            {
                RcSessionId = e.SessionId, Direction = e.Direction, FromNumber = e.From, ToNumber = e.To, ConversationId = conversation.Id,
                CustomerId = conversation.CustomerId, StartedAt = e.At, Status = CallStatus.Ringing,
            };
            db.Calls.Add(call);
        }
        else
        {
            conversation = await db.Conversations.FirstAsync(c => c.Id == call.ConversationId, cancellationToken);
        }

        var wasEnded = call.EndedAt is not null;
        call.RcRecordingId ??= e.RecordingId;
        switch (e.StatusCode)
        {
            case "Answered" when !wasEnded:
                call.AnsweredAt ??= e.At;
                call.Status = CallStatus.InProgress;
                break;
            case "VoiceMail" when !wasEnded:
                call.Status = CallStatus.Voicemail;
                break;
            case "Disconnected" or "Gone" when !wasEnded:
                call.EndedAt = e.At;
                call.Status = call.AnsweredAt is not null && !e.MissedCall ? CallStatus.Completed
                    : call.Status == CallStatus.Voicemail || string.Equals(e.Reason, "Voicemail", StringComparison.OrdinalIgnoreCase) ? CallStatus.Voicemail
                    : CallStatus.Missed;
                call.DurationSeconds = (int)Math.Max(0, (e.At - (call.AnsweredAt ?? call.StartedAt)).TotalSeconds);
                if (call.Status == CallStatus.Missed)
                {
                    call.DurationSeconds = 0;
                }

                Ended(call, conversation, now);
                if (call.Status != CallStatus.Completed && e.Direction == CallDirection.Inbound)
                {
                    await FollowUpAsync(call, conversation, now, cancellationToken);
                }

                break;
        }

        if (call.RcRecordingId is not null && call.RcTranscriptStatus == TranscriptStatus.None)
        {
            call.RcTranscriptStatus = TranscriptStatus.Pending;
        }

        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(conversation.Id, "call", conversation.StationId);
    }

    private void Ended(Call call, Conversation conversation, DateTimeOffset now)
    {
        var text = call.Status switch
        {
            CallStatus.Completed => $"{(call.Direction == CallDirection.Inbound ? "Call from" : "Call to")} {Number(call)}, {Duration(call.DurationSeconds ?? 0)}.",
            CallStatus.Voicemail => $"Voicemail from {Number(call)}.",
            _ => $"Missed call from {Number(call)}.",
        };
        db.ConversationMessages.Add(new ConversationMessage
        {
            ConversationId = conversation.Id, Author = MessageAuthor.System, Text = text, ExternalId = "rc-call:" + call.RcSessionId, CreatedAt = now,
        });
        conversation.LastMessageAt = now;
        InboxIngest.Reopen(conversation);
        db.Publish(new CallEnded(call.Id, conversation.Id, call.Status.ToString(), call.RcRecordingId, call.FromNumber, call.ToNumber), now);
    }

    /// <summary>A caller we did not answer gets a text back on the same number, once per call.</summary>
    private async Task FollowUpAsync(Call call, Conversation voice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (call.FollowUpQueuedAt is not null || voice.Handle is null)
        {
            return;
        }

        var sms = await ingest.ConversationAsync(ConversationChannel.Sms, voice.Handle, voice.Handle, voice.ChannelAccount, voice.ContactName, cancellationToken);
        InboxIngest.Reopen(sms);
        sms.LastMessageAt = now;
        var message = new ConversationMessage
        {
            ConversationId = sms.Id, Author = MessageAuthor.System, Text = MissedCallText, Intent = "missed_call_follow_up", CreatedAt = now,
        };
        db.ConversationMessages.Add(message);
        InboxOutbound.Queue(db, sms, message, now);
        call.FollowUpQueuedAt = now;
        notifier.Changed(sms.Id, "message", sms.StationId);
    }

    public async Task<Result<CallDto>> SaveRecordingAsync(Guid id, string? contentType, byte[] audio, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return Failure.NotFound("Call");
        }

        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !AudioTypes.Contains(type) || !LooksLikeAudio(audio))
        {
            return Failure.Invalid("content", "A recording is WAV (audio/x-wav) or MP3 (audio/mpeg).");
        }

        if (call.RecordingFileId is null)
        {
            var file = await files.SaveAsync("recordings", type, $"call-{call.StartedAt:yyyyMMdd-HHmm}-{call.Id.ToString()[..8]}{(type == "audio/mpeg" ? ".mp3" : ".wav")}",
                audio, cancellationToken);
            call.RecordingFileId = file.Id;
            await db.SaveChangesAsync(cancellationToken);
            notifier.Changed(call.ConversationId, "call");
        }

        return ToDto(call);
    }

    /// <summary>
    /// The transcript, stored with its source; a ready transcript is read (intent, emotion, summary,
    /// lead or booking) and answered by the assistant once.
    /// </summary>
    public async Task<Result<CallDto>> SaveTranscriptAsync(Guid id, CallTranscriptReport report, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return Failure.NotFound("Call");
        }

        var errors = new ValidationErrors();
        var status = report.Status?.ToLowerInvariant() switch
        {
            "ready" => TranscriptStatus.Ready,
            "failed" => TranscriptStatus.Failed,
            "pending" => TranscriptStatus.Pending,
            _ => (TranscriptStatus?)null,
        };
        if (status is null)
        {
            errors.Add("status", "One of ready, pending or failed.");
        }

        if (status == TranscriptStatus.Ready && (string.IsNullOrWhiteSpace(report.Transcript) || report.Transcript.Length > 100_000))
        {
            errors.Add("transcript", "A ready transcript has text (up to 100,000 characters).");
        }

        if (report.Source is not (null or "ringcentral" or "deepgram"))
        {
            errors.Add("source", "ringcentral or deepgram.");
        }

        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (call.RcTranscriptStatus == TranscriptStatus.Ready)
        {
            return ToDto(call); // already read: a repeat changes nothing
        }

        call.RcTranscriptStatus = status!.Value;
        call.TranscriptSource = report.Source;
        call.TranscriptError = TextLimits.Clip(report.Error, 500);
        if (status == TranscriptStatus.Ready)
        {
            var transcript = report.Transcript!.Trim();
            call.RcTranscript = transcript;
            await ReadAsync(call, transcript, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        notifier.Changed(call.ConversationId, "call");
        return ToDto(call);
    }

    private async Task ReadAsync(Call call, string transcript, CancellationToken cancellationToken)
    {
        var vector = model.Embed(transcript);
        var route = model.Route(transcript, vector);
        var slots = SlotExtractor.Extract(transcript, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var insight = CallAnalysis.Analyse(transcript, route, slots);
        call.Intent = insight.Intent;
        call.Emotion = insight.Emotion;
        call.Summary = insight.Summary;
        var caller = call.Direction == CallDirection.Inbound ? call.FromNumber : call.ToNumber;

        // The booking the call is about: the one named, or the customer's next one.
        call.BookingId = slots.Reference is { } reference
            ? await db.Bookings.Where(b => b.Reference == reference).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (call.BookingId is null && call.CustomerId is { } customerId)
        {
            var now = clock.GetUtcNow();
            call.BookingId = await db.Bookings.Where(b => b.CustomerId == customerId && b.StartsAt >= now).OrderBy(b => b.StartsAt)
                .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (call.BookingId is null)
        {
            var lead = await leads.CaptureAsync(new LeadAttempt(null, Data.Entities.LeadSource.Phone, Data.Entities.LeadReason.Inquiry,
                slots.FirstName is null ? null : $"{slots.FirstName} {slots.LastName}".Trim(), slots.Email, caller,
                new Dictionary<string, string> { ["call"] = insight.Summary }), cancellationToken, always: true);
            call.LeadId = lead?.Id;
        }

        // The caller's words go to the assistant like any message; its answer is queued for the voice channel (spoken).
        var conversation = await db.Conversations.FirstAsync(c => c.Id == call.ConversationId, cancellationToken);
        conversation.CustomerMessages++;
        conversation.LastInboundAt = clock.GetUtcNow();
        var message = new ConversationMessage
        {
            ConversationId = conversation.Id, Author = MessageAuthor.Customer, Text = transcript.Length > 8000 ? transcript[..7999] + "…" : transcript,
            ExternalId = "rc-transcript:" + call.RcSessionId, Intent = insight.Intent, CreatedAt = clock.GetUtcNow(), AnsweredAt = clock.GetUtcNow(),
        };
        db.ConversationMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        if (conversation.Status == ConversationStatus.Active)
        {
            await using var scope = scopes.CreateAsyncScope();
            var assistant = scope.ServiceProvider.GetRequiredService<AssistantService>();
            var own = await scope.ServiceProvider.GetRequiredService<HibachiDbContext>().Conversations.FirstAsync(c => c.Id == conversation.Id, cancellationToken);
            try
            {
                await assistant.RespondAsync(own, transcript, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("The voice conversation {Conversation} changed while the assistant read the call; staff have it.", conversation.Id);
            }

            await db.Entry(conversation).ReloadAsync(cancellationToken);
        }
    }

    public async Task<Call?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<StoredFile?> RecordingAsync(Call call, CancellationToken cancellationToken) =>
        call.RecordingFileId is { } fileId ? await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken) : null;

    public static CallDto ToDto(Call c) => new(
        c.Id, c.Direction.ToString().ToLowerInvariant(), c.Status.ToString().ToLowerInvariant(), c.FromNumber, c.ToNumber, c.StartedAt, c.EndedAt,
        c.DurationSeconds, c.RecordingFileId is not null, c.RcTranscriptStatus.ToString().ToLowerInvariant(), c.TranscriptSource, c.Summary, c.Intent,
        c.Emotion, c.LeadId, c.BookingId);

    public static string Duration(int seconds) => seconds < 60 ? $"{seconds} s" : $"{seconds / 60} min {seconds % 60} s";

    private static string Number(Call call) => call.Direction == CallDirection.Inbound ? call.FromNumber : call.ToNumber;

    /// <summary>RIFF/WAVE, an MP3 frame sync or an ID3 tag: checked by content, not by the declared type alone.</summary>
    public static bool LooksLikeAudio(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WAVE"u8)
        || bytes.Length >= 3 && bytes[..3].SequenceEqual("ID3"u8)
        || bytes.Length >= 2 && bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0;
}
