namespace MyHibachi.Contracts;

public sealed record CustomerDto(
    Guid Id, Guid StationId, string FirstName, string LastName, string Email, string? Phone, string? Notes,
    bool MarketingOptIn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CustomerRequest(
    Guid? StationId, string? FirstName, string? LastName, string? Email, string? Phone, string? Notes, bool? MarketingOptIn);

public sealed record CustomerListQuery(int? Page = null, int? PageSize = null, Guid? StationId = null, string? Q = null, string? Sort = null);

/// <summary>A weekly window in the station's local time; times as "HH:mm".</summary>
public sealed record WorkingHoursDto(DayOfWeek DayOfWeek, string StartTime, string EndTime);

public sealed record DateOverrideDto(DateOnly Date, bool IsWorking, string? StartTime, string? EndTime, string? Note);

public sealed record TimeOffDto(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Reason);

public sealed record ChefDto(
    Guid Id, Guid StationId, string FirstName, string LastName, string Email, string? Phone, string? Bio, bool IsActive,
    int MaxEventsPerDay, int BufferBeforeMinutes, int BufferAfterMinutes, IReadOnlyList<WorkingHoursDto> WorkingHours,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ChefDetailDto(
    ChefDto Chef, IReadOnlyList<DateOverrideDto> DateOverrides, IReadOnlyList<TimeOffDto> TimeOff);

public sealed record ChefRequest(
    Guid? StationId, string? FirstName, string? LastName, string? Email, string? Phone, string? Bio, bool? IsActive,
    int? MaxEventsPerDay, int? BufferBeforeMinutes, int? BufferAfterMinutes, IReadOnlyList<WorkingHoursDto>? WorkingHours);

public sealed record DateOverrideRequest(bool? IsWorking, string? StartTime, string? EndTime, string? Note);

public sealed record TimeOffRequest(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Reason);

public sealed record ChefListQuery(int? Page = null, int? PageSize = null, Guid? StationId = null, string? Q = null, bool? IsActive = null, string? Sort = null);

/// <summary>A chef's open times between two local dates for a party size.</summary>
public sealed record ChefAvailabilityQuery(DateOnly? From, DateOnly? To, int? Guests);
