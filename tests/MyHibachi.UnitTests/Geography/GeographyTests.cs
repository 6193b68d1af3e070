using MyHibachi.Api.Features.Geography;

namespace MyHibachi.UnitTests.Geography;

public sealed class GeographyTests
{
    private static readonly ZipCentroids Zips = ZipCentroids.LoadShipped();

    [Fact]
    public void The_shipped_table_knows_the_country()
    {
        Assert.True(Zips.Count > 30_000);
        Assert.True(Zips.TryFind("30303", out var atlanta));
        Assert.InRange(atlanta.Latitude, 33.7, 33.8);
        Assert.InRange(atlanta.Longitude, -84.4, -84.3);
    }

    [Theory]
    [InlineData("30303", "30303")]
    [InlineData(" 30303-1234 ", "30303")]
    [InlineData("3030", null)]
    [InlineData("30a03", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("' OR 1=1 --", null)]
    public void Zip_codes_are_normalised_or_refused(string? input, string? expected) =>
        Assert.Equal(expected, ZipCentroids.Normalize(input));

    [Fact]
    public void Great_circle_distance_matches_known_city_pairs()
    {
        Zips.TryFind("30303", out var atlanta);
        Zips.TryFind("77002", out var houston);

        // Atlanta to Houston is about 700 miles as the crow flies.
        Assert.InRange(GreatCircle.Miles(atlanta, houston), 680, 720);
        Assert.Equal(0, GreatCircle.Miles(atlanta, atlanta), 6);
        Assert.Equal(GreatCircle.Miles(atlanta, houston), GreatCircle.Miles(houston, atlanta), 6);
    }
}
