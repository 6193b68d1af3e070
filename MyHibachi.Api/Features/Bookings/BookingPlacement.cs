using Microsoft.Extensions.Options;
using MyHibachi.Api.Features.Payments;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MyHibachi.Api.Data;
using MyHibachi.Api.Data.Configurations;
using MyHibachi.Api.Data.Entities;
using MyHibachi.Api.Features.Availability;
using MyHibachi.Api.Features.Customers;
using MyHibachi.Api.Features.Geography;
using MyHibachi.Api.Features.Leads;
using MyHibachi.Api.Features.Pricing;
using MyHibachi.Api.Infrastructure;
using MyHibachi.Api.Infrastructure.Messaging;
using MyHibachi.Api.Infrastructure.Security;
using MyHibachi.Contracts.Events;
using Npgsql;

namespace MyHibachi.Api.Features.Bookings;

/// <summary>Everything a booking needs once its input has been checked and priced.</summary>
public sealed record BookingPlan(
    Station Station,
    TimeZoneInfo Zone,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    int Adults,
    int Children,
    IReadOnlyList<MenuSelection> Selections,
    PriceSheet Sheet,
    PriceBreakdown Breakdown,
    Guid? CustomerId,
    ContactRequest? Contact,
    PostalAddress Address,
    string? DietaryNotes,
    string? SpecialRequests,
    LeadSource Source,
    Guid? ChefId,
    bool AssignChef,
    Quote? Quote,
    string? IdempotencyKey,
    string? Fingerprint,
    BookingAttribution? Attribution = null);

public sealed record PlacedBooking(Booking Booking, bool Replayed);

