using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.Api.Features.Stations;

public sealed partial class StationService(HibachiDbContext db, ZipCentroids zips, ServiceArea serviceArea, PriceSheetProvider prices, AccessScope scope)
{
    public static StationDto ToDto(Station s) => new(
        s.Id, s.Code, s.Name, s.TimeZone, s.BaseZip, s.ServiceRadiusMiles, s.MinimumNoticeHours, s.CustomerChangeCutoffHours, s.IsActive, s.Phone, s.Email);

    public async Task<IReadOnlyList<StationDto>> ListAsync(bool includeInactive, CancellationToken cancellationToken) =>
        (await db.Stations.AsNoTracking()
            .Where(s => includeInactive || s.IsActive)
            .OrderBy(s => s.Name)
            .ToListAsync(cancellationToken))
        .Select(ToDto).ToList();

    public async Task<Station?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Stations.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<Result<Station>> CreateAsync(StationRequest request, CancellationToken cancellationToken)
    {
        var station = new Station { Code = "", Name = "", TimeZone = "", BaseZip = "" };
        var errors = Apply(station, request, creating: true);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (await db.Stations.AnyAsync(s => s.Code == station.Code, cancellationToken))
        {
            return Failure.Invalid("code", $"A station with code '{station.Code}' already exists.");
        }

        db.Stations.Add(station);
        await db.SaveChangesAsync(cancellationToken);
        return station;
    }

    public async Task<Result<Station>> UpdateAsync(Guid id, StationRequest request, IfMatch? precondition, CancellationToken cancellationToken)
    {
        var station = await FindAsync(id, cancellationToken);
        if (station is null || !scope.CanUseStation(id))
        {
            return Failure.NotFound("Station");
        }

        if (precondition?.Allows(station.Version) == false)
        {
            return Failure.PreconditionFailed();
        }

        var errors = Apply(station, request, creating: false);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        if (await db.Stations.AnyAsync(s => s.Code == station.Code && s.Id != id, cancellationToken))
        {
            return Failure.Invalid("code", $"A station with code '{station.Code}' already exists.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return station;
    }

    public async Task<ServiceAreaDto> CheckServiceAreaAsync(string? zip, CancellationToken cancellationToken)
    {
        var normalized = ZipCentroids.Normalize(zip) ?? zip?.Trim() ?? "";
        var match = await serviceArea.MatchAsync(zip, null, cancellationToken);
        if (match is null)
        {
            return new ServiceAreaDto(normalized, false, null, null, null, null, "We don't recognise this ZIP code.");
        }

        if (!match.WithinRadius)
        {
            return new ServiceAreaDto(normalized, false, match.Station.Id, match.Station.Name, Math.Round(match.DistanceMiles, 1), null,
                $"This address is {match.DistanceMiles:0} miles from our nearest station ({match.Station.Name}), beyond its {match.Station.ServiceRadiusMiles}-mile service area. Leave your details below: we'll tell you when we come your way, and a manager may be able to travel for a larger party.");
        }

        var sheet = await prices.CurrentAsync(cancellationToken);
        var outcome = PricingEngine.Calculate(sheet, new PricingRequest(1, 0, [], match.DistanceMiles));
        var travel = outcome.Breakdown!.TravelFeeCents;
        return new ServiceAreaDto(normalized, true, match.Station.Id, match.Station.Name, Math.Round(match.DistanceMiles, 1), travel,
            travel == 0 ? $"Good news: {match.Station.Name} serves you with no travel fee." : $"{match.Station.Name} serves you; travel fee {PricingEngine.Money(travel)}.");
    }

    private ValidationErrors Apply(Station station, StationRequest request, bool creating)
    {
        var errors = new ValidationErrors();
        if (creating || request.Code is not null)
        {
            if (errors.Required("code", request.Code, 20, "Code") && !CodePattern().IsMatch(request.Code!))
            {
                errors.Add("code", "Use 2–20 lower-case letters, digits or dashes, e.g. 'atl'.");
            }
            else if (!errors.Has("code"))
            {
                station.Code = request.Code!;
            }
        }

        if (creating || request.Name is not null)
        {
            if (errors.Required("name", request.Name, 100, "Name"))
            {
                station.Name = request.Name!.Trim();
            }
        }

        if (creating || request.TimeZone is not null)
        {
            if (errors.Required("timeZone", request.TimeZone, 64, "Time zone"))
            {
                if (TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone!, out _) && request.TimeZone!.Contains('/', StringComparison.Ordinal))
                {
                    station.TimeZone = request.TimeZone!;
                }
                else
                {
                    errors.Add("timeZone", "Use an IANA time zone such as America/New_York.");
                }
            }
        }

        if (creating || request.BaseZip is not null)
        {
            if (zips.TryFind(request.BaseZip, out var point))
            {
                station.BaseZip = ZipCentroids.Normalize(request.BaseZip)!;
                station.BaseLatitude = point.Latitude;
                station.BaseLongitude = point.Longitude;
            }
            else
            {
                errors.Add("baseZip", "Enter a known 5-digit US ZIP code.");
            }
        }

        if (creating && request.ServiceRadiusMiles is null)
        {
            errors.Add("serviceRadiusMiles", "Service radius is required.");
        }
        else if (request.ServiceRadiusMiles is { } radius && errors.Range("serviceRadiusMiles", radius, 1, 500, "Service radius (miles)"))
        {
            station.ServiceRadiusMiles = radius;
        }

        if (request.MinimumNoticeHours is { } notice && errors.Range("minimumNoticeHours", notice, 0, 720, "Minimum notice (hours)"))
        {
            station.MinimumNoticeHours = notice;
        }

        if (request.CustomerChangeCutoffHours is { } cutoff && errors.Range("customerChangeCutoffHours", cutoff, 0, 720, "Change cut-off (hours)"))
        {
            station.CustomerChangeCutoffHours = cutoff;
        }

        if (request.IsActive is { } active)
        {
            station.IsActive = active;
        }

        // Contact details: given replaces, blank clears, missing keeps.
        if (request.Phone is not null && errors.Phone("phone", request.Phone))
        {
            station.Phone = Text.Clean(request.Phone) is { Length: > 0 } phone ? phone : null;
        }

        if (request.Email is not null && errors.Email("email", request.Email, required: false))
        {
            station.Email = Text.Clean(request.Email)?.ToLowerInvariant() is { Length: > 0 } email ? email : null;
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,19}$")]
    private static partial Regex CodePattern();
}
