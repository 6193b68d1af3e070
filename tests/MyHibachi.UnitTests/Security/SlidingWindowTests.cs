using MyHibachi.Api.Infrastructure.Security;

namespace MyHibachi.UnitTests.Security;

public sealed class SlidingWindowTests
{
    [Fact]
    public void A_burst_split_by_a_minute_boundary_counts_as_one_burst()
    {
        // 16 requests in the last second of one minute, 16 in the first second of the next: a fixed
        // window would see 16 and 16; the sliding estimate sees 31 or more.
        Assert.True(SlidingWindow.Estimate(previous: 16, current: 16, elapsedFraction: 1 / 60d) > 30);
    }

    [Theory]
    [InlineData(30, 0, 0.5, 15)]
    [InlineData(30, 5, 0.0, 35)]
    [InlineData(30, 5, 1.0, 5)]
    [InlineData(0, 12, 0.3, 12)]
    public void The_previous_minute_weighs_by_the_part_still_inside_the_last_sixty_seconds(long previous, long current, double elapsed, long expected)
    {
        Assert.Equal(expected, SlidingWindow.Estimate(previous, current, elapsed));
    }

    [Fact]
    public void Retry_after_is_when_the_estimate_falls_back_to_the_limit()
    {
        // 60 last minute, 0 now, 10 % in, limit 30: the estimate is 54; it is 30 when half the minute is gone.
        Assert.Equal(24, SlidingWindow.RetryAfterSeconds(previous: 60, current: 0, elapsedFraction: 0.1, limit: 30));
        // Over the limit within this minute alone: only the next minute helps.
        Assert.Equal(45, SlidingWindow.RetryAfterSeconds(previous: 0, current: 31, elapsedFraction: 0.25, limit: 30));
        Assert.InRange(SlidingWindow.RetryAfterSeconds(previous: 1, current: 29, elapsedFraction: 0.999, limit: 30), 1, 60);
    }
}
