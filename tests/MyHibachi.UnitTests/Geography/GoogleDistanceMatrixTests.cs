using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MyHibachi.Api.Features.Geography;
using MyHibachi.TestSupport;

namespace MyHibachi.UnitTests.Geography;

/// <summary>The Distance Matrix client against a local server answering in Google's wire format.</summary>
public sealed class GoogleDistanceMatrixTests
{
    private static readonly GeoPoint Atlanta = new(33.7525, -84.3915);
    private static readonly GeoPoint Athens = new(33.9519, -83.3576);

    private static async Task<(LocalProviderServer Server, GoogleDistanceMatrix Client)> StartAsync(Func<HttpContext, IResult> answer)
    {
        var server = await LocalProviderServer.StartAsync(app => app.MapGet("/maps/api/distancematrix/json", answer));
        var options = Options.Create(new TravelOptions { Provider = "google", GoogleApiKey = "test-key", GoogleBaseUrl = server.Address.ToString() });
        return (server, new GoogleDistanceMatrix(new HttpClient { BaseAddress = server.Address }, options, NullLogger<GoogleDistanceMatrix>.Instance));
    }

    [Fact]
    public async Task Driving_distance_is_read_in_meters_and_returned_in_miles()
    {
        var (server, client) = await StartAsync(context => Results.Text($$"""
            {"destination_addresses":["Athens, GA, USA"],"origin_addresses":["Atlanta, GA, USA"],
             "rows":[{"elements":[{"distance":{"text":"72.1 mi","value":116031},"duration":{"text":"1 hour 15 mins","value":4500},"status":"OK"}]}],
             "status":"OK"}
            """, "application/json"));
        await using var _ = server;

        var miles = await client.MilesAsync(Atlanta, new GeoPoint(33.95, -83.36), CancellationToken.None);

        Assert.Equal(116031 / 1609.344, miles, 3);
        var request = Assert.Single(server.Requests);
        Assert.Contains("key=test-key", request.Query);
        Assert.Contains("units=imperial", request.Query);
        Assert.Contains($"origins={Atlanta.Latitude.ToString(CultureInfo.InvariantCulture)},{Atlanta.Longitude.ToString(CultureInfo.InvariantCulture)}", request.Query);
    }

    [Fact]
    public async Task A_refusal_from_google_falls_back_to_the_straight_line()
    {
        var (server, client) = await StartAsync(_ => Results.Text("""{"error_message":"The provided API key is invalid.","rows":[],"status":"REQUEST_DENIED"}""", "application/json"));
        await using var _ = server;

        var miles = await client.MilesAsync(Atlanta, Athens, CancellationToken.None);

        Assert.Equal(GreatCircle.Miles(Atlanta, Athens), miles, 6);
    }

    [Fact]
    public async Task A_server_error_falls_back_to_the_straight_line()
    {
        var (server, client) = await StartAsync(_ => Results.StatusCode(500));
        await using var _ = server;

        Assert.Equal(GreatCircle.Miles(Atlanta, new GeoPoint(34.0, -84.0)), await client.MilesAsync(Atlanta, new GeoPoint(34.0, -84.0), CancellationToken.None), 6);
    }
}