/// <summary>
/// Makes new bookings (from the booking form or from a quote): checks and prices the request, picks
/// and locks a free chef, and writes the booking, its customer and its event in one transaction.
/// </summary>
public sealed class BookingPlacement(
    HibachiDbContext db,
    PriceSheetProvider prices,
    Loyalty.LoyaltyPerks perks,
    ServiceArea serviceArea,
    AvailabilityService availability,
    CustomerService customers,
    LeadCapture leads,
    AccessScope scope,
    IOptions<PaymentOptions> payments,
    TimeProvider clock)
{
    public const int MaxIdempotencyKeyLength = 100;

    private const int MaxAttempts = 3;

    public async Task<Result<PlacedBooking>> CreateAsync(CreateBookingRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Choosing the chef, booking without one, booking for a customer record or as "admin" is for staff;
        // a Platinum customer may choose their chef (VIP chef access).
        var staffOnly = (request.ChefId is not null && !(scope.Kind == ScopeKind.Customer && perks.ChefChoice))
            || request.AssignChef == false || request.CustomerId is not null || request.Source == Contracts.LeadSource.Admin;
        if (staffOnly && scope.Kind is not (ScopeKind.Global or ScopeKind.Station))
        {
            return Failure.Forbidden(request.ChefId is not null && scope.Kind == ScopeKind.Customer
                ? "Choosing your chef is a Platinum benefit of our loyalty program."
                : "Only staff choose the chef, the customer record or the admin source.");
        }

        if (request.StationId is { } requestedStation && scope.Kind == ScopeKind.Station && !scope.CanUseStation(requestedStation))
        {
            return Failure.Forbidden("You can only book for your own station.");
        }

        if (scope.Kind == ScopeKind.Customer && scope.CustomerId is { } self)
        {
            request = request with { CustomerId = self };
        }

        var errors = new ValidationErrors();
        var fingerprint = ValidateIdempotencyKey(idempotencyKey, request, errors);
        if (request.CustomerId is null)
        {
            BookingInput.Contact(request.Customer, errors);
        }

        if (request.EventDate is null)
        {
            errors.Add("eventDate", "Choose the date of the event.");
        }

        var startTime = BookingInput.StartTime(request.StartTime, errors);
        if (request.Adults is null)
        {
            errors.Add("adults", "How many adults?");
        }

        BookingInput.Address(request.Address, errors);
        BookingInput.Notes(request.DietaryNotes, request.SpecialRequests, errors);
        var selections = BookingInput.Selections(request.Selections, errors);
        var source = errors.Member("source", request.Source, EnumMappings.ToEntity);

        if (request.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            errors.Add("customerId", "No such customer.");
        }

        StationMatch? match = null;
        if (!errors.Has("address.zip") && request.Address is not null)
        {
            match = await serviceArea.MatchAsync(request.Address.Zip, request.StationId, cancellationToken);
            if (match is null)
            {
                errors.Add("address.zip", request.StationId is null ? "We don't recognise this ZIP code." : "Unknown ZIP code or station.");
            }
            else if (!match.WithinRadius)
            {
                errors.Add("address.zip", $"This address is outside {match.Station.Name}'s {match.Station.ServiceRadiusMiles}-mile service area.");
            }
        }

        DateTimeOffset? startsAt = null;
        PriceSheet? sheet = null;
        PricingOutcome? pricing = null;
        if (match is { WithinRadius: true } && request.EventDate is { } date && startTime is { } time)
        {
            startsAt = availability.CheckStart(match.Station, date, time, errors);
            sheet = await prices.CurrentAsync(cancellationToken);
            pricing = PricingEngine.Calculate(sheet, new PricingRequest(request.Adults ?? 1, request.Children ?? 0, selections, match.DistanceMiles));
            errors.AddAll(pricing.Errors);
        }

        if (match is not null && scope.Kind == ScopeKind.Station && !scope.CanUseStation(match.Station.Id))
        {
            return Failure.Forbidden("This address belongs to another station.");
        }

        if (errors.Any)
        {
            var reason = match is { WithinRadius: false } && errors.Has("address.zip") ? LeadReason.OutOfServiceArea : LeadReason.ValidationFailed;
            await CaptureFailureAsync(match?.Station.Id ?? request.StationId, source, reason, request.Customer, Attempted(request, errors), null, cancellationToken);
            return Failure.Invalid(errors);
        }

        var plan = new BookingPlan(
            match!.Station, AvailabilityService.Zone(match.Station), startsAt!.Value,
            AvailabilityEngine.EventDurationMinutes(request.Adults!.Value + (request.Children ?? 0)),
            request.Adults.Value, request.Children ?? 0, selections, sheet!, pricing!.Breakdown!, request.CustomerId, request.Customer,
            PostalAddress.From(request.Address!), Text.Clean(request.DietaryNotes), Text.Clean(request.SpecialRequests),
            source ?? LeadSource.Web, request.ChefId, request.AssignChef ?? true, null, idempotencyKey?.Trim(), fingerprint, AttributionOf(request.Attribution));
        return await PlaceAsync(plan, cancellationToken);
    }

    public async Task<Result<PlacedBooking>> ConvertQuoteAsync(Guid quoteId, ConvertQuoteRequest request, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.FirstOrDefaultAsync(q => q.Id == quoteId, cancellationToken);
        if (quote is null)
        {
            return Failure.NotFound("Quote");
        }

        if (quote.BookingId is { } existing)
        {
            return Failure.Conflict(ProblemCodes.QuoteAlreadyBooked, "This quote has already been booked.", $"Its booking is /api/bookings/{existing}.");
        }

        var now = clock.Now();
        if (quote.ExpiresAt < now)
        {
            return Failure.Conflict(ProblemCodes.QuoteExpired, "This quote has expired.", "Prices may have changed: calculate a new quote.");
        }

        if (request.CustomerId is not null && scope.Kind is not (ScopeKind.Global or ScopeKind.Station))
        {
            return Failure.Forbidden("Only staff book for a customer record.");
        }

        if (scope.Kind == ScopeKind.Customer && scope.CustomerId is { } self)
        {
            request = request with { CustomerId = self };
        }

        var errors = new ValidationErrors();
        if (request.CustomerId is null)
        {
            BookingInput.Contact(request.Customer, errors);
        }
        else if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken))
        {
            errors.Add("customerId", "No such customer.");
        }

        var address = request.Address is null ? null : request.Address with { Zip = request.Address.Zip ?? quote.Zip };
        BookingInput.Address(address, errors);
        if (address is not null && ZipCentroids.Normalize(address.Zip) is { } zip && zip != quote.Zip)
        {
            errors.Add("address.zip", $"This quote is for ZIP {quote.Zip}; calculate a new quote for another address.");
        }

        var date = request.EventDate ?? quote.EventDate;
        if (date is null)
        {
            errors.Add("eventDate", "Choose the date of the event.");
        }

        var startTime = BookingInput.StartTime(request.StartTime, errors);
        BookingInput.Notes(request.DietaryNotes, request.SpecialRequests, errors);
        var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == quote.StationId, cancellationToken);
        DateTimeOffset? startsAt = date is { } d && startTime is { } t ? availability.CheckStart(station, d, t, errors) : null;
        var contact = request.Customer ?? new ContactRequest(null, null, quote.ContactEmail, quote.ContactPhone);
        if (errors.Any)
        {
            await CaptureFailureAsync(station.Id, quote.Source, LeadReason.ValidationFailed, contact,
                new Dictionary<string, string> { ["quoteId"] = quote.Id.ToString(), ["errors"] = string.Join(" | ", errors.Messages) }, quote.Id, cancellationToken);
            return Failure.Invalid(errors);
        }

        var plan = new BookingPlan(
            station, AvailabilityService.Zone(station), startsAt!.Value, AvailabilityEngine.EventDurationMinutes(quote.Adults + quote.Children),
            quote.Adults, quote.Children, quote.Selections, quote.PriceSheet, quote.Breakdown, request.CustomerId, request.Customer,
            PostalAddress.From(address!), Text.Clean(request.DietaryNotes), Text.Clean(request.SpecialRequests), quote.Source,
            null, true, quote, null, null, AttributionOf(request.Attribution));
        return await PlaceAsync(plan, cancellationToken);
    }

    /// <summary>
    /// Writes the booking in one transaction: the customer (found or created), a free chef held by
    /// the database's no-overlap constraint, the booking.created event and the lead conversion.
    /// Requests sharing an Idempotency-Key are serialised and all but the first replay its booking.
    /// </summary>
    private async Task<Result<PlacedBooking>> PlaceAsync(BookingPlan plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (plan.IdempotencyKey is { } key)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"idempotency:" + key}, 0))", cancellationToken);
                    var replay = await ReplayAsync(key, plan.Fingerprint!, cancellationToken);
                    if (replay is not null)
                    {
                        return replay.Value;
                    }
                }

                if (plan.Quote is { } quote && await AlreadyBookedAsync(quote.Id, cancellationToken) is { } booked)
                {
                    return Failure.Conflict(ProblemCodes.QuoteAlreadyBooked, "This quote has already been booked.", $"Its booking is /api/bookings/{booked}.");
                }

                var chef = await ChooseChefAsync(plan, cancellationToken);
                if (!chef.Succeeded)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    if (plan.ChefId is null)
                    {
                        await CaptureFailureAsync(plan.Station.Id, plan.Source, LeadReason.NoAvailability, plan.Contact,
                            new Dictionary<string, string>
                            {
                                ["eventDate"] = AvailabilityEngine.LocalDate(plan.StartsAt, plan.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                                ["startTime"] = TimeZoneInfo.ConvertTime(plan.StartsAt, plan.Zone).ToString("HH:mm", CultureInfo.InvariantCulture),
                                ["guests"] = (plan.Adults + plan.Children).ToString(CultureInfo.InvariantCulture),
                                ["zip"] = plan.Address.Zip,
                            },
                            plan.Quote?.Id, cancellationToken);
                    }

                    return chef.Failure!;
                }

                var booking = await NewBookingAsync(plan, chef.Value, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new PlacedBooking(booking, Replayed: false);
            }
            catch (Exception exception) when (attempt < MaxAttempts && IsRetryable(exception))
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Serialises conversions of one quote (the lock is released on commit) and reads whether it has
    /// become a booking meanwhile; the unique index on bookings.quote_id backs this up in the database.
    /// </summary>
    private async Task<Guid?> AlreadyBookedAsync(Guid quoteId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"quote:" + quoteId}, 0))", cancellationToken);
        return await db.Quotes.AsNoTracking().Where(q => q.Id == quoteId).Select(q => q.BookingId).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<Booking> NewBookingAsync(BookingPlan plan, ChefSchedule? chef, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        Customer customer;
        if (plan.CustomerId is { } customerId)
        {
            customer = await db.Customers.FirstAsync(c => c.Id == customerId, cancellationToken);
        }
        else
        {
            var contact = plan.Contact!;
            customer = await customers.FindOrCreateAsync(plan.Station.Id, contact.FirstName!, contact.LastName!, contact.Email!, contact.Phone, cancellationToken);
        }

        var contactName = plan.Contact is { FirstName: { } first, LastName: { } last } ? $"{first.Trim()} {last.Trim()}" : customer.FullName;
        var contactEmail = plan.Contact?.Email?.Trim().ToLowerInvariant() ?? customer.Email;
        var contactPhone = Text.Clean(plan.Contact?.Phone) ?? customer.Phone;
        var booking = new Booking
        {
            Reference = await UniqueReferenceAsync(cancellationToken),
            StationId = plan.Station.Id,
            CustomerId = customer.Id,
            QuoteId = plan.Quote?.Id,
            StartsAt = plan.StartsAt,
            DurationMinutes = plan.DurationMinutes,
            EndsAt = plan.StartsAt.AddMinutes(plan.DurationMinutes),
            Adults = plan.Adults,
            Children = plan.Children,
            ContactName = contactName,
            ContactEmail = contactEmail,
            ContactPhone = contactPhone,
            AddressLine1 = plan.Address.Line1,
            AddressLine2 = plan.Address.Line2,
            City = plan.Address.City,
            State = plan.Address.State,
            Zip = plan.Address.Zip,
            Selections = [.. plan.Selections],
            PriceSheet = plan.Sheet,
            Breakdown = plan.Breakdown,
            DietaryNotes = plan.DietaryNotes,
            SpecialRequests = plan.SpecialRequests,
            Source = plan.Source,
            Attribution = plan.Attribution,
            IdempotencyKey = plan.IdempotencyKey,
            IdempotencyFingerprint = plan.Fingerprint,
        };
        if (chef is not null)
        {
            BookingInput.HoldChef(booking, chef);
        }

        // A customer's booking holds its chef until the deposit is paid, for a limited time (staff decide for theirs).
        if (!scope.IsStaff && booking.Breakdown.DepositCents > 0)
        {
            var until = now.AddHours(payments.Value.HoldHours);
            booking.HoldExpiresAt = until < booking.StartsAt ? until : booking.StartsAt;
        }

        db.Bookings.Add(booking);
        if (plan.Quote is { } quote)
        {
            db.Quotes.Attach(quote);
            quote.BookingId = booking.Id;
        }

        db.Publish(new BookingCreated(booking.Id, booking.Reference, booking.StationId, booking.CustomerId, booking.ChefId,
            booking.StartsAt, booking.Guests, booking.Breakdown.TotalCents, booking.Breakdown.DepositCents, booking.Source.ToContract()), now);
        await leads.MarkConvertedAsync(contactEmail, contactPhone, booking.Id, cancellationToken);
        return booking;
    }

    /// <summary>The chef who takes the event, locked for this transaction; null when staff asked for none yet.</summary>
    private async Task<Result<ChefSchedule?>> ChooseChefAsync(BookingPlan plan, CancellationToken cancellationToken)
    {
        var earliest = availability.EarliestStart(plan.Station);
        if (plan.ChefId is { } chefId)
        {
            await availability.LockChefForBookingAsync(chefId, plan.StartsAt, plan.Zone, cancellationToken);
            var loaded = await availability.LoadAsync(plan.Station.Id, plan.Zone, plan.StartsAt, plan.StartsAt.AddMinutes(plan.DurationMinutes), [chefId], null, cancellationToken);
            if (loaded.Count == 0)
            {
                return Failure.Invalid("chefId", "No such active chef at this station.");
            }

            var why = AvailabilityEngine.WhyUnavailable(loaded[0].Schedule, plan.Zone, plan.StartsAt, plan.DurationMinutes, earliest);
            return why is null ? loaded[0].Schedule : Failure.Conflict(ProblemCodes.ChefUnavailable, "That chef cannot take this event.", why);
        }

        if (!plan.AssignChef)
        {
            return (ChefSchedule?)null;
        }

        var end = plan.StartsAt.AddMinutes(plan.DurationMinutes);
        var localDate = AvailabilityEngine.LocalDate(plan.StartsAt, plan.Zone);
        var schedules = await availability.LoadAsync(plan.Station.Id, plan.Zone, plan.StartsAt, end, null, null, cancellationToken);
        var candidates = schedules
            .Where(s => AvailabilityEngine.WhyUnavailable(s.Schedule, plan.Zone, plan.StartsAt, plan.DurationMinutes, earliest) is null)
            .OrderBy(s => AvailabilityEngine.EventsOn(s.Schedule, localDate))
            .ThenBy(s => s.Chef.Id)
            .Select(s => s.Schedule)
            .ToList();
        foreach (var candidate in candidates)
        {
            // Re-read the chef's schedule under the chef's locks: another request may have taken the slot,
            // or staff changed the chef's hours or time off, since the candidates were chosen.
            await availability.LockChefForBookingAsync(candidate.ChefId, plan.StartsAt, plan.Zone, cancellationToken);
            var fresh = await availability.ReloadUnderLockAsync(plan.Station.Id, candidate.ChefId, plan.Zone, plan.StartsAt, end, null, cancellationToken);
            if (fresh is not null && AvailabilityEngine.WhyUnavailable(fresh, plan.Zone, plan.StartsAt, plan.DurationMinutes, earliest) is null)
            {
                return fresh;
            }
        }

        var openThatDay = schedules
            .SelectMany(s => AvailabilityEngine.OpenStarts(s.Schedule, plan.Zone, localDate, localDate, plan.DurationMinutes, earliest))
            .Distinct().Order()
            .Select(s => TimeZoneInfo.ConvertTime(s, plan.Zone).ToString("HH:mm", CultureInfo.InvariantCulture))
            .ToList();
        return Failure.Conflict(ProblemCodes.NoChefFree, "No chef is free at that time.",
            openThatDay.Count > 0 ? $"Open start times that day: {string.Join(", ", openThatDay)}." : "No chef is free that day; try another date.");
    }

    private async Task<Result<PlacedBooking>?> ReplayAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        var existing = await db.Bookings.IncludingDeleted()
            .FirstOrDefaultAsync(b => b.IdempotencyKey == key, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        return existing.IdempotencyFingerprint == fingerprint
            ? new PlacedBooking(existing, Replayed: true)
            : new Failure(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused, "This Idempotency-Key was already used for a different request.",
                "Use a new key for a new booking.");
    }

    private async Task CaptureFailureAsync(
        Guid? stationId, LeadSource? source, LeadReason reason, ContactRequest? contact, IReadOnlyDictionary<string, string> details,
        Guid? quoteId, CancellationToken cancellationToken)
    {
        if (contact is null)
        {
            return;
        }

        db.ChangeTracker.Clear();
        var name = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        await leads.CaptureAsync(new LeadAttempt(stationId, source ?? LeadSource.Web, reason, name, contact.Email, contact.Phone, details, quoteId), cancellationToken);
    }

    private static Dictionary<string, string> Attempted(CreateBookingRequest request, ValidationErrors errors)
    {
        var details = new Dictionary<string, string> { ["errors"] = string.Join(" | ", errors.Messages) };
        if (request.EventDate is { } date)
        {
            details["eventDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (request.StartTime is { } time)
        {
            details["startTime"] = time;
        }

        if (request.Adults is { } adults)
        {
            details["guests"] = (adults + (request.Children ?? 0)).ToString(CultureInfo.InvariantCulture);
        }

        if (request.Address?.Zip is { } zip)
        {
            details["zip"] = zip;
        }

        return details;
    }

    private static string? ValidateIdempotencyKey(string? key, CreateBookingRequest request, ValidationErrors errors)
    {
        if (key is null)
        {
            return null;
        }

        var trimmed = key.Trim();
        if (trimmed.Length is 0 or > MaxIdempotencyKeyLength || trimmed.Any(c => c < 0x21 || c > 0x7e))
        {
            errors.Add("Idempotency-Key", $"Use 1–{MaxIdempotencyKeyLength} visible ASCII characters, e.g. a UUID.");
            return null;
        }

        var canonical = JsonSerializer.SerializeToUtf8Bytes(request, JsonColumn.Options);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    private async Task<string> UniqueReferenceAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var reference = BookingRules.NewReference();
            if (!await db.Bookings.IncludingDeleted().AnyAsync(b => b.Reference == reference, cancellationToken))
            {
                return reference;
            }
        }
    }

    /// <summary>
    /// A lost race worth trying again: a duplicate reference or customer, a deadlock, or another
    /// booking that took the chef across midnight (the retry sees it and picks another chef).
    /// </summary>
    private static bool IsRetryable(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is
            { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected }
            or { SqlState: PostgresErrorCodes.ExclusionViolation, ConstraintName: BookingConfiguration.ChefOverlapConstraint };

    /// <summary>Where the customer came from, as the site saw it (each part cut to a sane length; nothing at all when empty).</summary>
    public static BookingAttribution? AttributionOf(AttributionDto? seen)
    {
        if (seen is null)
        {
            return null;
        }

        var attribution = new BookingAttribution(TextLimits.Clip(Text.Clean(seen.Source), 100), TextLimits.Clip(Text.Clean(seen.Medium), 100),
            TextLimits.Clip(Text.Clean(seen.Campaign), 200), TextLimits.Clip(Text.Clean(seen.ClickId), 200));
        return attribution is { Source: null, Medium: null, Campaign: null, ClickId: null } ? null : attribution;
    }
}
