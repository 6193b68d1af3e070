namespace MyHibachi.Api.Features.Stations;

public sealed record StationDto(
    Guid Id, string Code, string Name, string TimeZone, string BaseZip, int ServiceRadiusMiles,
    int MinimumNoticeHours, int CustomerChangeCutoffHours, bool IsActive);

public sealed record StationRequest(
    string? Code, string? Name, string? TimeZone, string? BaseZip, int? ServiceRadiusMiles,
    int? MinimumNoticeHours, int? CustomerChangeCutoffHours, bool? IsActive);

public sealed record ServiceAreaDto(
    string Zip, bool Serviceable, Guid? StationId, string? StationName, double? DistanceMiles,
    long? TravelFeeCents, string Message);
