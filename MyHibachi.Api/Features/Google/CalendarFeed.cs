using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MyHibachi.Api.Features.Google;

public sealed record CalendarFeedEvent(string Uid, string Summary, string Description, string? Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Confirmed);

/// <summary>A chef's bookings as an iCalendar (RFC 5545) feed, for calendars that subscribe to an address (Google, Apple, Outlook).</summary>
public static class CalendarFeed
{
    public static string Write(string chefName, IReadOnlyList<CalendarFeedEvent> events, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//MyHibachi//Chef bookings//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"MyHibachi: {chefName}");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = e.Uid,
                Summary = e.Summary,
                Description = e.Description,
                Location = e.Location,
                DtStart = new CalDateTime(e.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime(e.EndsAt.UtcDateTime),
                DtStamp = new CalDateTime(now.UtcDateTime),
                Status = e.Confirmed ? EventStatus.Confirmed : EventStatus.Tentative,
                Transparency = TransparencyType.Opaque,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
