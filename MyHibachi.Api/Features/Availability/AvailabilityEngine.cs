using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Features.Availability;

/// <summary>A span of time a chef is already committed, with the local day it counts against.</summary>
public sealed record BusyBlock(DateTimeOffset From, DateTimeOffset To, DateOnly LocalDate, string? Reference = null);

/// <summary>Everything that decides when one chef can take an event.</summary>
public sealed record ChefSchedule(
    Guid ChefId,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int MaxEventsPerDay,
    IReadOnlyList<ChefWorkingHours> WeeklyHours,
    IReadOnlyList<ChefDateOverride> DateOverrides,
    IReadOnlyList<ChefTimeOff> TimeOff,
    IReadOnlyList<BusyBlock> Bookings,
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)>? CalendarBusy = null);

/// <summary>
/// When a chef can start an event: inside their working hours for that local day (weekly hours or
/// that date's override), not during time off or a busy time on their own calendar, with their travel and set-up buffers clear of every
/// other booking, under their daily cap, and no sooner than the station's minimum notice.
/// </summary>
public static class AvailabilityEngine
{
    public const int SlotStepMinutes = 30;

    /// <summary>How long the chef cooks for a party of this size.</summary>
    public static int EventDurationMinutes(int guests) => guests switch
    {
        <= 15 => 120,
        <= 30 => 150,
        _ => 180,
    };

    public static (DateTimeOffset From, DateTimeOffset To) ChefBlock(ChefSchedule chef, DateTimeOffset start, int durationMinutes) =>
        (start.AddMinutes(-chef.BufferBeforeMinutes), start.AddMinutes(durationMinutes + chef.BufferAfterMinutes));

    /// <summary>Why the chef cannot start an event at <paramref name="start"/>, or null when they can.</summary>
    public static string? WhyUnavailable(ChefSchedule chef, TimeZoneInfo zone, DateTimeOffset start, int durationMinutes, DateTimeOffset earliestStart)
    {
        if (start < earliestStart)
        {
            return "It is too close to the event: the station needs more notice.";
        }

        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localDate = DateOnly.FromDateTime(localStart.DateTime);
        var end = start.AddMinutes(durationMinutes);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        var windows = WorkingWindows(chef, localDate);
        var startTime = TimeOnly.FromDateTime(localStart.DateTime);
        var endsSameDay = DateOnly.FromDateTime(localEnd.DateTime) == localDate;
        var endTime = TimeOnly.FromDateTime(localEnd.DateTime);
        if (!endsSameDay || !FitsWindows(windows, startTime, endTime))
        {
            return "The chef does not work at that time.";
        }

        var (blockFrom, blockTo) = ChefBlock(chef, start, durationMinutes);
        if (OnTimeOff(chef, blockFrom, blockTo))
        {
            return "The chef is on time off then.";
        }

        if (OnCalendarBusy(chef, blockFrom, blockTo))
        {
            return "The chef is busy on their own calendar then.";
        }

        if (BookingWithin(chef, blockFrom, blockTo) is { } clash)
        {
            return clash.Reference is null ? "The chef has another event then." : $"The chef has another event then ({clash.Reference}).";
        }

        if (EventsOn(chef, localDate) >= chef.MaxEventsPerDay)
        {
            return $"The chef already has {chef.MaxEventsPerDay} event(s) that day.";
        }

        return null;
    }

