namespace MyHibachi.Api.Infrastructure;

public static class ClockExtensions
{
    /// <summary>
    /// The current UTC instant at PostgreSQL's precision (microseconds), so what a response returns
    /// right after a write equals what a later read returns.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }
}
