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
    IReadOnlyList<BusyBlock> Bookings);

/// <summary>
/// When a chef can start an event: inside their working hours for that local day (weekly hours or
/// that date's override), not during time off, with their travel and set-up buffers clear of every
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
        if (!endsSameDay || !windows.Any(w => w.Start <= startTime && endTime <= w.End && startTime < endTime))
        {
            return "The chef does not work at that time.";
        }

        var (blockFrom, blockTo) = ChefBlock(chef, start, durationMinutes);
        if (chef.TimeOff.Any(t => t.StartsAt < blockTo && blockFrom < t.EndsAt))
        {
            return "The chef is on time off then.";
        }

        var clash = chef.Bookings.FirstOrDefault(b => b.From < blockTo && blockFrom < b.To);
        if (clash is not null)
        {
            return clash.Reference is null ? "The chef has another event then." : $"The chef has another event then ({clash.Reference}).";
        }

        if (chef.Bookings.Count(b => b.LocalDate == localDate) >= chef.MaxEventsPerDay)
        {
            return $"The chef already has {chef.MaxEventsPerDay} event(s) that day.";
        }

        return null;
    }

    /// <summary>Every start time, on the half hour, at which the chef can take an event between two local dates.</summary>
    public static IReadOnlyList<DateTimeOffset> OpenStarts(
        ChefSchedule chef, TimeZoneInfo zone, DateOnly from, DateOnly to, int durationMinutes, DateTimeOffset earliestStart)
    {
        var starts = new List<DateTimeOffset>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            foreach (var (windowStart, windowEnd) in WorkingWindows(chef, date))
            {
                var first = (MinuteOfDay(windowStart) + SlotStepMinutes - 1) / SlotStepMinutes * SlotStepMinutes;
                for (var minute = first; minute + durationMinutes <= MinuteOfDay(windowEnd); minute += SlotStepMinutes)
                {
                    var time = new TimeOnly(minute / 60, minute % 60);
                    if (ToInstant(date, time, zone) is { } start && WhyUnavailable(chef, zone, start, durationMinutes, earliestStart) is null)
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
}
