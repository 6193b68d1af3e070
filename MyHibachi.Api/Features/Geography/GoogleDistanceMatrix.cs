using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MyHibachi.Api.Features.Geography;

public sealed class TravelOptions
{
    public const string Section = "Travel";

    /// <summary>"great-circle" (default, offline) or "google" (driving distance from the Distance Matrix API).</summary>
    [RegularExpression("^(great-circle|google)$")]
    public string Provider { get; set; } = "great-circle";

    public string? GoogleApiKey { get; set; }

    [Url]
    public string GoogleBaseUrl { get; set; } = "https://maps.googleapis.com";

    public bool UsesGoogle => Provider == "google" && !string.IsNullOrWhiteSpace(GoogleApiKey);
}

/// <summary>
/// Driving distance from Google's Distance Matrix API. Answers are cached per pair of points; when
/// Google cannot answer, the great-circle distance stands in, so quoting never stops.
/// </summary>
public sealed class GoogleDistanceMatrix(HttpClient http, IOptions<TravelOptions> options, ILogger<GoogleDistanceMatrix> logger) : ITravelDistance
{
    private const double MetersPerMile = 1609.344;

    private static readonly ConcurrentDictionary<(GeoPoint, GeoPoint), double> Cache = new();

    public string Method => "driving";

    public async Task<double> MilesAsync(GeoPoint from, GeoPoint to, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue((from, to), out var cached))
        {
            return cached;
        }

        var query = string.Create(CultureInfo.InvariantCulture,
            $"/maps/api/distancematrix/json?origins={from.Latitude:0.######},{from.Longitude:0.######}&destinations={to.Latitude:0.######},{to.Longitude:0.######}&units=imperial&key={Uri.EscapeDataString(options.Value.GoogleApiKey!)}");
        try
        {
            using var response = await http.GetAsync(query, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = body.RootElement;
            var element = root.GetProperty("rows")[0].GetProperty("elements")[0];
            if (root.GetProperty("status").GetString() != "OK" || element.GetProperty("status").GetString() != "OK")
            {
                throw new InvalidOperationException($"Distance Matrix status {root.GetProperty("status").GetString()}/{element.GetProperty("status").GetString()}");
            }

            var miles = element.GetProperty("distance").GetProperty("value").GetDouble() / MetersPerMile;
            Cache[(from, to)] = miles;
            return miles;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or TaskCanceledException)
        {
            logger.LogWarning("Driving distance unavailable ({Error}); using the straight-line distance.", exception.Message);
            return GreatCircle.Miles(from, to);
        }
    }
}
