using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Features.Geography;

/// <summary>Miles between two points for the travel fee.</summary>
public interface ITravelDistance
{
    /// <summary>Short name shown with quotes, e.g. "great-circle" or "driving".</summary>
    string Method { get; }

    Task<double> MilesAsync(GeoPoint from, GeoPoint to, CancellationToken cancellationToken);
}

/// <summary>Straight-line distance between ZIP centroids: always available, no provider needed.</summary>
public sealed class GreatCircleDistance : ITravelDistance
{
    public string Method => "great-circle";

    public Task<double> MilesAsync(GeoPoint from, GeoPoint to, CancellationToken cancellationToken) =>
        Task.FromResult(GreatCircle.Miles(from, to));
}

public sealed record StationMatch(Station Station, GeoPoint Location, double DistanceMiles, bool WithinRadius);

/// <summary>Which station serves a ZIP code and how far the chef travels.</summary>
public sealed class ServiceArea(HibachiDbContext db, ZipCentroids zips, ITravelDistance distance)
{
    /// <summary>
    /// The given station (or, without one, the nearest active station) and the distance to the ZIP
    /// code; null when the ZIP code is unknown.
    /// </summary>
    public async Task<StationMatch?> MatchAsync(string? zip, Guid? stationId, CancellationToken cancellationToken)
    {
        if (!zips.TryFind(zip, out var location))
        {
            return null;
        }

        var stations = await db.Stations.AsNoTracking()
            .Where(s => s.IsActive && (stationId == null || s.Id == stationId))
            .ToListAsync(cancellationToken);
        if (stations.Count == 0)
        {
            return null;
        }

        var nearest = stations
            .Select(s => (Station: s, Miles: GreatCircle.Miles(new GeoPoint(s.BaseLatitude, s.BaseLongitude), location)))
            .OrderBy(candidate => candidate.Miles)
            .First();
        var withinRadius = nearest.Miles <= nearest.Station.ServiceRadiusMiles;
        var miles = withinRadius
            ? await distance.MilesAsync(new GeoPoint(nearest.Station.BaseLatitude, nearest.Station.BaseLongitude), location, cancellationToken)
            : nearest.Miles;
        return new StationMatch(nearest.Station, location, miles, withinRadius);
    }
}
