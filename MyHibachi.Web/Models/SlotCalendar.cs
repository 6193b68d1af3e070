using System.Globalization;

namespace MyHibachi.Web.Models;

/// <summary>
/// The month calendar a customer (or staff) picks a time from: which days of the month have open
/// times, which are full, which are too soon, and the chosen day's times. Posted back as three
/// fields under one prefix, so it works in any form without JavaScript.
/// </summary>
public sealed class SlotPick
{
    /// <summary>The first day of the month shown.</summary>
    public DateOnly? Month { get; set; }

    /// <summary>The day whose times are shown.</summary>
    public DateOnly? Day { get; set; }

    /// <summary>The chosen start, "yyyy-MM-dd HH:mm" in the station's time.</summary>
    public string? Slot { get; set; }

    public DateOnly? SlotDate => Slot is { Length: >= 10 } && DateOnly.TryParseExact(Slot[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public string? SlotTime => Slot is { Length: 16 } ? Slot[11..] : null;

    /// <summary>
    /// Applies a calendar button ("month:2027-01-01" or "day:2027-01-14"); false when the action is
    /// not the calendar's. Moving to another month keeps the chosen time, which stays valid.
    /// </summary>
    public bool Apply(string? action)
    {
        var colon = action?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon < 0)
        {
            return false;
        }

        if (!DateOnly.TryParseExact(action![(colon + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        switch (action[..colon])
        {
            case "month":
                Month = new DateOnly(date.Year, date.Month, 1);
                Day = null;
                return true;
            case "day":
                Month = new DateOnly(date.Year, date.Month, 1);
                Day = date;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>What the calendar partial draws.</summary>
/// <param name="Prefix">The form name of the <see cref="SlotPick"/> ("Wizard.Pick").</param>
/// <param name="Earliest">The first day that can be booked (the station's notice).</param>
/// <param name="Days">Every loaded day of the month, with its open times (empty: full).</param>
/// <param name="Zone">The station's time zone, for "6:00 PM ET".</param>
public sealed record SlotCalendarView(
    string Prefix, SlotPick Pick, DateOnly Month, DateOnly Earliest, DateOnly Latest,
    IReadOnlyDictionary<DateOnly, IReadOnlyList<SlotDto>> Days, string Zone, string? Error)
{
    /// <summary>Whether each time says how many chefs are free (not when a booking moves with its own chef).</summary>
    public bool ShowChefCounts { get; init; } = true;

    /// <summary>How far ahead the calendar goes.</summary>
    public const int MonthsAhead = 12;

    public DateOnly? Day => Pick.Day is { } day && day.Year == Month.Year && day.Month == Month.Month ? day : null;

    public IReadOnlyList<SlotDto> DayTimes => Day is { } day && Days.TryGetValue(day, out var slots) ? slots : [];

    public bool HasPrevious => Month > new DateOnly(Earliest.Year, Earliest.Month, 1);

    public bool HasNext => Month.AddMonths(1) <= Latest;

    /// <summary>The weeks of the month, Sunday first; days of the neighbouring months are null.</summary>
    public IEnumerable<DateOnly?[]> Weeks()
    {
        var first = Month;
        var cursor = first.AddDays(-(int)first.DayOfWeek);
        while (cursor <= first.AddMonths(1).AddDays(-1))
        {
            var week = new DateOnly?[7];
            for (var i = 0; i < 7; i++, cursor = cursor.AddDays(1))
            {
                week[i] = cursor.Month == first.Month ? cursor : null;
            }

            yield return week;
        }
    }

    public DayState StateOf(DateOnly date) =>
        date < Earliest ? DayState.TooSoon
        : Days.TryGetValue(date, out var slots) ? (slots.Count > 0 ? DayState.Open : ClosedDays.Contains(date) ? DayState.Closed : DayState.Full)
        : DayState.Unknown;

    /// <summary>Days no chef works at all (not bookable, but not "full" either).</summary>
    public IReadOnlySet<DateOnly> ClosedDays { get; init; } = new HashSet<DateOnly>();

    public enum DayState
    {
        TooSoon,
        Open,
        Full,
        Closed,
        Unknown,
    }

    /// <summary>
    /// Loads the month shown (the chosen slot's, else the earliest bookable) and picks its first open
    /// day when none is chosen, so a customer sees times at once.
    /// </summary>
    public static Task<SlotCalendarView?> LoadAsync(
        CatalogClient catalog, StationDto station, string prefix, SlotPick pick, int guests, DateOnly earliest, string? error, CancellationToken cancellationToken) =>
        LoadAsync(query => catalog.SlotsAsync(station.Id, query, cancellationToken), station, prefix, pick, guests, earliest, error);

    /// <summary>The same, with the open times from <paramref name="slots"/> (a booking's own, when it moves).</summary>
    public static async Task<SlotCalendarView?> LoadAsync(
        Func<SlotsQuery, Task<ApiResult<StationSlotsDto>>> slots, StationDto station, string prefix, SlotPick pick, int guests, DateOnly earliest, string? error)
    {
        var latest = new DateOnly(earliest.Year, earliest.Month, 1).AddMonths(MonthsAhead);
        var month = pick.Month ?? pick.Day ?? pick.SlotDate ?? earliest;
        month = new DateOnly(month.Year, month.Month, 1);
        var earliestMonth = new DateOnly(earliest.Year, earliest.Month, 1);
        month = month < earliestMonth ? earliestMonth : month > latest ? latest : month;
        pick.Month = month;
        var from = month < earliest ? earliest : month;
        var to = month.AddMonths(1).AddDays(-1);
        if ((await slots(new SlotsQuery(from, to, Math.Clamp(guests, 1, 200)))).Value is not { } loaded)
        {
            return null;
        }

        var days = loaded.Days.ToDictionary(d => d.Date, d => d.Slots);
        if (pick.Day is null || pick.Day.Value.Month != month.Month || pick.Day.Value.Year != month.Year)
        {
            pick.Day = pick.SlotDate is { } chosen && chosen.Month == month.Month && chosen.Year == month.Year
                ? chosen
                : days.Where(d => d.Value.Count > 0).Select(d => (DateOnly?)d.Key).Order().FirstOrDefault();
        }

        return new SlotCalendarView(prefix, pick, month, earliest, latest, days, station.TimeZone, error)
        {
            ClosedDays = loaded.Days.Where(d => d.Closed).Select(d => d.Date).ToHashSet(),
        };
    }
}
