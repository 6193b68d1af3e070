using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MyHibachi.Web.Infrastructure;

public static class PageHelpers
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The chat bubble of a message's author: the customer's, a person's from the team, or the assistant's (system notes included).</summary>
    public static string ChatBubble(string author) => author switch
    {
        "customer" => "chat-bubble chat-customer",
        "staff" => "chat-bubble chat-staff",
        _ => "chat-bubble chat-assistant",
    };

    /// <summary>A channel as staff call it.</summary>
    public static string ChannelName(ChatChannel channel) => channel switch
    {
        ChatChannel.Web => "Web chat",
        ChatChannel.Sms => "SMS",
        ChatChannel.WhatsApp => "WhatsApp",
        ChatChannel.Messenger => "Messenger",
        ChatChannel.Instagram => "Instagram",
        ChatChannel.Email => "E-mail",
        ChatChannel.Voice => "Phone",
        ChatChannel.FacebookComment => "Facebook comment",
        _ => "Instagram comment",
    };

    public static string InboxStatusName(InboxStatus status) => status switch
    {
        InboxStatus.Open => "Open",
        InboxStatus.Pending => "Assistant",
        InboxStatus.Snoozed => "Snoozed",
        _ => "Resolved",
    };

    /// <summary>Where an outbound message is, in words (null for messages that are not sent anywhere).</summary>
    public static string? DeliveryName(DeliveryStatus delivery) => delivery switch
    {
        DeliveryStatus.Queued => "Waiting to send",
        DeliveryStatus.Sending => "Sending",
        DeliveryStatus.Sent => "Sent",
        DeliveryStatus.Delivered => "Delivered",
        DeliveryStatus.Read => "Read",
        DeliveryStatus.Failed => "Not delivered",
        _ => null,
    };

    /// <summary>The start of a text, cut at a word and marked with an ellipsis when longer than <paramref name="max"/>.</summary>
    public static string Excerpt(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', max);
        return flat[..(cut > max / 2 ? cut : max)].TrimEnd(',', '.', ';', ':') + "…";
    }

    public static string Money(long cents) => (cents / 100m).ToString("C", Us);

    public static string Date(DateOnly date) => date.ToString("ddd, MMM d, yyyy", Us);

    /// <summary>An instant for staff and customers: UTC, to the minute.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("MMM d, yyyy h:mm tt 'UTC'", Us);

    /// <summary>An instant in a station's zone, as people say it: "Thu, Dec 3 at 6:00 PM ET" (UTC when the zone is unknown).</summary>
    public static string Local(DateTimeOffset at, string timeZone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return Instant(at);
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{local.ToString("ddd, MMM d", Us)} at {local.ToString("h:mm tt", Us)} {Zone(timeZone)}";
    }

    /// <summary>A list's time: "4:22 PM" today, "Dec 2" before, in the zone given.</summary>
    public static string Short(DateTimeOffset at, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        return local.Date == today ? local.ToString("h:mm tt", Us) : local.ToString(local.Year == today.Year ? "MMM d" : "MMM d, yyyy", Us);
    }

    /// <summary>Dollars typed by a person ("125", "125.50", "$1,250.00") as integer cents; null when it is not an amount of whole cents.</summary>
    public static long? Cents(string? dollars)
    {
        var text = dollars?.Trim().TrimStart('$').Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount > 1_000_000)
        {
            return null;
        }

        var cents = amount * 100;
        return cents == decimal.Truncate(cents) ? (long)cents : null;
    }

    /// <summary>Cents as an input value ("125.50").</summary>
    public static string Dollars(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Method(PaymentMethod method) => method switch { PaymentMethod.LoyaltyPoints => "Loyalty points", _ => method.ToString() };

    public static string Time(string hhmm) =>
        TimeOnly.TryParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToString("h:mm tt", Us) : hhmm;

    /// <summary>A station-local time as people say it: "6:00 PM ET".</summary>
    public static string Time(string hhmm, string timeZone) => StationNames.Time(hhmm, timeZone);

    /// <summary>The short name of a station's time zone ("ET").</summary>
    public static string Zone(string timeZone) => StationNames.Zone(timeZone);

    /// <summary>A distance as a person says it: "33 miles from our Atlanta kitchen", "right by our Atlanta kitchen".</summary>
    public static string Distance(double miles, string stationName)
    {
        var kitchen = $"our {StationNames.City(stationName)} kitchen";
        var rounded = (int)Math.Round(miles, MidpointRounding.AwayFromZero);
        return rounded switch
        {
            < 1 => $"right by {kitchen}",
            1 => $"about a mile from {kitchen}",
            _ => $"{rounded} miles from {kitchen}",
        };
    }

    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    /// <summary>Why a lead has not booked, in words.</summary>
    public static string Reason(LeadReason reason) => reason switch
    {
        LeadReason.ValidationFailed => "Stopped at a form error",
        LeadReason.NoAvailability => "No chef free",
        LeadReason.OutOfServiceArea => "Out of service area",
        LeadReason.AbandonedQuote => "Left a quote",
        LeadReason.Inquiry => "Question",
        LeadReason.DepositNotPaid => "Deposit not paid",
        LeadReason.LargeParty => "Large party (custom quote)",
        _ => reason.ToString(),
    };

    /// <summary>Where a lead came from, in words.</summary>
    public static string Source(LeadSource source) => source switch
    {
        LeadSource.Web => "Website",
        LeadSource.Admin => "Staff",
        LeadSource.Sms => "SMS",
        _ => source.ToString(),
    };

    /// <summary>"25", or "1,000+" once the Api stopped counting.</summary>
    public static string TotalText<T>(this PagedList<T> page) =>
        page.TotalCount.ToString("N0", CultureInfo.InvariantCulture) + (page.TotalCountExact ? "" : "+");

    public static string TotalPagesText<T>(this PagedList<T> page) =>
        page.TotalCountExact ? Math.Max(1, page.TotalPages).ToString(CultureInfo.InvariantCulture) : $"{page.TotalPages}+";

    /// <summary>
    /// Puts the Api's field errors next to the matching inputs: "address.zip" → "Input.Address.Zip",
    /// "selections[0].code" → "Input.Selections[0].Code"; the rest (and the title) go to the summary.
    /// </summary>
    public static void AddApiProblem(this ModelStateDictionary modelState, ApiProblem? problem, string prefix = "Input")
    {
        if (problem is null)
        {
            return;
        }

        if (problem.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError(ToModelKey(field, prefix), message);
                }
            }
        }
        else
        {
            modelState.AddModelError(string.Empty, problem.Message);
        }
    }

    public static string ToModelKey(string field, string prefix)
    {
        var key = new StringBuilder(prefix);
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            key.Append(key.Length == 0 ? "" : ".").Append(char.ToUpperInvariant(segment[0])).Append(segment[1..]);
        }

        return key.ToString();
    }

    /// <summary>A query string from the non-empty values.</summary>
    public static string Query(params (string Name, object? Value)[] values) =>
        string.Join('&', values
            .Where(v => v.Value is not null && !(v.Value is string s && string.IsNullOrWhiteSpace(s)))
            .Select(v => $"{v.Name}={Uri.EscapeDataString(Convert.ToString(v.Value, CultureInfo.InvariantCulture)!)}"));
}
