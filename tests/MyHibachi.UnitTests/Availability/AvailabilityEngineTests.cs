using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;

namespace MyHibachi.UnitTests.Availability;

public sealed class AvailabilityEngineTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Saturday 2026-12-12.
    private static readonly DateOnly Saturday = new(2026, 12, 12);

    private static readonly DateTimeOffset LongAgo = DateTimeOffset.MinValue;

    private static ChefSchedule Chef(
        IEnumerable<ChefWorkingHours>? hours = null, IEnumerable<ChefDateOverride>? overrides = null, IEnumerable<ChefTimeOff>? timeOff = null,
        IEnumerable<BusyBlock>? bookings = null, int maxPerDay = 2, int before = 60, int after = 45) =>
        new(Guid.NewGuid(), before, after, maxPerDay,
            (hours ?? [new ChefWorkingHours { DayOfWeek = DayOfWeek.Saturday, StartTime = new(11, 0), EndTime = new(22, 0) }]).ToList(),
            (overrides ?? []).ToList(), (timeOff ?? []).ToList(), (bookings ?? []).ToList());

    private static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => AvailabilityEngine.ToInstant(date, new TimeOnly(hour, minute), NewYork)!.Value;

    [Fact]
    public void Open_starts_fill_the_working_window_on_the_half_hour()
    {
        var starts = AvailabilityEngine.OpenStarts(Chef(), NewYork, Saturday, Saturday, 120, LongAgo);

        Assert.Equal(At(Saturday, 11), starts[0]);
        Assert.Equal(At(Saturday, 20), starts[^1]); // 20:00 + 2 h = 22:00, the end of the window
        Assert.Equal(19, starts.Count);
    }

    [Fact]
    public void No_starts_on_a_day_without_working_hours()
    {
        Assert.Empty(AvailabilityEngine.OpenStarts(Chef(), NewYork, Saturday.AddDays(1), Saturday.AddDays(1), 120, LongAgo));
    }

    [Fact]
    public void A_date_override_replaces_the_weekly_hours()
    {
        var dayOff = Chef(overrides: [new ChefDateOverride { Date = Saturday, IsWorking = false }]);
        var shortDay = Chef(overrides: [new ChefDateOverride { Date = Saturday, IsWorking = true, StartTime = new(16, 0), EndTime = new(19, 0) }]);

        Assert.Empty(AvailabilityEngine.OpenStarts(dayOff, NewYork, Saturday, Saturday, 120, LongAgo));
        Assert.Equal([At(Saturday, 16), At(Saturday, 16, 30), At(Saturday, 17)],
            AvailabilityEngine.OpenStarts(shortDay, NewYork, Saturday, Saturday, 120, LongAgo));
    }

    [Fact]
    public void Time_off_blocks_every_start_whose_block_touches_it()
    {
        var chef = Chef(timeOff: [new ChefTimeOff { StartsAt = At(Saturday, 15), EndsAt = At(Saturday, 16) }]);

        // A 13:00 start holds the chef 12:00–15:45 (buffers 60/45): it overlaps 15:00–16:00.
        Assert.NotNull(AvailabilityEngine.WhyUnavailable(chef, NewYork, At(Saturday, 13), 120, LongAgo));
        // 12:00 start: block 11:00–14:45, clear.
        Assert.Null(AvailabilityEngine.WhyUnavailable(chef, NewYork, At(Saturday, 12), 120, LongAgo));
        // 17:00 start: block 16:00–19:45 touches the end of the time off only at its edge.
        Assert.Null(AvailabilityEngine.WhyUnavailable(chef, NewYork, At(Saturday, 17), 120, LongAgo));
    }

    [Fact]
    public void Buffers_keep_travel_time_clear_around_other_bookings()
    {
        var existing = new BusyBlock(At(Saturday, 17), At(Saturday, 19, 45), Saturday, "MH-AAAAAA"); // an 18:00 event with buffers
        var chef = Chef(bookings: [existing]);

        var why = AvailabilityEngine.WhyUnavailable(chef, NewYork, At(Saturday, 15), 120, LongAgo);
        Assert.Contains("MH-AAAAAA", why); // 15:00 holds 14:00–17:45, into the other block
        Assert.Null(AvailabilityEngine.WhyUnavailable(chef, NewYork, At(Saturday, 14), 120, LongAgo)); // 13:00–16:45
        Assert.Null(AvailabilityEngine.WhyUnavailable(chef, NewYork, At(Saturday, 20, 45), 60, LongAgo)); // 19:45–22:30
    }

    [Fact]
    public void The_daily_cap_counts_events_on_the_local_day()
    {
        var chef = Chef(maxPerDay: 1, bookings: [new BusyBlock(At(Saturday, 10), At(Saturday, 13), Saturday)]);

        Assert.Contains("1 event", AvailabilityEngine.WhyUnavailable(chef, NewYork, At(Saturday, 18), 120, LongAgo));
    }

    [Fact]
    public void Minimum_notice_hides_starts_too_close_to_now()
    {
        var earliest = At(Saturday, 17);

        var starts = AvailabilityEngine.OpenStarts(Chef(), NewYork, Saturday, Saturday, 120, earliest);

        Assert.Equal(At(Saturday, 17), starts[0]);
    }

    [Fact]
    public void An_event_must_end_inside_the_working_window()
    {
        Assert.NotNull(AvailabilityEngine.WhyUnavailable(Chef(), NewYork, At(Saturday, 21), 120, LongAgo));
        Assert.NotNull(AvailabilityEngine.WhyUnavailable(Chef(), NewYork, At(Saturday, 10, 30), 120, LongAgo));
    }

    [Fact]
    public void Wall_clock_times_in_the_spring_forward_gap_do_not_exist()
    {
        // 2027-03-14 02:30 does not happen in New York.
        Assert.Null(AvailabilityEngine.ToInstant(new DateOnly(2027, 3, 14), new TimeOnly(2, 30), NewYork));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), AvailabilityEngine.ToInstant(new DateOnly(2027, 3, 14), new TimeOnly(3, 0), NewYork));
    }

    [Fact]
    public void The_repeated_autumn_hour_takes_its_first_occurrence()
    {
        // 2026-11-01 01:30 happens twice; the first is EDT (UTC-4).
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), AvailabilityEngine.ToInstant(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));
    }

    [Theory]
    [InlineData(1, 120)]
    [InlineData(15, 120)]
    [InlineData(16, 150)]
    [InlineData(30, 150)]
    [InlineData(31, 180)]
    public void Bigger_parties_take_longer(int guests, int minutes) =>
        Assert.Equal(minutes, AvailabilityEngine.EventDurationMinutes(guests));
}
