namespace MyHibachi.Api.Data.Entities;

/// <summary>How a connection proves itself to Google's token endpoint.</summary>
public enum GoogleCredentialKind
{
    /// <summary>An OAuth client (id and secret) with a user's refresh token.</summary>
    RefreshToken,

    /// <summary>A service account's key: a signed JWT is exchanged for each access token.</summary>
    ServiceAccount,
}

public enum GoogleConnectionStatus
{
    /// <summary>Saved, no token asked for yet.</summary>
    New,
    Connected,

    /// <summary>Google refused the credential for good (revoked, expired, wrong key): a person must connect it again.</summary>
    NeedsReconnect,
}

/// <summary>
/// One Google credential the business gave us, with the scopes it is for. The secrets (client secret,
/// refresh token, private key) and the cached access token are stored encrypted; no API answer shows them.
/// </summary>
public sealed class GoogleConnection : IAudited, ITimestamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public GoogleCredentialKind Kind { get; set; }

    /// <summary>The OAuth client id (refresh token) or the service account's e-mail.</summary>
    public string Principal { get; set; } = "";

    /// <summary>For a service account: the Workspace user it acts as (domain-wide delegation), if any.</summary>
    public string? Subject { get; set; }

    public List<string> Scopes { get; set; } = [];

    /// <summary>The encrypted secrets: the client secret and refresh token, or the private key and its id.</summary>
    public byte[] SecretCipher { get; set; } = [];

    public byte[]? AccessTokenCipher { get; set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    /// <summary>The scopes Google actually granted with the last token (a user can grant only some).</summary>
    public List<string> GrantedScopes { get; set; } = [];

    public GoogleConnectionStatus Status { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

public enum CalendarSyncStatus
{
    Never,
    Queued,
    Running,
    Ok,
    Failed,
}

/// <summary>
/// A chef's calendar link: the Google calendar kept in two-way sync (with its incremental sync token
/// and push channel), the ICS address busy times are imported from, and the version of their private feed link.
/// </summary>
public sealed class ChefCalendar : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChefId { get; set; }

    public Guid? ConnectionId { get; set; }

    public string? CalendarId { get; set; }

    public string? SyncToken { get; set; }

    public CalendarSyncStatus SyncStatus { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    public string? LastError { get; set; }

    public string? WatchChannelId { get; set; }

    public string? WatchResourceId { get; set; }

    public string? WatchToken { get; set; }

    public DateTimeOffset? WatchExpiresAt { get; set; }

    public string? IcsImportUrl { get; set; }

    public DateTimeOffset? IcsImportedAt { get; set; }

    public string? IcsImportError { get; set; }

    /// <summary>Part of the private feed link's key: raising it makes the old link stop working.</summary>
    public int FeedVersion { get; set; } = 1;

    public uint Version { get; set; }
}

public enum ExternalBusySource
{
    Google,
    Ics,
}

/// <summary>A time a chef is busy on their own calendar (Google or an imported ICS feed): it blocks their slots.</summary>
public sealed class ExternalBusyTime
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChefId { get; set; }

    public ExternalBusySource Source { get; set; }

    /// <summary>The event's id on its calendar (Google event id, or ICS UID with the occurrence's start).</summary>
    public string ExternalId { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public DateTimeOffset SyncedAt { get; set; }
}

/// <summary>The event a booking has on a chef's Google calendar (one per chef the booking has been with).</summary>
public sealed class BookingCalendarEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BookingId { get; set; }

    public Guid ChefId { get; set; }

    public Guid ConnectionId { get; set; }

    public string CalendarId { get; set; } = "";

    public string EventId { get; set; } = "";

    /// <summary>Deleted from the calendar (the booking was cancelled or moved to another chef).</summary>
    public bool Removed { get; set; }

    public DateTimeOffset SyncedAt { get; set; }
}

/// <summary>Opening hours on one weekday, local time ("HH:mm"; a close of "24:00" is midnight at the end of the day).</summary>
public sealed class OpeningPeriod
{
    public DayOfWeek Day { get; set; }

    public string Open { get; set; } = "";

    public string Close { get; set; } = "";
}

/// <summary>A holiday or other day with its own hours, or closed all day.</summary>
public sealed class SpecialDay
{
    public DateOnly Date { get; set; }

    public bool Closed { get; set; }

    public string? Open { get; set; }

    public string? Close { get; set; }
}

/// <summary>
/// A station's Google Business Profile location: where its reviews are read from and its hours written to, the
/// hours the station keeps (weekly and special days), and how the last sync went.
/// </summary>
public sealed class BusinessLocation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid StationId { get; set; }

    public Guid? ConnectionId { get; set; }

    /// <summary>The Business Profile account id (digits) and location id (digits), as in accounts/{a}/locations/{l}.</summary>
    public string? AccountId { get; set; }

    public string? LocationId { get; set; }

    public List<OpeningPeriod> RegularHours { get; set; } = [];

    public List<SpecialDay> SpecialHours { get; set; } = [];

    /// <summary>The hours changed since they were last written to Google.</summary>
    public bool HoursPending { get; set; }

    public DateTimeOffset? HoursPushedAt { get; set; }

    public string? HoursError { get; set; }

    public CalendarSyncStatus SyncStatus { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    public string? LastError { get; set; }

    public decimal? AverageRating { get; set; }

    public int TotalReviewCount { get; set; }

    public uint Version { get; set; }
}

public enum ReplyStatus
{
    None,
    Draft,
    Approved,
    Posted,
    Failed,
}

/// <summary>A review customers left on Google, with our reply: drafted (template, AI or staff), approved by staff, then posted.</summary>
public sealed class GoogleReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid StationId { get; set; }

    /// <summary>Google's review id (opaque).</summary>
    public string ReviewId { get; set; } = "";

    public string Reviewer { get; set; } = "";

    public int Rating { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The reply Google shows now.</summary>
    public string? ReplyText { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public string? Draft { get; set; }

    /// <summary>template, ai, rules or staff.</summary>
    public string? DraftSource { get; set; }

    public ReplyStatus ReplyStatus { get; set; }

    public string? ReplyError { get; set; }

    public Guid? ApprovedBy { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public uint Version { get; set; }
}