    /// <summary>
    /// Every start time, on the half hour, at which the chef can take an event between two local
    /// dates: the starts for which <see cref="WhyUnavailable"/> has no objection. The rules are the
    /// same; the work per day is shared (windows, the daily cap, the zone's offset on days without a
    /// clock change), because the booking wizard asks this for every chef of a station at once.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> OpenStarts(
        ChefSchedule chef, TimeZoneInfo zone, DateOnly from, DateOnly to, int durationMinutes, DateTimeOffset earliestStart)
    {
        var starts = new List<DateTimeOffset>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var windows = WorkingWindows(chef, date);
            if (windows.Count == 0 || EventsOn(chef, date) >= chef.MaxEventsPerDay)
            {
                continue;
            }

            // One offset for the whole day unless the clocks change that day (then ask per start).
            var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            var offset = zone.GetUtcOffset(midnight);
            var steadyDay = offset == zone.GetUtcOffset(midnight.AddDays(1)) && !zone.IsAmbiguousTime(midnight) && !zone.IsInvalidTime(midnight);
            foreach (var (windowStart, windowEnd) in windows)
            {
                var first = (MinuteOfDay(windowStart) + SlotStepMinutes - 1) / SlotStepMinutes * SlotStepMinutes;
                for (var minute = first; minute + durationMinutes <= MinuteOfDay(windowEnd); minute += SlotStepMinutes)
                {
                    var time = new TimeOnly(minute / 60, minute % 60);
                    DateTimeOffset start;
                    TimeOnly endTime;
                    if (steadyDay)
                    {
                        start = new DateTimeOffset(midnight.AddMinutes(minute), offset).ToUniversalTime();
                        if (minute + durationMinutes >= 24 * 60)
                        {
                            continue; // ends after midnight
                        }

                        endTime = time.AddMinutes(durationMinutes);
                    }
                    else
                    {
                        if (ToInstant(date, time, zone) is not { } instant)
                        {
                            continue;
                        }

                        start = instant;
                        var localEnd = TimeZoneInfo.ConvertTime(start.AddMinutes(durationMinutes), zone);
                        if (DateOnly.FromDateTime(localEnd.DateTime) != date)
                        {
                            continue;
                        }

                        endTime = TimeOnly.FromDateTime(localEnd.DateTime);
                    }

                    if (start >= earliestStart && FitsWindows(windows, time, endTime) && IsClear(chef, start, durationMinutes))
                    {
                        starts.Add(start);
                    }
                }
            }
        }

        return starts.Distinct().Order().ToList();
    }

    /// <summary>The chef's working windows on a local date: that date's override if any, else the weekly hours.</summary>
    public static IReadOnlyList<(TimeOnly Start, TimeOnly End)> WorkingWindows(ChefSchedule chef, DateOnly localDate)
    {
        var dateOverride = chef.DateOverrides.FirstOrDefault(o => o.Date == localDate);
        if (dateOverride is not null)
        {
            return dateOverride is { IsWorking: true, StartTime: { } start, EndTime: { } end } ? [(start, end)] : [];
        }

        return chef.WeeklyHours
            .Where(h => h.DayOfWeek == localDate.DayOfWeek)
            .Select(h => (h.StartTime, h.EndTime))
            .OrderBy(w => w.StartTime)
            .ToList();
    }

    /// <summary>A local wall-clock time as an instant; null when it does not exist (the spring-forward gap).</summary>
    public static DateTimeOffset? ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        // In the repeated autumn hour, take the first (daylight) occurrence.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static int MinuteOfDay(TimeOnly time) => time.Hour * 60 + time.Minute;

    private static bool FitsWindows(IReadOnlyList<(TimeOnly Start, TimeOnly End)> windows, TimeOnly start, TimeOnly end)
    {
        foreach (var window in windows)
        {
            if (window.Start <= start && end <= window.End && start < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No time off, no calendar busy time and no other booking inside the chef's block (the event with its buffers).</summary>
    private static bool IsClear(ChefSchedule chef, DateTimeOffset start, int durationMinutes)
    {
        var (blockFrom, blockTo) = ChefBlock(chef, start, durationMinutes);
        return !OnTimeOff(chef, blockFrom, blockTo) && !OnCalendarBusy(chef, blockFrom, blockTo) && BookingWithin(chef, blockFrom, blockTo) is null;
    }

    private static bool OnCalendarBusy(ChefSchedule chef, DateTimeOffset blockFrom, DateTimeOffset blockTo)
    {
        foreach (var (from, to) in chef.CalendarBusy ?? [])
        {
            if (from < blockTo && blockFrom < to)
            {
                return true;
            }
        }

        return false;
    }

    private static bool OnTimeOff(ChefSchedule chef, DateTimeOffset blockFrom, DateTimeOffset blockTo)
    {
        foreach (var timeOff in chef.TimeOff)
        {
            if (timeOff.StartsAt < blockTo && blockFrom < timeOff.EndsAt)
            {
                return true;
            }
        }

        return false;
    }

    private static BusyBlock? BookingWithin(ChefSchedule chef, DateTimeOffset blockFrom, DateTimeOffset blockTo)
    {
        foreach (var booking in chef.Bookings)
        {
            if (booking.From < blockTo && blockFrom < booking.To)
            {
                return booking;
            }
        }

        return null;
    }

    /// <summary>How many of the chef's bookings fall on a local date (the daily cap counts them).</summary>
    public static int EventsOn(ChefSchedule chef, DateOnly localDate)
    {
        var count = 0;
        foreach (var booking in chef.Bookings)
        {
            if (booking.LocalDate == localDate)
            {
                count++;
            }
        }

        return count;
    }
}
