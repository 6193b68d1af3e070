using System.Collections.Frozen;
using System.Globalization;

namespace MyHibachi.Api.Features.Geography;

public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// The centre of every US ZIP code, shipped with the Api so travel distances work offline.
/// </summary>
public sealed class ZipCentroids
{
    private readonly FrozenDictionary<string, GeoPoint> _points;

    private ZipCentroids(FrozenDictionary<string, GeoPoint> points) => _points = points;

    public int Count => _points.Count;

    public static ZipCentroids Load(string csvPath)
    {
        var points = new Dictionary<string, GeoPoint>(capacity: 34_000);
        foreach (var line in File.ReadLines(csvPath).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length == 3)
            {
                points[parts[0]] = new GeoPoint(
                    double.Parse(parts[1], CultureInfo.InvariantCulture),
                    double.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }

        return new ZipCentroids(points.ToFrozenDictionary());
    }

    public static ZipCentroids LoadShipped() =>
        Load(Path.Combine(AppContext.BaseDirectory, "Features", "Geography", "us-zip-centroids.csv"));

    /// <summary>Accepts "30301" and "30301-1234".</summary>
    public bool TryFind(string? zip, out GeoPoint point)
    {
        point = default;
        var normalized = Normalize(zip);
        return normalized is not null && _points.TryGetValue(normalized, out point);
    }

    public static string? Normalize(string? zip)
    {
        if (string.IsNullOrWhiteSpace(zip))
        {
            return null;
        }

        var trimmed = zip.Trim();
        var five = trimmed.Length == 10 && trimmed[5] == '-' ? trimmed[..5] : trimmed;
        return five.Length == 5 && five.All(char.IsAsciiDigit) ? five : null;
    }
}

public static class GreatCircle
{
    private const double EarthRadiusMiles = 3958.7613;

    /// <summary>Haversine distance in miles.</summary>
    public static double Miles(GeoPoint from, GeoPoint to)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180.0;
        var dLat = Radians(to.Latitude - from.Latitude);
        var dLon = Radians(to.Longitude - from.Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) +
                Math.Cos(Radians(from.Latitude)) * Math.Cos(Radians(to.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
