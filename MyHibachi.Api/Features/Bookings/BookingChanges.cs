using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Contracts.Events;

namespace MyHibachi.Api.Features.Bookings;

/// <summary>Changes to an existing booking: edits, chef assignment, the state machine, delete and restore.</summary>
public sealed class BookingChanges(
    HibachiDbContext db,
    ServiceArea serviceArea,
    AvailabilityService availability,
    BookingQueries queries,
    AccessScope scope,
    CurrentActor actor,
    TimeProvider clock)
{
    /// <summary>
    /// Edits a live booking. Guests and menu are re-priced with the booking's own price sheet (the
    /// prices it was made with); a new time or party size is checked against the chef's schedule.
    /// </summary>
    public async Task<Result<Booking>> UpdateAsync(Guid id, UpdateBookingRequest request, IfMatch precondition, CancellationToken cancellationToken)
    {
        var planned = await PlanAsync(id, request, precondition, cancellationToken);
        if (!planned.Succeeded)
        {
            return planned.Failure;
        }

        var plan = planned.Value;
        var booking = plan.Booking;
        var previousStart = booking.StartsAt;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (plan.Moved && booking.ChefId is { } chefId)
        {
            await availability.LockChefForBookingAsync(chefId, plan.StartsAt, plan.Zone, cancellationToken);
            var (schedule, why) = await ChefFitsAsync(plan, chefId, cancellationToken);
            if (why is not null)
            {
                return why;
            }

            Reschedule(booking, plan);
            BookingInput.HoldChef(booking, schedule!);
        }
        else
        {
            Reschedule(booking, plan);
        }

        booking.Adults = plan.Adults;
        booking.Children = plan.Children;
        booking.Selections = [.. plan.Selections];
        booking.Breakdown = plan.Pricing;
        if (plan.Address is { } address)
        {
            BookingInput.ApplyAddress(booking, PostalAddress.From(address));
        }

        if (request.Contact is { } contact)
        {
            booking.ContactName = $"{contact.FirstName!.Trim()} {contact.LastName!.Trim()}";
            booking.ContactEmail = contact.Email!.Trim().ToLowerInvariant();
            booking.ContactPhone = Text.Clean(contact.Phone);
        }

        if (request.DietaryNotes is not null)
        {
            booking.DietaryNotes = Text.Clean(request.DietaryNotes);
        }

        if (request.SpecialRequests is not null)
        {
            booking.SpecialRequests = Text.Clean(request.SpecialRequests);
        }

        if (booking.StartsAt != previousStart)
        {
            db.Publish(new BookingRescheduled(booking.Id, booking.Reference, booking.StationId, previousStart, booking.StartsAt), clock.Now());
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return booking;
    }

    /// <summary>
    /// What an edit would do, without doing it: the same checks as <see cref="UpdateAsync"/> (the
    /// chef's schedule included, without taking its lock) and the price before and after.
    /// </summary>
    public async Task<Result<BookingChangePreviewDto>> PreviewAsync(Guid id, UpdateBookingRequest request, CancellationToken cancellationToken)
    {
        var planned = await PlanAsync(id, request, null, cancellationToken);
        if (!planned.Succeeded)
        {
            return planned.Failure;
        }

        var plan = planned.Value;
        if (plan.Moved && plan.Booking.ChefId is { } chefId && (await ChefFitsAsync(plan, chefId, cancellationToken)).Why is { } why)
        {
            return why;
        }

        var local = TimeZoneInfo.ConvertTime(plan.StartsAt, plan.Zone);
        var current = plan.Booking.Breakdown;
        return new BookingChangePreviewDto(
            plan.Booking.Id, DateOnly.FromDateTime(local.DateTime), local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), plan.Station.TimeZone,
            plan.Duration, plan.Adults, plan.Children, current.ToDto(), plan.Pricing.ToDto(),
            plan.Pricing.TotalCents - current.TotalCents, plan.StartsAt != plan.Booking.StartsAt);
    }

    /// <summary>An edit worked out and checked, before anything is written.</summary>
    private sealed record ChangePlan(
        Booking Booking, Station Station, TimeZoneInfo Zone, DateTimeOffset StartsAt, int Duration, bool TimeChanged,
        int Adults, int Children, IReadOnlyList<MenuSelection> Selections, PriceBreakdown Pricing, AddressDto? Address)
    {
        public bool Moved => StartsAt != Booking.StartsAt || Duration != Booking.DurationMinutes;
    }

    private async Task<Result<ChangePlan>> PlanAsync(Guid id, UpdateBookingRequest request, IfMatch? precondition, CancellationToken cancellationToken)
    {
        var booking = await queries.FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        if (precondition?.Allows(booking.Version) == false)
        {
            return Failure.PreconditionFailed();
        }

        if (!BookingRules.IsLive(booking.Status))
        {
            return Failure.Conflict(ProblemCodes.BookingNotLive, $"A {booking.Status.ToString().ToLowerInvariant()} booking cannot be changed.");
        }

        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == booking.StationId, cancellationToken);
        if (CustomerCutoffPassed(booking, station) is { } tooLate)
        {
            return tooLate;
        }

        var zone = AvailabilityService.Zone(station);
        var errors = new ValidationErrors();
        var local = TimeZoneInfo.ConvertTime(booking.StartsAt, zone);
        var date = request.EventDate ?? DateOnly.FromDateTime(local.DateTime);
        var time = request.StartTime is null ? TimeOnly.FromDateTime(local.DateTime) : BookingInput.StartTime(request.StartTime, errors);
        var adults = request.Adults ?? booking.Adults;
        var children = request.Children ?? booking.Children;
        var selections = request.Selections is null ? booking.Selections : BookingInput.Selections(request.Selections, errors);
        if (request.Contact is not null)
        {
            BookingInput.Contact(request.Contact, errors, "contact");
        }

        var address = request.Address is null ? null : request.Address with { Zip = request.Address.Zip ?? booking.Zip };
        if (address is not null)
        {
            BookingInput.Address(address, errors);
        }

        BookingInput.Notes(request.DietaryNotes, request.SpecialRequests, errors);
        var distance = booking.Breakdown.DistanceMiles;
        if (address is not null && !errors.Has("address.zip") && ZipCentroids.Normalize(address.Zip) != booking.Zip)
        {
            var match = await serviceArea.MatchAsync(address.Zip, booking.StationId, cancellationToken);
            if (match is not { WithinRadius: true })
            {
                errors.Add("address.zip", $"This address is outside {station.Name}'s service area.");
            }
            else
            {
                distance = match.DistanceMiles;
            }
        }

        DateTimeOffset? startsAt = booking.StartsAt;
        var timeChanged = request.EventDate is not null || request.StartTime is not null;
        if (timeChanged && time is { } t)
        {
            startsAt = availability.CheckStart(station, date, t, errors);
        }

        var pricing = PricingEngine.Calculate(booking.PriceSheet, new PricingRequest(adults, children, selections, distance));
        errors.AddAll(pricing.Errors);
        if (errors.Any)
        {
            return Failure.Invalid(errors);
        }

        return new ChangePlan(booking, station, zone, startsAt!.Value, AvailabilityEngine.EventDurationMinutes(adults + children), timeChanged,
            adults, children, selections, pricing.Breakdown!, address);
    }

    /// <summary>Whether the booking's chef can take the planned time: their schedule without this booking, or why not.</summary>
    private async Task<(ChefSchedule? Schedule, Failure? Why)> ChefFitsAsync(ChangePlan plan, Guid chefId, CancellationToken cancellationToken)
    {
        var schedule = await ScheduleWithoutAsync(plan.Booking, chefId, plan.Zone, plan.StartsAt, plan.Duration, cancellationToken);
        var why = schedule is null
            ? "The chef is no longer active."
            : AvailabilityEngine.WhyUnavailable(schedule, plan.Zone, plan.StartsAt, plan.Duration,
                plan.TimeChanged ? availability.EarliestStart(plan.Station) : DateTimeOffset.MinValue);
        if (why is null)
        {
            return (schedule, null);
        }

        // A customer is told what they can do, never another customer's reference or a staff task.
        return (schedule, scope.Kind == ScopeKind.Customer
            ? Failure.Conflict(ProblemCodes.ChefUnavailable, "Your chef is not free at that time.", "Choose another of the open times, or call us and we'll find a way.")
            : Failure.Conflict(ProblemCodes.ChefUnavailable, "The assigned chef cannot take the new time.", why + " Choose another time, or reassign the chef first."));
    }

    private static void Reschedule(Booking booking, ChangePlan plan)
    {
        booking.StartsAt = plan.StartsAt;
        booking.DurationMinutes = plan.Duration;
        booking.EndsAt = plan.StartsAt.AddMinutes(plan.Duration);
    }

    /// <summary>Assigns (or, for a pending booking, removes) the chef; the chef must be free for the whole block.</summary>
    public async Task<Result<Booking>> AssignChefAsync(Guid id, AssignChefRequest request, IfMatch? precondition, CancellationToken cancellationToken)
    {
        var booking = await queries.FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        if (precondition?.Allows(booking.Version) == false)
        {
            return Failure.PreconditionFailed();
        }

        if (!BookingRules.IsLive(booking.Status))
        {
            return Failure.Conflict(ProblemCodes.BookingNotLive, $"A {booking.Status.ToString().ToLowerInvariant()} booking cannot change chef.");
        }

        var previous = booking.ChefId;
        if (request.ChefId is null)
        {
            if (booking.Status != BookingStatus.Pending)
            {
                return Failure.Conflict(ProblemCodes.BookingChefRequired, "A confirmed booking must keep a chef.", "Assign another chef instead.");
            }

            booking.ChefId = null;
            booking.ChefBusyFrom = null;
            booking.ChefBusyTo = null;
            await db.SaveChangesAsync(cancellationToken);
            return booking;
        }

        if (request.ChefId == previous)
        {
            return booking;
        }

        var chefId = request.ChefId.Value;
        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == booking.StationId, cancellationToken);
        var zone = AvailabilityService.Zone(station);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await availability.LockChefForBookingAsync(chefId, booking.StartsAt, zone, cancellationToken);
        var schedule = await ScheduleWithoutAsync(booking, chefId, zone, booking.StartsAt, booking.DurationMinutes, cancellationToken);
        if (schedule is null)
        {
            return Failure.Invalid("chefId", "No such active chef at this booking's station.");
        }

        // Minimum notice protects customers' new bookings, not staff moving chefs around.
        var why = AvailabilityEngine.WhyUnavailable(schedule, zone, booking.StartsAt, booking.DurationMinutes, DateTimeOffset.MinValue);
        if (why is not null)
        {
            return Failure.Conflict(ProblemCodes.ChefUnavailable, "That chef cannot take this booking.", why);
        }

        BookingInput.HoldChef(booking, schedule);
        db.Publish(new BookingChefAssigned(booking.Id, booking.Reference, booking.StationId, chefId, previous), clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return booking;
    }

    public async Task<Result<Booking>> MoveAsync(Guid id, BookingStatus to, string? reason, IfMatch? precondition, CancellationToken cancellationToken)
    {
        if (to == BookingStatus.Cancelled)
        {
            var trimmed = reason?.Trim();
            if (string.IsNullOrEmpty(trimmed) || trimmed.Length < BookingRules.MinCancelReasonLength || trimmed.Length > BookingRules.MaxCancelReasonLength)
            {
                return Failure.Invalid("reason", $"Say why the booking is cancelled ({BookingRules.MinCancelReasonLength}–{BookingRules.MaxCancelReasonLength} characters).");
            }
        }

        var booking = await queries.FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        if (precondition?.Allows(booking.Version) == false)
        {
            return Failure.PreconditionFailed();
        }

        var now = clock.Now();
        if (to == BookingStatus.Cancelled
            && CustomerCutoffPassed(booking, await db.Stations.AsNoTracking().FirstAsync(s => s.Id == booking.StationId, cancellationToken)) is { } tooLate)
        {
            return tooLate;
        }

        if (BookingRules.WhyNot(booking, to, now) is { } refused)
        {
            return Failure.Conflict(ProblemCodes.BookingTransitionRefused, "This change is not allowed.", refused);
        }

        var from = booking.Status;
        booking.Status = to;
        switch (to)
        {
            case BookingStatus.Confirmed:
                booking.ConfirmedAt = now;
                booking.HoldExpiresAt = null; // confirmed by staff: the date no longer waits for the deposit
                break;
            case BookingStatus.Cancelled:
                booking.CancelledAt = now;
                booking.CancelReason = reason!.Trim();
                booking.HoldExpiresAt = null;
                break;
            case BookingStatus.Completed:
            case BookingStatus.NoShow:
                booking.CompletedAt = now;
                break;
        }

        db.Publish(new BookingStatusChanged(booking.Id, booking.Reference, booking.StationId, from.ToContract(), to.ToContract(), booking.CancelReason), now);
        await db.SaveChangesAsync(cancellationToken);
        return booking;
    }

    public async Task<Result> DeleteAsync(Guid id, DeleteRequest? request, CancellationToken cancellationToken)
    {
        if (SoftDeletion.ValidateReason(request) is { } invalid)
        {
            return invalid;
        }

        var booking = await queries.FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        SoftDeletion.MarkDeleted(booking, actor.UserId, request!.Reason!, clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Restores the booking exactly as it was; refused when its chef has since been booked over its time.</summary>
    public async Task<Result<Booking>> RestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        var booking = await scope.Bookings(db.Bookings.IncludingDeleted()).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (booking is null)
        {
            return Failure.NotFound("Booking");
        }

        if (SoftDeletion.CanRestore(booking, clock.Now()) is { } refused)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (BookingRules.IsLive(booking.Status) && booking.ChefId is { } chefId)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(await queries.StationTimeZoneAsync(booking.StationId, cancellationToken));
            await availability.LockChefForBookingAsync(chefId, booking.StartsAt, zone, cancellationToken);
            var clash = await db.Bookings
                .Where(b => b.ChefId == chefId && b.Id != booking.Id && AvailabilityService.HoldingStatuses.Contains(b.Status)
                            && b.ChefBusyFrom < booking.ChefBusyTo && b.ChefBusyTo > booking.ChefBusyFrom)
                .Select(b => b.Reference)
                .FirstOrDefaultAsync(cancellationToken);
            if (clash is not null)
            {
                return Failure.Conflict(ProblemCodes.ChefUnavailable, "The chef has been booked over this time since it was deleted.", $"{clash} holds the chef; reassign one of them first.");
            }
        }

        SoftDeletion.Restore(booking);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return booking;
    }

    /// <summary>Customers change or cancel online only until the station's cut-off before the event; staff any time.</summary>
    private Failure? CustomerCutoffPassed(Booking booking, Station station)
    {
        if (scope.Kind != ScopeKind.Customer || clock.Now() < booking.StartsAt.AddHours(-station.CustomerChangeCutoffHours))
        {
            return null;
        }

        return Failure.Conflict(ProblemCodes.BookingCutoffPassed, "It is too close to the event to change it online.",
            $"Changes close {station.CustomerChangeCutoffHours} hours before the event; please call us.");
    }

    private async Task<ChefSchedule?> ScheduleWithoutAsync(Booking booking, Guid chefId, TimeZoneInfo zone, DateTimeOffset start, int duration, CancellationToken cancellationToken)
    {
        var loaded = await availability.LoadAsync(booking.StationId, zone, start, start.AddMinutes(duration), [chefId], booking.Id, cancellationToken);
        return loaded.Count == 1 ? loaded[0].Schedule : null;
    }
}
