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

    /// <summary>
    /// OpenStarts shares work across a day for speed; what it returns must be exactly the half-hour
    /// starts inside the working windows that WhyUnavailable accepts, clock changes included.
    /// </summary>
    [Theory]
    [InlineData("America/New_York", 1)]
    [InlineData("America/Chicago", 2)]
    [InlineData("America/Phoenix", 3)]
    [InlineData("America/Los_Angeles", 4)]
    public void Open_starts_are_exactly_the_starts_the_single_check_accepts(string zoneId, int seed)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var random = new Random(seed);
        // Around both 2026 clock changes (8 March, 1 November) and an ordinary month.
        foreach (var from in new[] { new DateOnly(2026, 3, 5), new DateOnly(2026, 10, 29), new DateOnly(2026, 6, 10) })
        {
            for (var round = 0; round < 20; round++)
            {
                var to = from.AddDays(6);
                var chef = RandomChef(random, zone, from, to);
                var duration = new[] { 60, 120, 150, 180 }[random.Next(4)];
                var earliest = round % 3 == 0 ? At(from.AddDays(2), 9).ToOffset(TimeSpan.Zero) : LongAgo;

                var expected = new List<DateTimeOffset>();
                for (var date = from; date <= to; date = date.AddDays(1))
                {
                    foreach (var (start, end) in AvailabilityEngine.WorkingWindows(chef, date))
                    {
                        var first = (start.Hour * 60 + start.Minute + 29) / 30 * 30;
                        for (var minute = first; minute + duration <= end.Hour * 60 + end.Minute; minute += 30)
                        {
                            if (AvailabilityEngine.ToInstant(date, new TimeOnly(minute / 60, minute % 60), zone) is { } instant
                                && AvailabilityEngine.WhyUnavailable(chef, zone, instant, duration, earliest) is null)
                            {
                                expected.Add(instant);
                            }
                        }
                    }
                }

                Assert.Equal(expected.Distinct().Order(), AvailabilityEngine.OpenStarts(chef, zone, from, to, duration, earliest));
            }
        }
    }

    private static ChefSchedule RandomChef(Random random, TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        var hours = Enum.GetValues<DayOfWeek>().Where(_ => random.Next(5) > 0).Select(day =>
        {
            var start = random.Next(0, 30);
            var end = Math.Min(47, start + random.Next(4, 40));
            return new ChefWorkingHours { DayOfWeek = day, StartTime = new TimeOnly(start / 2, start % 2 * 30), EndTime = end == 47 ? new TimeOnly(23, 59) : new TimeOnly(end / 2, end % 2 * 30) };
        }).ToList();
        var overrides = new List<ChefDateOverride>();
        var timeOff = new List<ChefTimeOff>();
        var bookings = new List<BusyBlock>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (random.Next(6) == 0)
            {
                overrides.Add(random.Next(2) == 0
                    ? new ChefDateOverride { Date = date, IsWorking = false }
                    : new ChefDateOverride { Date = date, IsWorking = true, StartTime = new TimeOnly(0, 0), EndTime = new TimeOnly(23, 59) });
            }

            var local = date.ToDateTime(new TimeOnly(random.Next(0, 20), 0));
            var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (random.Next(4) == 0)
            {
                timeOff.Add(new ChefTimeOff { StartsAt = instant, EndsAt = instant.AddHours(random.Next(1, 5)) });
            }

            for (var i = random.Next(3); i > 0; i--)
            {
                var busyFrom = instant.AddMinutes(random.Next(0, 16) * 45);
                bookings.Add(new BusyBlock(busyFrom, busyFrom.AddMinutes(random.Next(2, 6) * 60), AvailabilityEngine.LocalDate(busyFrom.AddMinutes(60), zone)));
            }
        }

        return new ChefSchedule(Guid.NewGuid(), random.Next(0, 4) * 15, random.Next(0, 4) * 15, random.Next(1, 4), hours, overrides, timeOff, bookings);
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
