namespace MyHibachi.Contracts;

/// <summary>A Google credential as staff see it: never its secrets.</summary>
public sealed record GoogleConnectionDto(
    Guid Id, string Name, string Kind, string Principal, string? Subject, IReadOnlyList<string> Scopes, IReadOnlyList<string> GrantedScopes,
    string Status, string? LastError, DateTimeOffset? TokenExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// A new or changed credential. <c>kind</c> is <c>refresh_token</c> (an OAuth client id and secret with a user's
/// refresh token) or <c>service_account</c> (the JSON key file's text in <c>serviceAccountKey</c>, optionally a
/// Workspace <c>subject</c> to act as). Secrets left empty on a change are kept.
/// </summary>
public sealed record GoogleConnectionRequest(
    string? Name, string? Kind, string? ClientId, string? ClientSecret, string? RefreshToken, string? ServiceAccountKey, string? Subject,
    IReadOnlyList<string>? Scopes);

/// <summary>For the Workers only: what the token endpoint needs, and the cached access token if it is still good.</summary>
public sealed record GoogleCredentialDto(
    Guid Id, string Kind, string Principal, string? Subject, IReadOnlyList<string> Scopes, string? ClientSecret, string? RefreshToken,
    string? PrivateKeyPem, string? PrivateKeyId, string? AccessToken, DateTimeOffset? AccessTokenExpiresAt);

/// <summary>What the Workers got from the token endpoint: a new access token, or the error that means a person must reconnect.</summary>
public sealed record GoogleTokenReport(string? AccessToken, DateTimeOffset? ExpiresAt, IReadOnlyList<string>? GrantedScopes, string? Error);

public sealed record ExternalBusyDto(string Source, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>A booking of the chef's that overlaps a busy time on their own calendar: staff must settle it.</summary>
public sealed record CalendarConflictDto(Guid BookingId, string Reference, DateTimeOffset StartsAt, string Source, DateTimeOffset BusyFrom, DateTimeOffset BusyTo);

public sealed record ChefCalendarDto(
    Guid ChefId, string ChefName, Guid? ConnectionId, string? ConnectionName, string? CalendarId, string SyncStatus, DateTimeOffset? LastSyncedAt,
    string? LastError, bool PushActive, DateTimeOffset? PushExpiresAt, string? IcsImportUrl, DateTimeOffset? IcsImportedAt, string? IcsImportError,
    string FeedUrl, IReadOnlyList<ExternalBusyDto> Busy, IReadOnlyList<CalendarConflictDto> Conflicts, string TimeZone);

/// <summary>Link a chef's Google calendar (a connection and a calendar id, e.g. their e-mail) and/or an ICS address to import busy times from.</summary>
public sealed record ChefCalendarRequest(Guid? ConnectionId, string? CalendarId, string? IcsImportUrl);

/// <summary>For the Workers: a chef whose calendar is synced, and where the last sync stopped.</summary>
public sealed record CalendarSyncTargetDto(
    Guid ChefId, Guid? ConnectionId, string? CalendarId, string? SyncToken, string? IcsImportUrl, string? WatchChannelId, string? WatchResourceId,
    DateTimeOffset? WatchExpiresAt);

/// <summary>
/// One event read from a chef's calendar; <c>bookingId</c> is set on the events we wrote ourselves. An all-day event
/// has dates instead of instants (the end date exclusive); they are read in the chef's station's time zone.
/// </summary>
public sealed record CalendarEventItem(
    string Id, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, bool Cancelled, bool Transparent, string? BookingId, DateOnly? StartDate = null,
    DateOnly? EndDate = null);

/// <summary>
/// What a sync read: <c>source</c> google or ics; <c>full</c> when the events are the whole calendar (what is not
/// in them is gone), otherwise the changes since the last sync token. <c>error</c> reports a failed sync instead.
/// </summary>
public sealed record CalendarBusyReport(string Source, bool Full, IReadOnlyList<CalendarEventItem>? Events, string? NextSyncToken, string? Error);

public sealed record CalendarBusyResult(int Busy, IReadOnlyList<CalendarConflictDto> NewConflicts);

/// <summary>A push channel Google opened for the chef's calendar (all null: the channel was stopped).</summary>
public sealed record CalendarWatchReport(string? ChannelId, string? ResourceId, string? Token, DateTimeOffset? ExpiresAt);

/// <summary>The event a booking should have on its chef's calendar now, and the events to delete from other chefs' calendars.</summary>
public sealed record BookingCalendarPlanDto(Guid BookingId, CalendarEventUpsert? Upsert, IReadOnlyList<CalendarEventRemoval> Remove);

public sealed record CalendarEventUpsert(
    Guid ChefId, Guid ConnectionId, string CalendarId, string EventId, string Summary, string Description, string? Location,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone);

public sealed record CalendarEventRemoval(Guid ChefId, Guid ConnectionId, string CalendarId, string EventId);

public sealed record BookingCalendarReport(Guid? UpsertedChefId, IReadOnlyList<Guid> RemovedChefIds);

/// <summary>Opening hours on a weekday (monday … sunday), local "HH:mm"; "24:00" closes at midnight.</summary>
public sealed record OpeningPeriodDto(string Day, string Open, string Close);

public sealed record SpecialDayDto(DateOnly Date, bool Closed, string? Open, string? Close);

public sealed record BusinessLocationDto(
    Guid StationId, string StationName, Guid? ConnectionId, string? ConnectionName, string? AccountId, string? LocationId,
    IReadOnlyList<OpeningPeriodDto> RegularHours, IReadOnlyList<SpecialDayDto> SpecialHours, bool HoursPending, DateTimeOffset? HoursPushedAt, string? HoursError,
    string SyncStatus, DateTimeOffset? LastSyncedAt, string? LastError, decimal? AverageRating, int TotalReviewCount);

/// <summary>Link a station to its Business Profile location and set the hours Google shows (null lists keep the current hours).</summary>
public sealed record BusinessLocationRequest(
    Guid? ConnectionId, string? AccountId, string? LocationId, IReadOnlyList<OpeningPeriodDto>? RegularHours, IReadOnlyList<SpecialDayDto>? SpecialHours);

public sealed record GoogleReviewDto(
    Guid Id, Guid StationId, string StationName, string Reviewer, int Rating, string? Comment, DateTimeOffset CreatedAt, string? ReplyText, DateTimeOffset? RepliedAt,
    string? Draft, string? DraftSource, string ReplyStatus, string? ReplyError, bool NeedsAttention);

public sealed record GoogleReviewQuery(Guid? StationId, bool? NeedsAttention, int? MaxRating, int? Page, int? PageSize);

/// <summary>A reply as staff wrote or changed it (saved as the draft).</summary>
public sealed record ReviewReplyRequest(string? Text);

/// <summary>The site's own rating, Google's, and both together (every review counted once, at its stars).</summary>
public sealed record RatingOverviewDto(
    int SiteCount, decimal? SiteAverage, int GoogleCount, decimal? GoogleAverage, int CombinedCount, decimal? CombinedAverage, int GoogleNeedsAttention);

// ---- For the Workers ----

public sealed record BusinessSyncTargetDto(
    Guid StationId, Guid ConnectionId, string AccountId, string LocationId, string TimeZone, IReadOnlyList<OpeningPeriodDto> RegularHours,
    IReadOnlyList<SpecialDayDto> SpecialHours, bool HoursPending);

public sealed record GoogleReviewItem(
    string ReviewId, string? Reviewer, int Rating, string? Comment, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Reply, DateTimeOffset? RepliedAt);

public sealed record GoogleReviewsReport(IReadOnlyList<GoogleReviewItem>? Reviews, decimal? AverageRating, int? TotalReviewCount, string? Error);

public sealed record GoogleReviewsResult(int Stored, IReadOnlyList<GoogleReviewDto> NewNegative);

public sealed record BusinessHoursReport(string? Error);

public sealed record ReviewReplyPostDto(Guid Id, Guid ConnectionId, string AccountId, string LocationId, string ReviewId, string Text);

public sealed record ReviewReplyReport(bool Posted, string? Error);
