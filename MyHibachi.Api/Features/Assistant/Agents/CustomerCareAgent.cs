using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Payments;

namespace MyHibachi.Api.Features.Assistant.Agents;

/// <summary>
/// An existing booking and its money: status, date, what is paid and owed, invoices, account help.
/// A signed-in customer sees their own bookings; anyone else proves a booking with its reference and
/// the e-mail it was made with.
/// </summary>
public sealed partial class CustomerCareAgent(HibachiDbContext db, PaymentQueries payments, PayLinks links, TimeProvider clock) : IAssistantAgent
{
    public string Name => AgentNames.CustomerCare;

    public string Description => "Your booking: status, payments and balance, invoices, and account help.";

    public IReadOnlyList<string> Answers => ["What's the status of my booking?", "Did my deposit go through?", "Can I get my invoice?"];

    public async Task<AgentAnswer> AnswerAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        if (AccountPattern().IsMatch(turn.Text))
        {
            return new AgentAnswer(
                "To reset your password, use \"Forgot password?\" on the sign-in page: we e-mail you a link that works once, for a short time. " +
                "Your contact details are under My account once you're signed in.", "account_help")
            {
                Suggestions = ["What's the status of my booking?"],
            };
        }

        var booking = await FindBookingAsync(turn, cancellationToken);
        if (booking is null)
        {
            var signedIn = turn.CustomerId is not null;
            return new AgentAnswer(signedIn
                ? "I can't find an upcoming booking on your account. If you booked with another e-mail, tell me the booking reference (it looks like MH-ABC123)."
                : "I can look up your booking: please sign in, or tell me the booking reference (it looks like MH-ABC123) and the e-mail you booked with.", "booking_lookup")
            {
                Progress = turn.Memory.AskedFor != "reference",
                Memory = turn.Memory with { AskedFor = "reference" },
                Suggestions = signedIn ? ["Book a new party"] : ["Sign in"],
            };
        }

        var money = await payments.ForBookingAsync(booking.Id, links.Token(booking.Id), cancellationToken);
        if (money is null)
        {
            return new AgentAnswer("I couldn't read that booking's payments just now; please try again in a moment.", "booking_lookup") { Progress = false };
        }

        var s = money.Summary;
        var status = booking.Status switch
        {
            BookingStatus.Pending => s.DepositPaid ? "pending (deposit received; we're confirming your chef)" : "pending: the date is held until the deposit is paid",
            BookingStatus.Confirmed => "confirmed",
            BookingStatus.Completed => "completed",
            BookingStatus.Cancelled => "cancelled",
            _ => booking.Status.ToString().ToLowerInvariant(),
        };
        var parts = new List<string>
        {
            $"Booking {money.Reference} for {money.Guests} guests on {Say.Date(money.LocalDate)} at {money.LocalStartTime} is {status}.",
            $"Total {Say.Money(s.TotalCents)}, paid {Say.Money(s.NetPaidCents)}, still to pay {Say.Money(s.DueCents)}.",
        };
        var facts = new List<string> { money.Reference, Say.Money(s.TotalCents), Say.Money(s.NetPaidCents), Say.Money(s.DueCents), money.LocalStartTime };
        if (!s.DepositPaid && booking.Status == BookingStatus.Pending)
        {
            var link = links.Link(booking.Id);
            parts.Add($"Pay the {Say.Money(s.DepositDueCents)} deposit here: {link.Url}" + (s.HoldExpiresAt is { } hold ? $" (the date is held until {hold:MMM d, HH:mm} UTC)." : "."));
            facts.Add(Say.Money(s.DepositDueCents));
        }

        if (InvoicePattern().IsMatch(turn.Text))
        {
            parts.Add(money.Invoices.Count == 0
                ? "There is no invoice yet: we issue one for each payment."
                : "Invoices: " + Say.List(money.Invoices.Select(i => $"{i.Number} ({Say.Money(i.AmountCents)})")) + ". You can download them from your booking page.");
            facts.AddRange(money.Invoices.SelectMany(i => new[] { i.Number, Say.Money(i.AmountCents) }));
        }

        return new AgentAnswer(string.Join(" ", parts), "booking_status")
        {
            Memory = turn.Memory with { BookingId = booking.Id, AskedFor = null },
            Facts = facts,
            Suggestions = booking.Status is BookingStatus.Pending or BookingStatus.Confirmed ? ["Reschedule", "Change the number of guests", "Cancel my booking"] : [],
        };
    }

    /// <summary>The booking the customer means, only if it is theirs (their account, or the reference with its e-mail).</summary>
    private async Task<Booking?> FindBookingAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var reference = turn.Slots.Reference;
        if (turn.CustomerId is { } customerId)
        {
            var mine = db.Bookings.AsNoTracking().Where(b => b.CustomerId == customerId);
            if (reference is not null)
            {
                return await mine.FirstOrDefaultAsync(b => b.Reference == reference, cancellationToken);
            }

            if (turn.Memory.BookingId is { } remembered && await mine.FirstOrDefaultAsync(b => b.Id == remembered, cancellationToken) is { } known)
            {
                return known;
            }

            var now = clock.GetUtcNow();
            return await mine.Where(b => b.EndsAt >= now && b.Status != BookingStatus.Cancelled).OrderBy(b => b.StartsAt).FirstOrDefaultAsync(cancellationToken)
                   ?? await mine.OrderByDescending(b => b.StartsAt).FirstOrDefaultAsync(cancellationToken);
        }

        var email = turn.Slots.Email ?? turn.Memory.Email;
        if (turn.Memory.BookingId is { } proven)
        {
            return await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == proven, cancellationToken);
        }

        if (reference is null || email is null)
        {
            return null;
        }

        return await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Reference == reference && b.ContactEmail == email, cancellationToken);
    }

    [GeneratedRegex(@"\b(?:password|log ?in|sign ?in|locked out|account e-?mail|change my e-?mail|reset)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"\b(?:invoice|receipt|bill)\w*\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoicePattern();
}
