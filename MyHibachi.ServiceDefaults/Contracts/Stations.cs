namespace MyHibachi.Contracts;

public sealed record StationDto(
    Guid Id, string Code, string Name, string TimeZone, string BaseZip, int ServiceRadiusMiles,
    int MinimumNoticeHours, int CustomerChangeCutoffHours, bool IsActive, string? Phone = null, string? Email = null);

public sealed record StationRequest(
    string? Code, string? Name, string? TimeZone, string? BaseZip, int? ServiceRadiusMiles,
    int? MinimumNoticeHours, int? CustomerChangeCutoffHours, bool? IsActive, string? Phone = null, string? Email = null);

public sealed record ServiceAreaDto(
    string Zip, bool Serviceable, Guid? StationId, string? StationName, double? DistanceMiles,
    long? TravelFeeCents, string Message);

public sealed record SlotDto(DateTimeOffset StartsAt, string LocalTime, int AvailableChefs);

public sealed record DaySlotsDto(DateOnly Date, IReadOnlyList<SlotDto> Slots);

public sealed record StationSlotsDto(Guid StationId, string TimeZone, int DurationMinutes, IReadOnlyList<DaySlotsDto> Days);

/// <summary>The open start times of a station between two local dates for a party size.</summary>
public sealed record SlotsQuery(DateOnly? From, DateOnly? To, int? Guests);

public sealed record BusyDto(DateTimeOffset From, DateTimeOffset To, string Kind, string? Reference);

public sealed record ChefAvailabilityDto(
    Guid ChefId, string TimeZone, int DurationMinutes, int MaxEventsPerDay, int BufferBeforeMinutes, int BufferAfterMinutes,
    IReadOnlyList<DaySlotsDto> Days, IReadOnlyList<BusyDto> Busy);

public static class StationNames
{
    /// <summary>"MyHibachi Atlanta" is the Atlanta station: the city is what follows the brand.</summary>
    public static string City(string stationName) => stationName.Replace("MyHibachi", "", StringComparison.OrdinalIgnoreCase).Trim();
}
