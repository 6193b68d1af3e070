using System.Security.Cryptography;
using MyHibachi.Api.Data.Entities;

namespace MyHibachi.Api.Features.Bookings;

/// <summary>
/// What the caller may do to bookings: their permissions, and for a customer when online changes
/// close before the event (the station's cut-off).
/// </summary>
public sealed record BookingCaller(bool CanUpdate, bool CanManage, bool CanCancel, DateTimeOffset? CustomerChangesCloseAt)
{
    /// <summary>Staff with every booking permission.</summary>
    public static readonly BookingCaller Staff = new(true, true, true, null);
}

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

    /// <summary>
    /// The actions the booking allows now to this caller, for clients to show the right buttons: the
    /// state machine, the caller's permissions, and for a customer the change cut-off before the event.
    /// </summary>
    public static IReadOnlyList<string> AllowedActions(Booking booking, DateTimeOffset now, BookingCaller caller)
    {
        var actions = new List<string>();
        var beforeCutoff = caller.CustomerChangesCloseAt is not { } closes || now < closes;
        if (IsLive(booking.Status) && caller.CanUpdate && beforeCutoff)
        {
            actions.Add(BookingActions.Update);
        }

        if (IsLive(booking.Status) && caller.CanManage)
        {
            actions.Add(BookingActions.AssignChef);
        }

        if (caller.CanManage && WhyNot(booking, BookingStatus.Confirmed, now) is null)
        {
            actions.Add(BookingActions.Confirm);
        }

        if (caller.CanCancel && beforeCutoff && WhyNot(booking, BookingStatus.Cancelled, now) is null)
        {
            actions.Add(BookingActions.Cancel);
        }

        if (caller.CanManage && WhyNot(booking, BookingStatus.Completed, now) is null)
        {
            actions.Add(BookingActions.Complete);
        }

        if (caller.CanManage && WhyNot(booking, BookingStatus.NoShow, now) is null)
        {
            actions.Add(BookingActions.NoShow);
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
