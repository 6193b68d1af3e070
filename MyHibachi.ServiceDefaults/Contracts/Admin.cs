using System.Text.Json;

namespace MyHibachi.Contracts;

public sealed record StatusCountDto(BookingStatus Status, int Count);

public sealed record DayCountDto(DateOnly Date, int Events, int Guests);

public sealed record DashboardDto(
    int EventsToday, int EventsThisWeek, int GuestsThisWeek, long UpcomingRevenueCents, long UpcomingDepositsCents, int OpenLeads,
    IReadOnlyList<StatusCountDto> Pipeline, IReadOnlyList<DayCountDto> NextDays, IReadOnlyList<BookingSummaryDto> Today,
    IReadOnlyList<PaymentAlertDto> PaymentAlerts, IReadOnlyList<PriceChangeDto> RecentPriceChanges);

public sealed record DashboardQuery(Guid? StationId = null);

/// <summary>One change: who, when, to what record (Label: its reference or name), before and after; Kind "data" or "sign-in".</summary>
public sealed record AuditEntryDto(
    long Id, DateTimeOffset OccurredAt, Guid? ActorId, string ActorName, string Action, string EntityType, string EntityId,
    JsonElement? Before, JsonElement? After, string? RequestId, string? Label = null, string Kind = "data");

public sealed record AuditQuery(
    int? Page = null, int? PageSize = null, string? EntityType = null, string? EntityId = null, Guid? ActorId = null,
    string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Kind = null);

public sealed record DeletedItemDto(
    string Type, Guid Id, string Label, DateTimeOffset DeletedAt, Guid? DeletedBy, string? DeletedByName, string? Reason,
    DateTimeOffset RestorableUntil, string RestorePath);

public sealed record DeletedItemsQuery(string? Type = null, int? Page = null, int? PageSize = null);

public sealed record PurgeResult(int Bookings, int Leads, int Customers, int Chefs, int Kept);

public sealed record FollowUpResult(int Leads);

/// <summary>A message a Workers consumer has handled (kept so a redelivery is skipped).</summary>
public sealed record HandledMessageDto(string Consumer, Guid MessageId, DateTimeOffset ProcessedAt, int Deliveries);
