using System.Collections.Frozen;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Chefs;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Bookings;

/// <summary>Field checks shared by booking creation, quote conversion and booking changes.</summary>
public static class BookingInput
{
    private static readonly FrozenSet<string> States = FrozenSet.ToFrozenSet(
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
    ], StringComparer.OrdinalIgnoreCase);

    public static void Contact(ContactRequest? contact, ValidationErrors errors, string prefix = "customer")
    {
        if (contact is null)
        {
            errors.Add(prefix, "Tell us who to contact about the event.");
            return;
        }

        errors.Required($"{prefix}.firstName", contact.FirstName, 100, "First name");
        errors.Required($"{prefix}.lastName", contact.LastName, 100, "Last name");
        errors.Email($"{prefix}.email", contact.Email);
        errors.Phone($"{prefix}.phone", contact.Phone);
    }

    public static void Address(AddressDto? address, ValidationErrors errors)
    {
        if (address is null)
        {
            errors.Add("address", "Where is the event? Give the street address.");
            return;
        }

        errors.Required("address.line1", address.Line1, 200, "Street address");
        errors.MaxLength("address.line2", address.Line2, 200);
        errors.Required("address.city", address.City, 100, "City");
        if (errors.Required("address.state", address.State, 2, "State") && !States.Contains(address.State!.Trim()))
        {
            errors.Add("address.state", "Use the two-letter state code, e.g. GA.");
        }

        if (ZipCentroids.Normalize(address.Zip) is null)
        {
            errors.Add("address.zip", "Enter a 5-digit ZIP code.");
        }
    }

    /// <summary>Copies a normalised address onto the booking.</summary>
    public static void ApplyAddress(Booking booking, PostalAddress address)
    {
        booking.AddressLine1 = address.Line1;
        booking.AddressLine2 = address.Line2;
        booking.City = address.City;
        booking.State = address.State;
        booking.Zip = address.Zip;
    }

    /// <summary>Holds the chef for the booking's whole block (travel and set-up buffers included).</summary>
    public static void HoldChef(Booking booking, ChefSchedule chef)
    {
        var (from, to) = AvailabilityEngine.ChefBlock(chef, booking.StartsAt, booking.DurationMinutes);
        booking.ChefId = chef.ChefId;
        booking.ChefBusyFrom = from;
        booking.ChefBusyTo = to;
    }

    public static TimeOnly? StartTime(string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("startTime", "Choose a start time.");
            return null;
        }

        if (!ChefService.TryParseTime(text, out var time))
        {
            errors.Add("startTime", "Use a 24-hour time like 17:30.");
            return null;
        }

        if (time.Minute is not (0 or 30) || time.Second != 0)
        {
            errors.Add("startTime", "Events start on the hour or the half hour.");
            return null;
        }

        return time;
    }

    public static void Notes(string? dietaryNotes, string? specialRequests, ValidationErrors errors)
    {
        errors.MaxLength("dietaryNotes", dietaryNotes, 2000);
        errors.MaxLength("specialRequests", specialRequests, 2000);
    }

    public static IReadOnlyList<MenuSelection> Selections(IReadOnlyList<SelectionDto?>? selections, ValidationErrors errors)
    {
        if (selections is null)
        {
            return [];
        }

        if (selections.Count > 40)
        {
            errors.Add("selections", "At most 40 menu lines.");
            return [];
        }

        var valid = new List<MenuSelection>();
        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is { } selection)
            {
                valid.Add(new MenuSelection(selection.Code, selection.Quantity));
            }
            else
            {
                errors.Add($"selections[{i}]", "Each line needs a code and a quantity.");
            }
        }

        return valid;
    }
}
