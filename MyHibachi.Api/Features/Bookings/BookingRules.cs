using System.Security.Cryptography;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Features.Bookings;

/// <summary>
/// The booking state machine: pending → confirmed → completed (or no-show), and cancelled from
/// pending or confirmed. Everything else is refused.
/// </summary>
public static class BookingRules
{
    private static readonly Dictionary<BookingStatus, BookingStatus[]> Moves = new()
    {
        [BookingStatus.Pending] = [BookingStatus.Confirmed, BookingStatus.Cancelled],
        [BookingStatus.Confirmed] = [BookingStatus.Completed, BookingStatus.NoShow, BookingStatus.Cancelled],
        [BookingStatus.Completed] = [],
        [BookingStatus.Cancelled] = [],
        [BookingStatus.NoShow] = [],
    };

    public const int MinCancelReasonLength = 3;
    public const int MaxCancelReasonLength = 500;

    public static bool CanMove(BookingStatus from, BookingStatus to) => Moves[from].Contains(to);

    public static bool IsLive(BookingStatus status) => status is BookingStatus.Pending or BookingStatus.Confirmed;

    /// <summary>Why the move is refused (given the time and chef), or null when it is allowed.</summary>
    public static string? WhyNot(Booking booking, BookingStatus to, DateTimeOffset now)
    {
        if (!CanMove(booking.Status, to))
        {
            return $"A {booking.Status.ToString().ToLowerInvariant()} booking cannot become {to.ToString().ToLowerInvariant()}.";
        }

        return to switch
        {
            BookingStatus.Confirmed when booking.ChefId is null => "Assign a chef before confirming.",
            BookingStatus.Completed or BookingStatus.NoShow when now < booking.StartsAt => "The event has not started yet.",
            _ => null,
        };
    }

    /// <summary>The actions the booking allows now, for clients to show the right buttons.</summary>
    public static IReadOnlyList<string> AllowedActions(Booking booking, DateTimeOffset now)
    {
        var actions = new List<string>();
        if (IsLive(booking.Status))
        {
            actions.Add("update");
            actions.Add("assign-chef");
        }

        if (WhyNot(booking, BookingStatus.Confirmed, now) is null)
        {
            actions.Add("confirm");
        }

        if (WhyNot(booking, BookingStatus.Cancelled, now) is null)
        {
            actions.Add("cancel");
        }

        if (WhyNot(booking, BookingStatus.Completed, now) is null)
        {
            actions.Add("complete");
        }

        if (WhyNot(booking, BookingStatus.NoShow, now) is null)
        {
            actions.Add("no-show");
        }

        return actions;
    }

    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A short reference a customer can read out on the phone: MH- and six unambiguous characters.</summary>
    public static string NewReference()
    {
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
        }

        return "MH-" + new string(code);
    }
}
