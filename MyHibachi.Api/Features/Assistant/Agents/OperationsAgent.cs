using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Bookings;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Payments;
using MyHibachi.Api.Features.Quotes;
using MyHibachi.Api.Infrastructure;

namespace MyHibachi.Api.Features.Assistant.Agents;

/// <summary>
/// Dates and changes: open times on a day, and booking, rescheduling, cancelling or changing the
/// number of guests. Nothing changes without an explicit "yes" to a summary that states the price;
/// every change goes through the same services (and rules, and permissions) as the booking pages.
/// </summary>
public sealed partial class OperationsAgent(
    HibachiDbContext db, ServiceArea area, AvailabilityService availability, QuoteService quotes, BookingPlacement placement,
    BookingChanges changes, PaymentRefunds refunds, PayLinks links, TimeProvider clock) : IAssistantAgent
{
    public const string Book = "book";
    public const string Reschedule = "reschedule";
    public const string Cancel = "cancel";
    public const string Guests = "guests";

    public string Name => AgentNames.Operations;

    public string Description => "Open dates and times, and booking, rescheduling, cancelling or changing guests, each after your yes.";

    public IReadOnlyList<string> Answers => ["Are you free on Saturday December 19?", "Book us for 15 adults", "Move my party to next Friday at 6pm"];

    public async Task<AgentAnswer> AnswerAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var memory = turn.Memory;
        if (memory.Pending is { } pending && turn.Slots.Answer is { } answer)
        {
            return answer
                ? await CarryOutAsync(pending, turn, cancellationToken)
                : new AgentAnswer("No problem, nothing has changed. What else can I help with?", "declined") { Memory = memory with { Pending = null, AskedFor = null } };
        }

        var action = CancelPattern().IsMatch(turn.Text) ? Cancel
            : ReschedulePattern().IsMatch(turn.Text) ? Reschedule
            : GuestsPattern().IsMatch(turn.Text) || (memory.Pending == Guests && turn.Slots.Adults is not null) ? Guests
            : BookPattern().IsMatch(turn.Text) || memory.Pending == Book ? Book
            : memory.Pending ?? (turn.Slots.Date is null ? Book : "availability");
        return action switch
        {
            Cancel => await ProposeCancelAsync(turn, cancellationToken),
            Reschedule => await ProposeRescheduleAsync(turn, cancellationToken),
            Guests => await ProposeGuestsAsync(turn, cancellationToken),
            Book => await ProposeBookingAsync(turn, cancellationToken),
            _ => await AvailabilityAsync(turn, memory.EventDate!.Value, cancellationToken),
        };
    }

    private async Task<AgentAnswer> AvailabilityAsync(AgentTurn turn, DateOnly date, CancellationToken cancellationToken)
    {
        var (station, note) = await StationAsync(turn.Memory.Zip, cancellationToken);
        if (station is null)
        {
            return new AgentAnswer(note, "availability") { Progress = false };
        }

        var times = await OpenTimesAsync(station, date, turn.Memory.Adults, cancellationToken);
        var reply = times.Count == 0
            ? $"{Say.Date(date)} is fully booked{note}. Would another day work?"
            : $"On {Say.Date(date)}{note} we have chefs free at {Say.List(times.Take(8))}{(times.Count > 8 ? " and later" : "")}. Shall I book one of those?";
        return new AgentAnswer(reply, "availability")
        {
            Memory = turn.Memory with { AskedFor = times.Count == 0 ? "date" : "time" },
            Facts = [.. times, Say.Date(date)],
            Suggestions = times.Count == 0 ? ["Try the next day"] : times.Take(3).Select(t => $"Book {t}").ToList(),
        };
    }

    private async Task<AgentAnswer> ProposeBookingAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var m = turn.Memory;
        var signedIn = turn.CustomerId is not null;
        (string Slot, string Question)? missing =
            m.EventDate is null ? ("date", "What date would you like?")
            : m.Adults is null ? ("guests", "How many guests (adults, and children 12 and under)?")
            : m.Zip is null ? ("zip", "What's the ZIP code of the party?")
            : m.StartTime is null ? ("time", null!)
            : m.Street is null || m.City is null || m.State is null ? ("address", "What's the street address, city and state of the party (e.g. 12 Peachtree St, Atlanta, GA)?")
            : !signedIn && (m.FirstName is null || m.LastName is null) ? ("name", "What's your first and last name?")
            : !signedIn && m.Email is null ? ("email", "What e-mail should the confirmation go to?")
            : null;
        if (missing is { Slot: "time" })
        {
            var (station, note) = await StationAsync(m.Zip, cancellationToken);
            var times = station is null ? [] : await OpenTimesAsync(station, m.EventDate!.Value, m.Adults, cancellationToken);
            if (times.Count == 0)
            {
                return new AgentAnswer($"Sorry, {Say.Date(m.EventDate!.Value)} has no free chef{note}. Which other date would suit you?", "booking")
                {
                    Memory = m with { EventDate = null, Pending = Book, AskedFor = "date" },
                    Progress = false,
                };
            }

            return new AgentAnswer($"On {Say.Date(m.EventDate!.Value)} we can start at {Say.List(times.Take(8))}. What time would you like?", "booking")
            {
                Memory = m with { Pending = Book, AskedFor = "time" },
                Progress = m.AskedFor != "time",
                Facts = [.. times],
                Suggestions = times.Take(3).ToList(),
            };
        }

        if (missing is { } ask)
        {
            return new AgentAnswer((m.Pending == Book ? "" : "Happy to book that for you. ") + ask.Question, "booking")
            {
                Memory = m with { Pending = Book, AskedFor = ask.Slot },
                Progress = m.AskedFor != ask.Slot,
            };
        }

        var quote = await quotes.CalculateAsync(new QuoteRequest(null, m.Zip, m.Adults, m.Children ?? 0, m.EventDate, [], null, Contracts.LeadSource.Chat), cancellationToken);
        if (!quote.Succeeded)
        {
            return new AgentAnswer("I can't book that: " + string.Join(" ", quote.Failure!.Errors?.SelectMany(e => e.Value) ?? [quote.Failure.Title]), "booking")
            {
                Memory = m with { Zip = quote.Failure.Errors?.ContainsKey("zip") == true ? null : m.Zip, EventDate = quote.Failure.Errors?.ContainsKey("eventDate") == true ? null : m.EventDate },
                Progress = false,
            };
        }

        var p = quote.Value!.Pricing;
        var who = signedIn ? "" : $" for {m.FirstName} {m.LastName} ({m.Email})";
        var allergies = m.Allergies.Count > 0 ? $" Dietary notes: {string.Join(", ", m.Allergies)}." : "";
        return new AgentAnswer(
            $"Here's your booking{who}: {Say.Guests(m.Adults!.Value, m.Children ?? 0)} on {Say.Date(m.EventDate!.Value)} at {m.StartTime}, at {m.Street}, {m.City}, {m.State} {m.Zip}.{allergies} " +
            $"Total {Say.Money(p.TotalCents)}; a {Say.Money(p.DepositCents)} deposit holds the date. Shall I book it? (yes or no)", "booking_confirm")
        {
            Memory = m with { Pending = Book, AskedFor = "confirm", QuoteId = quote.Value.Id },
            Facts = [Say.Money(p.TotalCents), Say.Money(p.DepositCents), m.StartTime!, Say.Date(m.EventDate.Value)],
            Suggestions = ["Yes, book it", "No"],
        };
    }

    private async Task<AgentAnswer> ProposeRescheduleAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var (booking, refusal) = await OwnBookingAsync(turn, cancellationToken);
        if (booking is null)
        {
            return refusal!;
        }

        var m = turn.Memory with { BookingId = booking.Id };
        if (turn.Slots.Date is null && (m.Pending != Reschedule || m.EventDate is null))
        {
            return new AgentAnswer($"Which date would you like to move {booking.Reference} to?", "reschedule")
            {
                Memory = m with { Pending = Reschedule, AskedFor = "date", EventDate = null, StartTime = null },
                Progress = turn.Memory.AskedFor != "date",
            };
        }

        var date = turn.Slots.Date ?? m.EventDate!.Value;
        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == booking.StationId, cancellationToken);
        var times = await OpenTimesAsync(station, date, booking.Adults + booking.Children, cancellationToken);
        var time = turn.Slots.Time ?? (m.Pending == Reschedule ? m.StartTime : null);
        if (time is null || !times.Contains(time))
        {
            var reply = times.Count == 0
                ? $"{Say.Date(date)} is fully booked. Which other date would suit you?"
                : (time is null ? "" : $"{time} isn't free that day. ") + $"On {Say.Date(date)} we can start at {Say.List(times.Take(8))}. Which time?";
            return new AgentAnswer(reply, "reschedule")
            {
                Memory = m with { Pending = Reschedule, EventDate = times.Count == 0 ? null : date, StartTime = null, AskedFor = times.Count == 0 ? "date" : "time" },
                Progress = turn.Memory.AskedFor is not ("time" or "date") || turn.Slots.Date is not null,
                Facts = [.. times],
                Suggestions = times.Take(3).ToList(),
            };
        }

        return new AgentAnswer($"Move {booking.Reference} to {Say.Date(date)} at {time}? The price stays {Say.Money(booking.Breakdown.TotalCents)} and what you've paid moves with it. (yes or no)", "reschedule_confirm")
        {
            Memory = m with { Pending = Reschedule, EventDate = date, StartTime = time, AskedFor = "confirm" },
            Facts = [Say.Money(booking.Breakdown.TotalCents), time, Say.Date(date), booking.Reference],
            Suggestions = ["Yes", "No"],
        };
    }

    private async Task<AgentAnswer> ProposeGuestsAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var (booking, refusal) = await OwnBookingAsync(turn, cancellationToken);
        if (booking is null)
        {
            return refusal!;
        }

        var m = turn.Memory with { BookingId = booking.Id };
        var adults = turn.Slots.Adults;
        if (adults is null)
        {
            return new AgentAnswer($"{booking.Reference} is for {Say.Guests(booking.Adults, booking.Children)}. How many adults (and children) should it be?", "change_guests")
            {
                Memory = m with { Pending = Guests, AskedFor = "guests" },
                Progress = turn.Memory.AskedFor != "guests",
            };
        }

        var children = turn.Slots.Children ?? booking.Children;
        var quote = await quotes.CalculateAsync(new QuoteRequest(booking.StationId, booking.Zip, adults, children, null, [], null, Contracts.LeadSource.Chat), cancellationToken);
        if (!quote.Succeeded)
        {
            return new AgentAnswer("I can't change it to that: " + string.Join(" ", quote.Failure!.Errors?.SelectMany(e => e.Value) ?? [quote.Failure.Title]), "change_guests") { Progress = false, Memory = m };
        }

        var total = quote.Value!.Pricing.TotalCents;
        return new AgentAnswer($"Change {booking.Reference} to {Say.Guests(adults.Value, children)}? The new total is {Say.Money(total)} (was {Say.Money(booking.Breakdown.TotalCents)}). (yes or no)", "change_guests_confirm")
        {
            Memory = m with { Pending = Guests, Adults = adults, Children = children, AskedFor = "confirm" },
            Facts = [Say.Money(total), Say.Money(booking.Breakdown.TotalCents), booking.Reference],
            Suggestions = ["Yes", "No"],
        };
    }

    private async Task<AgentAnswer> ProposeCancelAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var (booking, refusal) = await OwnBookingAsync(turn, cancellationToken);
        if (booking is null)
        {
            return refusal!;
        }

        var refund = await refunds.QuoteAsync(booking.Id, cancellationToken);
        var back = refund.Succeeded
            ? refund.Value!.NetPaidCents == 0 ? "Nothing has been paid, so there is nothing to refund." : $"Under our policy ({refund.Value.Policy}) you'd get {Say.Money(refund.Value.RefundableCents)} of the {Say.Money(refund.Value.NetPaidCents)} you paid back."
            : "";
        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == booking.StationId, cancellationToken);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(booking.StartsAt, AvailabilityService.Zone(station)).DateTime);
        return new AgentAnswer($"Cancel {booking.Reference} on {Say.Date(localDate)}? {back} This can't be undone. (yes or no)", "cancel_confirm")
        {
            Memory = turn.Memory with { BookingId = booking.Id, Pending = Cancel, AskedFor = "confirm" },
            Facts = refund.Succeeded ? [Say.Money(refund.Value!.RefundableCents), Say.Money(refund.Value.NetPaidCents), booking.Reference] : [booking.Reference],
            Suggestions = ["Yes, cancel it", "No, keep it"],
        };
    }

    private async Task<AgentAnswer> CarryOutAsync(string pending, AgentTurn turn, CancellationToken cancellationToken)
    {
        var m = turn.Memory;
        var done = m with { Pending = null, AskedFor = null };
        switch (pending)
        {
            case Book:
            {
                var request = new CreateBookingRequest(
                    null, null, turn.CustomerId is null ? new ContactRequest(m.FirstName, m.LastName, m.Email, m.Phone) : null, m.EventDate, m.StartTime,
                    m.Adults, m.Children ?? 0, new AddressDto(m.Street, null, m.City, m.State, m.Zip), [],
                    m.Allergies.Count > 0 ? "From chat: " + string.Join(", ", m.Allergies) : null, null, Contracts.LeadSource.Chat, null, null);
                // One conversation's "yes" books once, however often it is repeated.
                var result = await placement.CreateAsync(request, $"chat-{turn.ConversationId:N}-{m.EventDate:yyyyMMdd}-{m.StartTime}", cancellationToken);
                if (!result.Succeeded)
                {
                    return Failed("I couldn't book it", result.Failure!, done with { StartTime = null });
                }

                var booking = result.Value!.Booking;
                var link = links.Link(booking.Id);
                return new AgentAnswer(
                    $"Booked! Your reference is {booking.Reference}. The date is held for you: pay the {Say.Money(booking.Breakdown.DepositCents)} deposit here to secure it: {link.Url} " +
                    "We've e-mailed the details.", "booked")
                {
                    Memory = done with { BookingId = booking.Id },
                    Facts = [booking.Reference, Say.Money(booking.Breakdown.DepositCents), link.Url],
                    Suggestions = ["What's on the menu?", "Allergies"],
                };
            }

            case Reschedule:
            {
                var result = await changes.UpdateAsync(m.BookingId!.Value,
                    new UpdateBookingRequest(m.EventDate, m.StartTime, null, null, null, null, null, null, null), IfMatch.Any, cancellationToken);
                return result.Succeeded
                    ? new AgentAnswer($"Done: {result.Value!.Reference} is now on {Say.Date(m.EventDate!.Value)} at {m.StartTime}. We've e-mailed the change.", "rescheduled")
                    {
                        Memory = done, Facts = [result.Value.Reference, m.StartTime!, Say.Date(m.EventDate.Value)],
                    }
                    : Failed("I couldn't move it", result.Failure!, done);
            }

            case Guests:
            {
                var result = await changes.UpdateAsync(m.BookingId!.Value,
                    new UpdateBookingRequest(null, null, m.Adults, m.Children, null, null, null, null, null), IfMatch.Any, cancellationToken);
                return result.Succeeded
                    ? new AgentAnswer($"Done: {result.Value!.Reference} is now for {Say.Guests(result.Value.Adults, result.Value.Children)}, total {Say.Money(result.Value.Breakdown.TotalCents)}.", "guests_changed")
                    {
                        Memory = done, Facts = [result.Value.Reference, Say.Money(result.Value.Breakdown.TotalCents)],
                    }
                    : Failed("I couldn't change it", result.Failure!, done);
            }

            case Cancel:
            {
                var result = await changes.MoveAsync(m.BookingId!.Value, BookingStatus.Cancelled, "Cancelled by the customer in chat.", null, cancellationToken);
                return result.Succeeded
                    ? new AgentAnswer($"{result.Value!.Reference} is cancelled. Any refund due goes back to the way you paid; we've e-mailed a confirmation.", "cancelled")
                    {
                        Memory = done, Facts = [result.Value.Reference],
                    }
                    : Failed("I couldn't cancel it", result.Failure!, done);
            }

            default:
                return new AgentAnswer("Sorry, I lost track of what we were doing. What would you like to do?", "unknown") { Memory = done, Progress = false };
        }
    }

    private static AgentAnswer Failed(string what, Failure failure, Data.Entities.ConversationMemory memory)
    {
        var details = failure.Errors?.SelectMany(e => e.Value).ToList() is { Count: > 0 } list ? string.Join(" ", list) : failure.Detail ?? failure.Title;
        return new AgentAnswer($"{what}: {details}", "action_failed") { Memory = memory, Progress = false, Suggestions = ["Talk to a person"] };
    }

    /// <summary>The customer's own live booking (signed in); anyone else is asked to sign in to change one.</summary>
    private async Task<(Booking? Booking, AgentAnswer? Refusal)> OwnBookingAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        if (turn.CustomerId is not { } customerId)
        {
            return (null, new AgentAnswer("To change or cancel a booking, please sign in first (Sign in at the top of the page); then ask me again here.", "sign_in_needed")
            {
                Suggestions = ["Sign in"],
                Progress = turn.Memory.AskedFor != "sign_in",
                Memory = turn.Memory with { AskedFor = "sign_in" },
            });
        }

        var mine = db.Bookings.AsNoTracking().Where(b => b.CustomerId == customerId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed));
        var booking = turn.Slots.Reference is { } reference
            ? await mine.FirstOrDefaultAsync(b => b.Reference == reference, cancellationToken)
            : turn.Memory.BookingId is { } id && await mine.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) is { } known
                ? known
                : await mine.Where(b => b.StartsAt > clock.GetUtcNow()).OrderBy(b => b.StartsAt).FirstOrDefaultAsync(cancellationToken);
        return booking is null
            ? (null, new AgentAnswer("I can't find an upcoming booking on your account that can still be changed.", "no_booking") { Progress = false })
            : (booking, null);
    }

    private async Task<(Station? Station, string Note)> StationAsync(string? zip, CancellationToken cancellationToken)
    {
        if (zip is not null && await area.MatchAsync(zip, null, cancellationToken) is { WithinRadius: true } match)
        {
            return (match.Station, "");
        }

        var stations = await db.Stations.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.CreatedAt).Take(2).ToListAsync(cancellationToken);
        return stations.Count switch
        {
            0 => (null, "We have no station taking bookings right now."),
            1 => (stations[0], ""),
            _ => (stations[0], $" at our {Say.StationCity(stations[0].Name)} station (tell me your ZIP code for yours)"),
        };
    }

    private async Task<List<string>> OpenTimesAsync(Station station, DateOnly date, int? guests, CancellationToken cancellationToken)
    {
        var slots = await AvailabilityApi.GetStationSlots(station.Id, date, date, guests ?? 10, db, availability, clock, cancellationToken);
        return slots.Result is Ok<StationSlotsDto> ok ? ok.Value!.Days.SelectMany(d => d.Slots).Select(s => s.LocalTime).ToList() : [];
    }

    [GeneratedRegex(@"\bcancel\w*\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelPattern();

    [GeneratedRegex(@"\b(?:reschedul\w*|resched|postpone|move|push (?:it|back)|change (?:the |my |our )?(?:date|day|time)|different (?:date|day|time))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReschedulePattern();

    [GeneratedRegex(@"\b(?:headcount|head count|bump|add (?:\w+ )?(?:more )?(?:guests|people|adults|kids)|(?:more|fewer|less) (?:guests|people|adults)|change (?:the )?(?:number of )?guests|guest count|\+\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex GuestsPattern();

    [GeneratedRegex(@"\b(?:book|reserve|reservation|set (?:it )?up|lock (?:it|in)|sign (?:me|us) up|schedule (?:a|an|my|our))\w*", RegexOptions.IgnoreCase)]
    private static partial Regex BookPattern();
}
