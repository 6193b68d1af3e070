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

/// <summary>A day's open starts; Closed when no chef works that day at all (as opposed to every chef being booked).</summary>
public sealed record DaySlotsDto(DateOnly Date, IReadOnlyList<SlotDto> Slots, bool Closed = false);

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

    /// <summary>The short name people use for a US time zone ("ET", "CT", "MT", "PT"…); the zone's id for others.</summary>
    public static string Zone(string timeZone) => timeZone switch
    {
        "America/New_York" or "America/Detroit" or "America/Indiana/Indianapolis" or "America/Kentucky/Louisville" or "US/Eastern" => "ET",
        "America/Chicago" or "America/Indiana/Knox" or "America/Menominee" or "US/Central" => "CT",
        "America/Denver" or "America/Boise" or "America/Phoenix" or "US/Mountain" or "US/Arizona" => "MT",
        "America/Los_Angeles" or "US/Pacific" => "PT",
        "America/Anchorage" or "US/Alaska" => "AKT",
        "Pacific/Honolulu" or "US/Hawaii" => "HT",
        "UTC" or "Etc/UTC" => "UTC",
        _ => timeZone,
    };

    /// <summary>A station-local "HH:mm" as people say it: "6:00 PM ET".</summary>
    public static string Time(string hhmm, string timeZone) =>
        (TimeOnly.TryParseExact(hhmm, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time.ToString("h:mm tt", System.Globalization.CultureInfo.GetCultureInfo("en-US"))
            : hhmm) + " " + Zone(timeZone);
}
