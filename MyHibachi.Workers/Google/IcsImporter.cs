using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using MyHibachi.Contracts;

namespace MyHibachi.Workers.Google;

/// <summary>
/// Busy times from an ICS address (a chef's calendar without Google): the file is fetched (at most 5 MB), parsed
/// with Ical.Net and its events (recurring ones expanded) from yesterday to 18 months ahead become busy times.
/// Free (TRANSPARENT) and cancelled events block nothing; our own feed's events are recognised by their UID.
/// </summary>
public sealed class IcsImporter(HttpClient http, TimeProvider clock)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public async Task<IReadOnlyList<CalendarEventItem>> ReadAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new GoogleException($"The ICS address answered {(int)response.StatusCode}.", transient: (int)response.StatusCode is 429 or >= 500);
        }

        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            throw new GoogleException("The ICS file is larger than 5 MB.", transient: false);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var limited = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (limited.Length + read > MaxBytes)
            {
                throw new GoogleException("The ICS file is larger than 5 MB.", transient: false);
            }

            limited.Write(buffer, 0, read);
        }

        limited.Position = 0;
        return Parse(new StreamReader(limited).ReadToEnd(), clock.GetUtcNow());
    }

    public static IReadOnlyList<CalendarEventItem> Parse(string text, DateTimeOffset now)
    {
        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(text);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new GoogleException($"The ICS file could not be read: {exception.Message}", transient: false);
        }

        if (calendar is null)
        {
            throw new GoogleException("The address did not give an ICS calendar.", transient: false);
        }

        var from = now.AddDays(-1).UtcDateTime;
        var to = now.AddDays(550).UtcDateTime;
        var items = new List<CalendarEventItem>();
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(new CalDateTime(from, "UTC", true), null)
                     .TakeWhile(o => o.Period.StartTime.AsUtc < to).Take(20_000))
        {
            var e = (CalendarEvent)occurrence.Source;
            if (e.Uid?.EndsWith("@myhibachi", StringComparison.Ordinal) == true)
            {
                continue; // our own feed, subscribed back
            }

            var start = occurrence.Period.StartTime;
            var end = occurrence.Period.EffectiveEndTime ?? start;
            var id = $"{e.Uid}#{start.AsUtc:yyyyMMdd'T'HHmmss}";
            var free = string.Equals(e.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase);
            var cancelled = string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase);
            items.Add(start.HasTime
                ? new CalendarEventItem(id, new DateTimeOffset(start.AsUtc, TimeSpan.Zero), new DateTimeOffset(end.AsUtc, TimeSpan.Zero), cancelled, free, null)
                : new CalendarEventItem(id, null, null, cancelled, free, null, DateOnly.FromDateTime(start.Value), DateOnly.FromDateTime(end.Value)));
        }

        return items;
    }
}
