namespace MyHibachi.Api.Features.Availability;

public sealed record SlotDto(DateTimeOffset StartsAt, string LocalTime, int AvailableChefs);

public sealed record DaySlotsDto(DateOnly Date, IReadOnlyList<SlotDto> Slots);

public sealed record StationSlotsDto(Guid StationId, string TimeZone, int DurationMinutes, IReadOnlyList<DaySlotsDto> Days);

public sealed record BusyDto(DateTimeOffset From, DateTimeOffset To, string Kind, string? Reference);

public sealed record ChefAvailabilityDto(
    Guid ChefId, string TimeZone, int DurationMinutes, int MaxEventsPerDay, int BufferBeforeMinutes, int BufferAfterMinutes,
    IReadOnlyList<DaySlotsDto> Days, IReadOnlyList<BusyDto> Busy);
