namespace MyHibachi.Api.Data.Entities;

/// <summary>A reply staff keep for questions that come up again; typed as "/shortcode" in the inbox.</summary>
public sealed class CannedReply : ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Lower-case letters, digits and dashes, unique: "deposit", "travel-fee".</summary>
    public required string ShortCode { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum CallDirection
{
    Inbound,
    Outbound,
}

public enum CallStatus
{
    Ringing,
    InProgress,
    Completed,
    Missed,
    Voicemail,
}

public enum TranscriptStatus
{
    None,
    Pending,
    Ready,
    Failed,
}

/// <summary>
/// A phone call through RingCentral, one row per telephony session: who called whom, how it ended,
/// its recording and transcript (RingCentral's, or Deepgram's when RingCentral has none), and what
/// the assistant made of it. It belongs to the caller's voice conversation in the inbox.
/// </summary>
public sealed class Call : ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>RingCentral's telephonySessionId: a repeated event updates this row.</summary>
    public required string RcSessionId { get; set; }

    public CallDirection Direction { get; set; }

    public CallStatus Status { get; set; }

    public required string FromNumber { get; set; }

    public required string ToNumber { get; set; }

    public Guid ConversationId { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? LeadId { get; set; }

    public Guid? BookingId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int? DurationSeconds { get; set; }

    public string? RcRecordingId { get; set; }

    public Guid? RecordingFileId { get; set; }

    public string? RcTranscript { get; set; }

    public TranscriptStatus RcTranscriptStatus { get; set; }

    /// <summary>"ringcentral" or "deepgram": who wrote <see cref="RcTranscript"/>.</summary>
    public string? TranscriptSource { get; set; }

    public string? TranscriptError { get; set; }

    public string? Summary { get; set; }

    public string? Intent { get; set; }

    public string? Emotion { get; set; }

    /// <summary>The assistant's spoken answer to the caller (text-to-speech), when one was made.</summary>
    public Guid? ReplyAudioFileId { get; set; }

    public DateTimeOffset? FollowUpQueuedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}
